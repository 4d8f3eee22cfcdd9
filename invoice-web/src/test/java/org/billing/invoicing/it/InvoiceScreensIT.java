package org.billing.invoicing.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.billing.invoicing.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The operator screens in a real headless Chromium against the packaged WAR on Payara Micro, with the
 * hand-checked fixture of invoice-ejb ({@code march-2026.sql}): Acme wholesale (account 10, Europe/Berlin)
 * owes 10.57 EUR for March 2026 over 7 calls.
 */
class InvoiceScreensIT {

    private static PostgresDatabase database;
    private static PayaraMicro server;

    private Browser browser;

    @BeforeAll
    static void deploy() throws SQLException {
        database = PostgresDatabase.startMigrated();
        database.run("/fixtures/march-2026.sql");
        server = PayaraMicro.start(database.environment(), "api/v1/accounts");
    }

    @AfterAll
    static void undeploy() throws IOException {
        if (server != null) {
            server.close();
        }
        database.close();
    }

    @BeforeEach
    void openBrowser(@TempDir Path profile) throws SQLException {
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM invoice");
        }
        browser = Browser.start(profile, server.baseUri(), Users.ADMIN);
    }

    /** The page the test ended on, to see why it failed. */
    @AfterEach
    void closeBrowser(TestInfo test) {
        if (browser != null) {
            browser.closeAfter(test);
        }
    }

    @Test
    void anOperatorCalculatesSavesViewsAndDeletesTheMarchInvoice() throws SQLException {
        browser.open("invoices.xhtml");
        assertTrue(browser.text("list:invoices").contains("No invoices match."), browser.text("list:invoices"));
        browser.checkScreen("invoices, none yet");
        browser.click("create:save");
        browser.await().until(ExpectedConditions.textToBe(By.id("create:accountIdMessage"), "Choose the account."));
        browser.checkScreen("invoices, the create form's refusals");

        browser.fillCreateForm("Acme wholesale", "2026-03-01", "2026-03-31");
        browser.click("create:calculate");
        WebElement preview =
                browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("create:preview")));
        assertEquals("10.57 EUR", figure(preview, "amount"));
        assertEquals("7", figure(preview, "calls"));
        assertTrue(browser.text("list:invoices").contains("No invoices match."), "Calculate must not save");
        assertEquals(0, storedInvoices());
        browser.screenshot("invoices-calculated.png");
        browser.checkScreen("invoices-calculated");

        browser.click("create:save");
        WebElement created =
                browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("create:created")));
        assertTrue(created.getText().contains("10.57 EUR"), created.getText());
        browser.await()
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#list\\:invoices a.invoice-link")));
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#list\\:invoices_data > tr"));
        assertEquals(1, rows.size());
        String row = rows.get(0).getText();
        assertTrue(
                row.contains("Acme wholesale")
                        && row.contains("Pending")
                        && row.contains("Customer")
                        && row.contains("Manual")
                        && row.contains("2026-03-01")
                        && row.contains("2026-03-31")
                        && row.contains("10.57 EUR"),
                row);
        assertEquals(1, storedInvoices());
        browser.screenshot("invoices.png");
        browser.checkScreen("invoices");
        browser.checkTablet("invoices");

        browser.driver()
                .findElement(By.cssSelector("#list\\:invoices a.invoice-link"))
                .click();
        browser.await().until(ExpectedConditions.urlContains("invoice.xhtml?id="));
        WebElement figures =
                browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".figures")));
        assertEquals("10.57 EUR", figure(figures, "amount"));
        assertEquals("13.62 EUR", figure(figures, "spent"));
        assertEquals("3.05 EUR", figure(figures, "earned"));
        // The call to France: prefix 33, one successful call of 125 s (2.08 min) at 0.18 for 0.54.
        String france = browser.rowContaining("invoice:tables:INV_ORIG_DST_TABLE", "France");
        assertTrue(france.matches("33 France Orange 0\\.18 1 1 125 2\\.08 180 0\\.54 .*"), france);
        assertEquals(
                List.of("Destinations", "Destinations, successful", "Networks", "Networks, successful", "Services"),
                browser.driver().findElements(By.cssSelector("#invoice\\:tables .ui-tabs-header")).stream()
                        .map(WebElement::getText)
                        .toList());
        browser.screenshot("invoice.png");
        browser.checkScreen("invoice");
        browser.checkTablet("invoice");
        String detailUrl = browser.driver().getCurrentUrl();

        browser.open("invoices.xhtml");
        browser.fillCreateForm("Acme wholesale", "2026-03-15", "2026-04-10");
        browser.click("create:save");
        // The message of the start date input, which the refusal names (field "startDate").
        browser.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("create:startDateMessage"), "The period overlaps invoice"));
        assertEquals(1, storedInvoices());
        browser.screenshot("invoices-overlap.png");
        browser.checkScreen("invoices-overlap");

        browser.driver().get(detailUrl);
        browser.click("invoice:delete");
        WebElement confirm = browser.await()
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));
        browser.await().until(driver -> "1".equals(confirm.getCssValue("opacity")));
        browser.checkScreen("invoice, the delete confirmation");
        browser.await()
                .until(ExpectedConditions.elementToBeClickable(By.id("invoice:confirmYes")))
                .click();
        browser.await().until(ExpectedConditions.urlContains("invoices.xhtml"));
        browser.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("list:invoices"), "No invoices match."));
        assertTrue(browser.driver().getPageSource().contains("was deleted"));
        assertEquals(0, storedInvoices());
    }

    @Test
    void anUnknownInvoiceIsSaidSo() {
        browser.open("invoice.xhtml?id=987654");
        WebElement notFound = browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("not-found")));
        assertTrue(notFound.getText().contains("No such invoice"), notFound.getText());
        assertTrue(notFound.getText().contains("987654"), notFound.getText());
        browser.checkScreen("invoice, not found");
    }

    private static String figure(WebElement container, String name) {
        return container
                .findElement(By.cssSelector("[data-figure='" + name + "']"))
                .getText();
    }

    private static long storedInvoices() throws SQLException {
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT count(*) FROM invoice")) {
            count.next();
            return count.getLong(1);
        }
    }
}
