package org.billing.invoicing.it;

import static org.billing.invoicing.it.InvoiceApiIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.json.JsonObject;

import org.billing.invoicing.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Automatic invoicing screen in headless Chromium against the deployed WAR: an administrator
 * invoices account 10 weekly (split by month) from March 2026, starts a run and sees the invoices it
 * made, then stops it; a viewer sees the settings and the runs but changes nothing.
 */
@ExtendWith(DeployedModule.class)
class AutoInvoicingScreensIT {

    private static final String SETTINGS = "api/v1/accounts/10/auto-invoicing/CUSTOMER";

    private final PostgresDatabase database = DeployedModule.deployment().database();
    private final Http admin = DeployedModule.deployment().http();

    private Browser browser;

    @BeforeEach
    void clean() throws Exception {
        Fixtures.removeInvoices(database);
    }

    @AfterEach
    void closeBrowser(TestInfo test) throws Exception {
        if (browser != null) {
            browser.closeAfter(test);
        }
        Fixtures.removeInvoices(database);
    }

    @Test
    void anAdministratorSetsAnAccountsPeriodRunsTheJobAndStopsIt(@TempDir Path profile) {
        browser = Browser.start(profile, DeployedModule.deployment().server().baseUri(), Users.ADMIN);
        browser.open("automatic.xhtml?account=10&direction=CUSTOMER");
        assertEquals("Not invoiced automatically: invoices are made by hand.", browser.text("settings:current"));

        browser.choose("settings:invoicePeriod", "Weekly split by month");
        browser.typeDate("settings:generateFrom", "2026-03-01");
        browser.click("settings:save");
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "is invoiced automatically as customer, weekly split by month, from 2026-03-01"));
        assertEquals("Invoiced weekly split by month from 2026-03-01", browser.text("settings:current"));
        JsonObject stored = admin.get(SETTINGS).jsonObject();
        assertEquals("WEEKLY_SPLIT_BY_MONTH", stored.getString("invoicePeriod"));
        assertEquals("2026-03-01", stored.getString("generateFrom"));

        browser.click("runs:runNow");
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Generation run "));
        String run = browser.text("messages").replaceAll("(?s).*Generation run (\\d+).*", "$1");
        // The run ends in seconds; Refresh until the screen shows how.
        new WebDriverWait(browser.driver(), Duration.ofSeconds(90)).pollingEvery(Duration.ofSeconds(1))
                .ignoring(StaleElementReferenceException.class).until(driver -> {
                    browser.click("runs:refresh");
                    browser.await().until(d -> (Boolean) ((JavascriptExecutor) d)
                            .executeScript("return PrimeFaces.ajax.Queue.isEmpty();"));
                    return runRow(run).contains("COMPLETED");
                });
        assertTrue(runRow(run).matches(".*created=\\d+ skipped=0.*"), runRow(run));
        List<JsonObject> march = admin.get("api/v1/invoices?accountId=10&from=2026-03-01&to=2026-03-31&size=50")
                .jsonObject().getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(6, march.size(), "the six weeks of March cut by the month: " + march);
        assertTrue(march.stream().allMatch(i -> i.getString("type").startsWith("AUTO")), march.toString());

        browser.click("settings:stop");
        WebElement confirm = browser.await().until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));
        browser.await().until(driver -> "1".equals(confirm.getCssValue("opacity")));
        browser.click("settings:confirmYes");
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "is no longer invoiced automatically as customer; its invoices stay"));
        assertProblem(admin.get(SETTINGS), 404, "NOT_FOUND", null);
    }

    @Test
    void aViewerSeesTheSettingsAndRunsButChangesNothing(@TempDir Path profile) {
        assertEquals(200, admin.put(SETTINGS, jakarta.json.Json.createObjectBuilder().add("invoicePeriod", "MONTHLY")
                .add("generateFrom", "2026-03-01").build()).status());
        browser = Browser.start(profile, DeployedModule.deployment().server().baseUri(), Users.VIEWER);

        browser.open("automatic.xhtml?account=10&direction=CUSTOMER");
        assertEquals("Invoiced monthly from 2026-03-01", browser.text("settings:current"));
        for (String id : List.of("settings:save", "settings:stop", "runs:runNow")) {
            assertTrue(browser.driver().findElements(By.id(id)).isEmpty(), id + " is shown to a viewer");
        }
        assertFalse(browser.driver().findElements(By.id("runs:refresh")).isEmpty(), "a viewer may refresh the runs");
        assertTrue(browser.driver().findElement(By.id("settings:invoicePeriod")).getAttribute("class")
                .contains("ui-state-disabled"), "the period is read-only");
    }

    /** The text of the runs table's row of run {@code id}, or "" when it is not listed. */
    private String runRow(String id) {
        return browser.driver().findElements(By.cssSelector("[id='runs:runList_data'] > tr")).stream()
                .map(WebElement::getText).map(row -> row.replace('\n', ' '))
                .filter(row -> row.startsWith(id + " ")).findFirst().orElse("");
    }
}
