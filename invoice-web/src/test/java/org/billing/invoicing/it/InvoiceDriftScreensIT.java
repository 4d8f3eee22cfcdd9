package org.billing.invoicing.it;

import static org.billing.invoicing.it.InvoiceApiIT.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.json.JsonValue;

import org.billing.invoicing.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The drift of an issued invoice on its page (issue 13), in headless Chromium: account 10's March of
 * {@code march-2026.sql} (10.57) is approved, a late call (0.30) arrives, an operator checks the invoice,
 * sees the warning with the figures and creates the supplementary invoice, whose page links back.
 */
class InvoiceDriftScreensIT {

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
    void openBrowser(@TempDir Path profile) {
        browser = Browser.start(profile, server.baseUri(), Users.OPERATOR);
    }

    @AfterEach
    void closeBrowser(TestInfo test) throws SQLException {
        if (browser != null) {
            browser.closeAfter(test);
        }
        Fixtures.removeInvoices(database);
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM cdr WHERE id = 9101");
            statement.execute("UPDATE cdr SET customer_price = 0.54 WHERE id = 5");
        }
    }

    @Test
    void anOperatorSeesTheDriftAndBillsItWithASupplementaryInvoice() throws Exception {
        Http http = new Http(server.baseUri()).as(Users.OPERATOR);
        Http.Response created = http.post("api/v1/invoices", request(10, "CUSTOMER", "2026-03-01", "2026-03-31"));
        assertEquals(201, created.status(), created.text());
        long id = created.jsonObject().getJsonNumber("id").longValue();
        assertEquals(
                200,
                http.post("api/v1/invoices/" + id + "/approve", JsonValue.EMPTY_JSON_OBJECT)
                        .status());

        browser.open("invoice.xhtml?id=" + id);
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("driftNever")));
        browser.checkScreen("invoice-drift-unchecked");

        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO cdr (id, time_start, time_connect, duration, success, is_last_cdr, customer_acc_id,
                                     vendor_acc_id, customer_price, vendor_price, customer_duration, vendor_duration,
                                     destination_prefix, destination_next_rate, destination_reverse_billing,
                                     dialpeer_prefix, dialpeer_next_rate, dialpeer_reverse_billing, dst_country_id, dst_network_id)
                    VALUES (9101, '2026-03-15T10:00:00Z', '2026-03-15T10:00:04Z', 90, true, true, 10, 20, 0.30, 0.10, 120, 90,
                            '33', 0.18, false, '33', 0.12, false, 2, 21)
                    """);
        }
        browser.click("invoice:checkDrift");
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("driftFigures")));
        String warning = browser.text("invoice:drift");
        assertTrue(warning.contains("changed since it was issued"), warning);
        assertEquals(
                "alert", browser.driver().findElement(By.id("invoice:drift")).getDomAttribute("role"));
        assertEquals("0.30", browser.text("driftAmountDifference"));
        assertTrue(warning.contains("10.57") && warning.contains("10.87"), warning);
        browser.screenshot("invoice-drifted.png");
        browser.checkScreen("invoice-drifted");

        browser.click("invoice:createSupplementary");
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("invoice:supplements")));
        assertTrue(browser.text("heading").startsWith("Supplementary invoice"), browser.text("heading"));
        assertTrue(
                browser.text("invoice:supplementedInvoiceLink").contains("INV-"),
                browser.text("invoice:supplementedInvoiceLink"));
        browser.screenshot("invoice-supplementary.png");
        browser.checkScreen("invoice-supplementary");

        browser.click("invoice:supplementedInvoiceLink");
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("invoice:pendingSupplementaryLink")));
        browser.checkScreen("invoice-drift-supplementary-pending");

        browser.open("invoices.xhtml");
        browser.choose("list:filterDrifted", "Changed since issued");
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("list:invoices"), "INV-"));
        browser.checkScreen("invoices-drifted");
    }

    /** CDR 5 re-rated from 0.54 to 0.04: March now totals 10.07, a decrease settled by Credit and correct. */
    @Test
    void anOperatorCreditsAndCorrectsAnInvoiceWhosePeriodNowTotalsLess() throws Exception {
        Http http = new Http(server.baseUri()).as(Users.OPERATOR);
        Http.Response created = http.post("api/v1/invoices", request(10, "CUSTOMER", "2026-03-01", "2026-03-31"));
        assertEquals(201, created.status(), created.text());
        long id = created.jsonObject().getJsonNumber("id").longValue();
        assertEquals(
                200,
                http.post("api/v1/invoices/" + id + "/approve", JsonValue.EMPTY_JSON_OBJECT)
                        .status());
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            statement.execute("UPDATE cdr SET customer_price = 0.04 WHERE id = 5");
        }

        browser.open("invoice.xhtml?id=" + id);
        browser.click("invoice:checkDrift");
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("driftFigures")));
        assertEquals("-0.50", browser.text("driftAmountDifference"));
        assertTrue(browser.driver()
                .findElements(By.id("invoice:createSupplementary"))
                .isEmpty());
        browser.click("invoice:correct");
        var dialog = browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("correctDialog")));
        browser.await().until(driver -> "1".equals(dialog.getCssValue("opacity")));
        browser.checkScreen("invoice-correct-dialog");
        browser.type("correction:correctionReason", "CDR 5 re-rated");
        browser.click("correction:creditAndCorrect");

        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("heading"), "not numbered yet"));
        assertEquals("Pending", browser.text("attrState"));
        assertTrue(browser.driver().getPageSource().contains("10.07"));
        browser.checkScreen("invoice-corrected");
    }
}
