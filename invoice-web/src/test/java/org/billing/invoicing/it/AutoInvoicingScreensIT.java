package org.billing.invoicing.it;

import static org.billing.invoicing.it.InvoiceApiIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.json.Json;
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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Automatic invoicing screen in headless Chromium against the deployed WAR: an administrator
 * invoices account 10 weekly (split by month) from March 2026, starts a run and follows it to its end
 * without refreshing, then stops it; changes and stops many accounts at once in the overview; sees a
 * run's failures; a viewer sees the settings, the overview and the runs but changes nothing.
 */
@ExtendWith(DeployedModule.class)
class AutoInvoicingScreensIT {

    private static final String SETTINGS = "api/v1/accounts/10/auto-invoicing/CUSTOMER";
    /** The cells of a run's row. */
    private static final int STATUS = 1;

    private static final int CREATED = 4;
    private static final int SKIPPED = 5;
    private static final int FAILED = 6;

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
        browser.checkScreen("automatic invoicing, an account's settings");

        browser.choose("settings:invoicePeriod", "Weekly split by month");
        browser.typeDate("settings:generateFrom", "2026-03-01");
        browser.click("settings:save");
        browser.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("messages"),
                        "is invoiced automatically as customer, weekly split by month, from 2026-03-01"));
        assertEquals("Invoiced weekly split by month from 2026-03-01", browser.text("settings:current"));
        browser.checkScreen("automatic invoicing, settings saved");
        JsonObject stored = admin.get(SETTINGS).jsonObject();
        assertEquals("WEEKLY_SPLIT_BY_MONTH", stored.getString("invoicePeriod"));
        assertEquals("2026-03-01", stored.getString("generateFrom"));
        assertTrue(overviewRow("10-CUSTOMER").contains("Weekly split by month"), "the overview follows the save");

        String run = runNow();
        // The page follows the run by itself (the poll): nothing is clicked until it shows the end.
        awaitCompleted(run);
        List<String> cells = runCells(run);
        assertTrue(Integer.parseInt(cells.get(CREATED)) >= 6, cells.toString());
        assertEquals("0", cells.get(SKIPPED), cells.toString());
        assertEquals("0", cells.get(FAILED), cells.toString());
        List<JsonObject> march = admin.get("api/v1/invoices?accountId=10&from=2026-03-01&to=2026-03-31&size=50")
                .jsonObject()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class);
        assertEquals(6, march.size(), "the six weeks of March cut by the month: " + march);
        assertTrue(march.stream().allMatch(i -> i.getString("type").startsWith("AUTO")), march.toString());

        browser.scrollTo("settings:stop");
        browser.click("settings:stop");
        confirm();
        browser.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("messages"), "is no longer invoiced automatically as customer; its invoices stay"));
        assertProblem(admin.get(SETTINGS), 404, "NOT_FOUND", null);
    }

    @Test
    void anAdministratorChangesAndStopsManyAccountsAtOnceInTheOverview(@TempDir Path profile) {
        browser = Browser.start(profile, DeployedModule.deployment().server().baseUri(), Users.ADMIN);
        browser.open("automatic.xhtml");
        assertEquals(
                Set.of("10-CUSTOMER", "10-VENDOR", "20-CUSTOMER", "20-VENDOR", "30-CUSTOMER", "30-VENDOR"),
                overviewKeys());

        // Acme's accounts (10 "Acme wholesale", 30 "Acme retail", contractor Acme Telecom) as customers.
        browser.type("overview:text", "acme");
        browser.await()
                .until(driver -> overviewKeys().equals(Set.of("10-CUSTOMER", "10-VENDOR", "30-CUSTOMER", "30-VENDOR")));
        browser.choose("overview:filterDirection", "Customer");
        browser.await().until(driver -> overviewKeys().equals(Set.of("10-CUSTOMER", "30-CUSTOMER")));
        browser.checkScreen("automatic invoicing, the overview filtered");

        select("10-CUSTOMER", "1 row");
        select("30-CUSTOMER", "2 rows");
        browser.choose("overview:invoicePeriod", "Weekly");
        browser.typeDate("overview:generateFrom", "2026-03-02");
        browser.checkScreen("automatic invoicing, two rows selected");
        browser.click("overview:changeSelected");
        browser.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("messages"), "Automatic invoicing changed for 2 selected rows: weekly from 2026-03-02."));
        for (long account : List.of(10L, 30L)) {
            JsonObject stored = admin.get("api/v1/accounts/" + account + "/auto-invoicing/CUSTOMER")
                    .jsonObject();
            assertEquals("WEEKLY", stored.getString("invoicePeriod"), "account " + account);
            assertEquals("2026-03-02", stored.getString("generateFrom"), "account " + account);
        }
        String row = overviewRow("30-CUSTOMER");
        assertTrue(
                row.contains("Weekly") && row.contains("2026-03-02 – 2026-03-08"),
                "the first week is due next: " + row);
        assertEquals("0 rows", browser.text("overview:selectedCount"), "the selection is done with");
        browser.checkScreen("automatic invoicing, rows changed");

        select("30-CUSTOMER", "1 row");
        browser.click("overview:stopSelected");
        confirm();
        browser.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("messages"), "Automatic invoicing stopped for 1 selected row; their invoices stay."));
        assertProblem(admin.get("api/v1/accounts/30/auto-invoicing/CUSTOMER"), 404, "NOT_FOUND", null);
        assertEquals("WEEKLY", admin.get(SETTINGS).jsonObject().getString("invoicePeriod"));
        assertTrue(overviewRow("30-CUSTOMER").contains("Not automatic"), overviewRow("30-CUSTOMER"));
    }

    @Test
    void anAdministratorFollowsARunToItsEndAndSeesWhatFailed(@TempDir Path profile) throws Exception {
        // Account 20's zone is one no calendar knows: each of its periods fails, the others go on.
        setTimeZone(20, "Mars/Olympus_Mons");
        try {
            assertEquals(
                    200,
                    admin.put(
                                    "api/v1/accounts/20/auto-invoicing/CUSTOMER",
                                    Json.createObjectBuilder()
                                            .add("invoicePeriod", "MONTHLY")
                                            .add("generateFrom", "2026-03-01")
                                            .build())
                            .status());
            // Daily since March: a few hundred periods, so that the run is seen going.
            assertEquals(
                    200,
                    admin.put(
                                    SETTINGS,
                                    Json.createObjectBuilder()
                                            .add("invoicePeriod", "DAILY")
                                            .add("generateFrom", "2026-03-01")
                                            .build())
                            .status());
            browser =
                    Browser.start(profile, DeployedModule.deployment().server().baseUri(), Users.ADMIN);
            browser.open("automatic.xhtml");
            // Remembers whether a progress bar was ever shown in the runs table, whatever replaced it since.
            ((JavascriptExecutor) browser.driver()).executeScript("""
                    window.sawProgressBar = false;
                    new MutationObserver(() => {
                        if (document.querySelector("[id='runs:runList'] .ui-progressbar")) { window.sawProgressBar = true; }
                    }).observe(document.body, {childList: true, subtree: true});
                    """);

            String run = runNow();
            awaitCompleted(run);

            assertTrue(
                    (Boolean) ((JavascriptExecutor) browser.driver()).executeScript("return window.sawProgressBar;"),
                    "a progress bar showed the run going");
            browser.await()
                    .until(driver -> Boolean.FALSE.equals(
                            ((JavascriptExecutor) driver).executeScript("return PF('runsPoll').active;")));
            List<String> cells = runCells(run);
            assertTrue(Integer.parseInt(cells.get(FAILED)) >= 1, cells.toString());
            assertTrue(Integer.parseInt(cells.get(CREATED)) >= 200, cells.toString());

            failuresLink(run).click();
            browser.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.id("runs:failures"), "Failures of run " + run));
            String failure = browser.rowContaining("runs:failureList", "Invalid time zone");
            assertTrue(
                    failure.contains("20 · Carrier B termination")
                            && failure.contains("Customer")
                            && failure.contains("Mars/Olympus_Mons"),
                    failure);
            // When the run ended, the overview was read again: account 20's latest failure is there.
            assertTrue(overviewRow("20-CUSTOMER").contains("Invalid time zone"), overviewRow("20-CUSTOMER"));
            assertFalse(overviewRow("10-CUSTOMER").contains("Invalid time zone"), overviewRow("10-CUSTOMER"));
            // The mouse on the link it clicked: a link under the mouse must read as well as the others.
            new Actions(browser.driver()).moveToElement(failuresLink(run)).perform();
            browser.checkScreen("automatic invoicing, the failures of a run");
        } finally {
            setTimeZone(20, "UTC");
        }
    }

    @Test
    void aViewerSeesTheSettingsOverviewAndRunsButChangesNothing(@TempDir Path profile) {
        assertEquals(
                200,
                admin.put(
                                SETTINGS,
                                Json.createObjectBuilder()
                                        .add("invoicePeriod", "MONTHLY")
                                        .add("generateFrom", "2026-03-01")
                                        .build())
                        .status());
        browser = Browser.start(profile, DeployedModule.deployment().server().baseUri(), Users.VIEWER);

        browser.open("automatic.xhtml?account=10&direction=CUSTOMER");
        assertEquals("Invoiced monthly from 2026-03-01", browser.text("settings:current"));
        for (String id : List.of(
                "settings:save",
                "settings:stop",
                "runs:runNow",
                "overview:bulk",
                "overview:changeSelected",
                "overview:stopSelected")) {
            assertTrue(browser.driver().findElements(By.id(id)).isEmpty(), id + " is shown to a viewer");
        }
        assertFalse(browser.driver().findElements(By.id("runs:refresh")).isEmpty(), "a viewer may refresh the runs");
        assertTrue(
                browser.driver()
                        .findElement(By.id("settings:invoicePeriod"))
                        .getAttribute("class")
                        .contains("ui-state-disabled"),
                "the period is read-only");
        String row = overviewRow("10-CUSTOMER");
        assertTrue(
                row.contains("Acme wholesale") && row.contains("Monthly") && row.contains("2026-03-01 – 2026-03-31"),
                "the viewer sees the overview: " + row);
        assertTrue(
                browser.driver()
                        .findElements(By.cssSelector("[id='overview:accounts'] .ui-chkbox"))
                        .isEmpty(),
                "no row can be selected by a viewer");
        browser.checkScreen("automatic invoicing, a viewer");
        browser.checkTablet("automatic invoicing, a viewer");
    }

    /** Clicks Run now and returns the id of the run the page says it started. */
    private String runNow() {
        browser.click("runs:runNow");
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Generation run "));
        return browser.text("messages").replaceAll("(?s).*Generation run (\\d+).*", "$1");
    }

    /** Waits, clicking nothing, until the runs table shows run {@code id} completed. */
    private void awaitCompleted(String id) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(120))
                .pollingEvery(Duration.ofMillis(500))
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> {
                    List<String> cells = runCells(id);
                    return !cells.isEmpty() && "Completed".equals(cells.get(STATUS));
                });
    }

    private WebElement runRowElement(String id) {
        return browser.driver().findElements(By.cssSelector("[id='runs:runList_data'] > tr")).stream()
                .filter(row ->
                        row.getText().startsWith(id + " ") || row.getText().startsWith(id + "\n"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No run " + id + " listed"));
    }

    /** The link in run {@code id}'s row that shows its failures. */
    private WebElement failuresLink(String id) {
        return runRowElement(id).findElement(By.cssSelector("a[id$=':showFailures']"));
    }

    /** The texts of the cells of run {@code id}'s row, or an empty list when it is not listed. */
    private List<String> runCells(String id) {
        return browser.driver().findElements(By.cssSelector("[id='runs:runList_data'] > tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).stream()
                        .map(td -> td.getText().strip())
                        .toList())
                .filter(cells -> !cells.isEmpty() && cells.get(0).equals(id))
                .findFirst()
                .orElse(List.of());
    }

    /**
     * The keys ("10-CUSTOMER") of the overview's rows on the page, read in one script: an Ajax update may
     * replace the rows between two reads of Selenium's.
     */
    @SuppressWarnings("unchecked")
    private Set<String> overviewKeys() {
        return Set.copyOf((List<String>) ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "return Array.from(document.querySelectorAll(\"[id='overview:accounts_data'] > tr[data-rk]\"))"
                                + ".map(row => row.getAttribute('data-rk'));"));
    }

    /** The text of the overview's row {@code key}, on one line ("" when it is not on the page). */
    private String overviewRow(String key) {
        Object text = ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "const row = document.querySelector(\"[id='overview:accounts_data'] > tr[data-rk='\" + arguments[0] + \"']\");"
                                + " return row ? row.innerText : '';",
                        key);
        return String.valueOf(text).replaceAll("\\s+", " ").strip();
    }

    /** Ticks the overview's row {@code key} and waits for the count of selected rows. */
    private void select(String key, String count) {
        browser.await()
                .until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("[id='overview:accounts_data'] > tr[data-rk='" + key + "'] .ui-chkbox-box")))
                .click();
        browser.await().until(ExpectedConditions.textToBe(By.id("overview:selectedCount"), count));
    }

    /** Says yes in the confirm dialog, once it has finished opening. */
    private void confirm() {
        WebElement dialog = browser.await()
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));
        browser.await().until(driver -> "1".equals(dialog.getCssValue("opacity")));
        browser.checkScreen("automatic invoicing, the stop confirmation");
        browser.click("confirm:yes");
    }

    private void setTimeZone(long accountId, String zone) throws SQLException {
        try (Connection connection = database.connection();
                PreparedStatement update =
                        connection.prepareStatement("UPDATE account SET timezone = ? WHERE id = ?")) {
            update.setString(1, zone);
            update.setLong(2, accountId);
            assertEquals(1, update.executeUpdate());
        }
    }
}
