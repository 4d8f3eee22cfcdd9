package org.billing.invoicing.it;

import static org.billing.invoicing.it.InvoiceApiIT.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The dashboard (index.xhtml, the page after login) in headless Chromium against {@code GET /dashboard}, on
 * the March fixture: its counts and monthly figures are those of the API and those worked out by hand below,
 * and each count opens the list of exactly the invoices (or accounts) it counts.
 *
 * <p>What the test makes: Acme wholesale's March invoice (customer, 10.57 EUR, 7 calls, 540 billed seconds),
 * approved; Carrier B's March invoice (vendor, 0.37 USD, 8 calls, 286 billed seconds) approved, credited and
 * made again and approved; two Pending invoices (Acme's February, Carrier B's April). Then, as the failing
 * machinery would leave them: Acme's March document failed; an email of Acme's March invoice failed, and one
 * of Carrier B's failed and was then sent again; Acme's automatic invoicing (customer) with a failed May
 * waiting, and Carrier B's (vendor) whose failed May was made by a later run.
 */
@ExtendWith(DeployedModule.class)
class DashboardScreensIT {

    private final Http admin = DeployedModule.deployment().http();

    private Browser browser;
    private long acmeMarch;
    private long carrierMarchAgain;
    private final Set<Long> pending = new TreeSet<>();
    private final List<Long> runs = new ArrayList<>();

    @BeforeEach
    void fixture(@TempDir Path profile) throws Exception {
        Fixtures.removeInvoices(DeployedModule.deployment().database());
        acmeMarch = create(10, "CUSTOMER", "2026-03-01", "2026-03-31");
        approve(acmeMarch);
        long carrierMarch = create(20, "VENDOR", "2026-03-01", "2026-03-31");
        approve(carrierMarch);
        Http.Response credited = admin.post(
                "api/v1/invoices/" + carrierMarch + "/credit-note",
                Json.createObjectBuilder().add("reason", "Rates were wrong").build());
        assertEquals(201, credited.status(), credited.text());
        carrierMarchAgain = create(20, "VENDOR", "2026-03-01", "2026-03-31");
        approve(carrierMarchAgain);
        pending.add(create(10, "CUSTOMER", "2026-02-01", "2026-02-28"));
        pending.add(create(20, "VENDOR", "2026-04-01", "2026-04-30"));

        try (Connection connection = DeployedModule.deployment().database().connection();
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO invoice_document (invoice_id, status, attempts, failure, requested_at)"
                    + " VALUES (" + acmeMarch + ", 'FAILED', 10, 'The template could not be read.', now())");
            outbox(statement, acmeMarch, "billing@acme.example", "FAILED");
            outbox(statement, carrierMarchAgain, "ap@carrierb.example", "FAILED");
            outbox(statement, carrierMarchAgain, "ap@carrierb.example", "SENT");
            // Far in the future: no run of the schedule plans anything for them meanwhile.
            statement.execute(
                    "INSERT INTO account_auto_invoicing (account_id, direction, invoice_period, generate_from,"
                            + " updated_at) VALUES (10, 'CUSTOMER', 'MONTHLY', '2030-01-01', now()),"
                            + " (20, 'VENDOR', 'MONTHLY', '2030-01-01', now())");
            long run = run(connection);
            item(statement, run, 10, "CUSTOMER", "FAILED");
            item(statement, run, 20, "VENDOR", "FAILED");
            item(statement, run(connection), 20, "VENDOR", "CREATED");
        }
        browser = Browser.start(profile, DeployedModule.deployment().server().baseUri(), Users.VIEWER);
    }

    @AfterEach
    void clean(TestInfo test) throws Exception {
        if (browser != null) {
            browser.closeAfter(test);
        }
        try (Connection connection = DeployedModule.deployment().database().connection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM generation_run WHERE id = ?")) {
            for (long run : runs) {
                delete.setLong(1, run);
                delete.executeUpdate();
            }
        }
        Fixtures.removeInvoices(DeployedModule.deployment().database());
    }

    @Test
    void theDashboardShowsTheApisFiguresAndEachCountOpensWhatItCounts() {
        JsonObject api = admin.get("api/v1/dashboard").jsonObject();
        // By hand: two Pending; Acme's March document; Acme's email (Carrier B's was sent again); Acme's May.
        assertEquals(2, api.getJsonNumber("pendingInvoices").longValue());
        assertEquals(1, api.getJsonNumber("failedDocuments").longValue());
        assertEquals(1, api.getJsonNumber("failedEmails").longValue());
        assertEquals(1, api.getJsonNumber("failingAutomaticInvoicing").longValue());
        assertEquals(0, api.getJsonNumber("driftedInvoices").longValue(), "no drift check yet");
        assertEquals(12, api.getJsonArray("months").size());
        // March: Acme's invoice; Carrier B's invoice, its credit note and the invoice made again (0.37 - 0.37 + 0.37).
        assertEquals(List.of("2026-03 CUSTOMER EUR 10.57 1", "2026-03 VENDOR USD 0.37 3"), invoiced(api));
        // Carrier B's credited invoice is left out: its calls are those of the invoice made again.
        assertEquals(
                List.of("2026-03 CUSTOMER 7 540", "2026-03 VENDOR 8 286"),
                api.getJsonArray("traffic").stream()
                        .map(JsonObject.class::cast)
                        .map(t -> t.getString("month") + " " + t.getString("direction") + " " + t.getJsonNumber("calls")
                                + " " + t.getJsonNumber("billedSeconds"))
                        .toList());

        assertEquals(200, admin.get("api/v1/invoices?state=PENDING").status());
        assertEquals(Set.of(acmeMarch), ids("api/v1/invoices?documentFailed=true"));
        assertEquals(Set.of(acmeMarch), ids("api/v1/invoices?emailFailed=true"));
        assertEquals(pending, ids("api/v1/invoices?state=PENDING"));

        // The page after login is the dashboard.
        assertTrue(
                browser.driver().getCurrentUrl().endsWith("/invoicing/index.xhtml"),
                browser.driver().getCurrentUrl());
        assertEquals("2", browser.text("pendingInvoices"));
        assertEquals("1", browser.text("failedDocuments"));
        assertEquals("1", browser.text("failedEmails"));
        assertEquals("1", browser.text("failingAutomaticInvoicing"));
        assertEquals("0", browser.text("driftedInvoices"));
        assertEquals(List.of("2026-03 Customer EUR 1 10.57", "2026-03 Vendor USD 3 0.37"), tableRows("invoicedTable"));
        List<String> traffic = tableRows("trafficTable");
        assertEquals(12, traffic.size());
        assertTrue(traffic.contains("2026-03 7 9.00 8 4.77"), traffic.toString());
        for (String month : api.getJsonArray("months").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString)
                .toList()) {
            assertTrue(month.equals("2026-03") || traffic.contains(month + " 0 0.00 0 0.00"), month + " in " + traffic);
        }
        // The charts are drawn and named for screen readers; their figures are the tables'.
        assertEquals(
                "img",
                browser.driver().findElement(By.id("invoicedChart_canvas")).getAttribute("role"));
        assertTrue(browser.driver()
                .findElement(By.id("trafficChart_canvas"))
                .getAttribute("aria-label")
                .contains("table"));
        browser.screenshot("dashboard.png");
        browser.checkScreen("dashboard");
        browser.checkTablet("dashboard");

        browser.click("pendingLink");
        assertEquals(pending, listedInvoices());
        browser.checkScreen("invoices, Pending ones from the dashboard");

        browser.open("index.xhtml");
        browser.click("failedDocumentsLink");
        assertEquals(Set.of(acmeMarch), listedInvoices());
        assertEquals("Document failed", browser.text("list:filterProblem_label"));
        browser.checkScreen("invoices, failed documents from the dashboard");

        browser.open("index.xhtml");
        browser.click("failedEmailsLink");
        assertEquals(Set.of(acmeMarch), listedInvoices());

        browser.open("index.xhtml");
        browser.click("failingAutomaticLink");
        browser.await()
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> overviewRows().size() == 1);
        String row = overviewRows().get(0).getText();
        assertTrue(row.contains("Acme wholesale") && row.contains("Customer"), row);
        browser.checkScreen("automatic invoicing, failing accounts from the dashboard");
    }

    private List<String> invoiced(JsonObject api) {
        return api.getJsonArray("invoiced").stream()
                .map(JsonObject.class::cast)
                .map(i -> i.getString("month") + " " + i.getString("direction") + " " + i.getString("currency") + " "
                        + new BigDecimal(i.getString("amount"))
                                .stripTrailingZeros()
                                .toPlainString() + " "
                        + i.getJsonNumber("documents"))
                .toList();
    }

    private long create(long account, String direction, String start, String end) {
        Http.Response created = admin.post("api/v1/invoices", request(account, direction, start, end));
        assertEquals(201, created.status(), created.text());
        return created.jsonObject().getJsonNumber("id").longValue();
    }

    private void approve(long id) {
        Http.Response approved = admin.post("api/v1/invoices/" + id + "/approve", JsonObject.EMPTY_JSON_OBJECT);
        assertEquals(200, approved.status(), approved.text());
    }

    private Set<Long> ids(String path) {
        Http.Response response = admin.get(path);
        assertEquals(200, response.status(), response.text());
        Set<Long> ids = new TreeSet<>();
        response.jsonObject()
                .getJsonArray("items")
                .forEach(item -> ids.add(item.asJsonObject().getJsonNumber("id").longValue()));
        return ids;
    }

    private static void outbox(Statement statement, long invoice, String recipient, String status) throws SQLException {
        statement.execute("INSERT INTO mail_outbox (invoice_id, cause, requested_by, recipient, subject, body, status,"
                + " attempts, next_attempt_at, last_error, created_at, sent_at) VALUES (" + invoice
                + ", 'ISSUED', 'ada', '"
                + recipient + "', 'Invoice', 'Attached.', '" + status + "', 8, now(), "
                + ("FAILED".equals(status) ? "'550 mailbox unavailable'" : "NULL") + ", now(), "
                + ("SENT".equals(status) ? "now()" : "NULL") + ")");
    }

    private long run(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "INSERT INTO generation_run (status, trigger, started_by, node, partitions, started_at, heartbeat_at, ended_at)"
                                + " VALUES ('COMPLETED', 'OPERATOR', 'ada', 'test', 1, now(), now(), now()) RETURNING id")) {
            row.next();
            runs.add(row.getLong(1));
            return row.getLong(1);
        }
    }

    private static void item(Statement statement, long run, long account, String direction, String status)
            throws SQLException {
        statement.execute(
                "INSERT INTO generation_item (run_id, account_id, direction, first_day, last_day, partial, bucket,"
                        + " status, attempts, code, reason, ended_at) VALUES (" + run + ", " + account + ", '"
                        + direction
                        + "', '2026-05-01', '2026-05-31', false, 0, '" + status + "', 1, "
                        + ("FAILED".equals(status)
                                ? "'DATABASE_ERROR', 'The database refused the invoice.'"
                                : "NULL, NULL")
                        + ", now())");
    }

    /** The rows of a plain table's body, each as its cells' texts joined by a space. */
    private List<String> tableRows(String id) {
        return browser.driver().findElements(By.cssSelector("#" + id + " tbody tr")).stream()
                .map(tr -> String.join(
                        " ",
                        tr.findElements(By.cssSelector("th, td")).stream()
                                .map(WebElement::getText)
                                .toList()))
                .toList();
    }

    /** The ids of the invoice list's rows once it has loaded. */
    private Set<Long> listedInvoices() {
        browser.await().until(ExpectedConditions.urlContains("invoices.xhtml"));
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("list:invoices")));
        Set<Long> ids = new TreeSet<>();
        browser.driver()
                .findElements(By.cssSelector("#list\\:invoices_data a.invoice-link"))
                .forEach(link -> ids.add(Long.parseLong(link.getText().trim())));
        return ids;
    }

    private List<WebElement> overviewRows() {
        return browser.driver()
                .findElements(By.cssSelector("#overview\\:accounts_data > tr:not(.ui-datatable-empty-message)"));
    }
}
