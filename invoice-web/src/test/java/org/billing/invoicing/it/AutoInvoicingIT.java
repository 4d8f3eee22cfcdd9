package org.billing.invoicing.it;

import static org.billing.invoicing.it.InvoiceApiIT.assertProblem;
import static org.billing.invoicing.it.InvoiceApiIT.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.billing.invoicing.testing.PostgresDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Automatic invoicing on the deployed WAR: the batch job makes each due period's invoice once. */
@ExtendWith(DeployedModule.class)
class AutoInvoicingIT {

    private final PostgresDatabase database = DeployedModule.deployment().database();
    private final Http http = DeployedModule.deployment().http();

    @BeforeEach
    void noInvoices() throws Exception {
        Fixtures.removeInvoices(database);
    }

    private JsonObject run() throws InterruptedException {
        Http.Response started = http.post("api/v1/generation-runs", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(202, started.status(), started.text());
        String location = started.header("Location").orElseThrow();
        String path = "api/v1/generation-runs/" + location.substring(location.lastIndexOf('/') + 1);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            JsonObject run = http.get(path).jsonObject();
            if (!run.getString("status").startsWith("START")) {
                return run;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("The generation run did not end within 90 s");
    }

    private List<JsonObject> invoicesOfAcme(String from, String to) {
        return http
                .get("api/v1/invoices?accountId=10&size=500&from=" + from + "&to=" + to)
                .jsonObject()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class)
                .stream()
                .sorted((a, b) -> a.getString("startDate").compareTo(b.getString("startDate")))
                .toList();
    }

    @Test
    void weeksSplitByMonthAreInvoicedOnceEachAroundAManualInvoice() throws Exception {
        assertEquals(
                201,
                http.post("api/v1/invoices", request(10, "CUSTOMER", "2026-03-09", "2026-03-15"))
                        .status());
        Http.Response configured = http.put(
                "api/v1/accounts/10/auto-invoicing/CUSTOMER",
                Json.createObjectBuilder()
                        .add("invoicePeriod", "WEEKLY_SPLIT_BY_MONTH")
                        .add("generateFrom", "2026-03-01")
                        .build());
        assertEquals(200, configured.status(), configured.text());

        JsonObject first = run();

        assertEquals("COMPLETED", first.getString("status"), first.toString());
        List<JsonObject> march = invoicesOfAcme("2026-03-01", "2026-03-31");
        assertEquals(
                List.of(
                        "2026-03-01/2026-03-01 AUTO_PARTIAL",
                        "2026-03-02/2026-03-08 AUTO",
                        "2026-03-09/2026-03-15 MANUAL",
                        "2026-03-16/2026-03-22 AUTO",
                        "2026-03-23/2026-03-29 AUTO",
                        "2026-03-30/2026-03-31 AUTO_PARTIAL"),
                march.stream()
                        .map(i -> i.getString("startDate") + "/" + i.getString("endDate") + " " + i.getString("type"))
                        .toList());
        // Cut into weeks, March still sums to the month's 10.57 (InvoiceCalculatorTest's figures).
        assertEquals(
                0,
                new BigDecimal("10.57")
                        .compareTo(march.stream()
                                .map(i -> new BigDecimal(i.getString("amount")))
                                .reduce(BigDecimal.ZERO, BigDecimal::add)));
        int created = Integer.parseInt(first.getString("result").replaceAll(".*created=(\\d+).*", "$1"));
        assertTrue(created >= 5, first.toString());

        // The week in progress is not due yet: it waits for its end plus the longest call.
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        assertTrue(invoicesOfAcme(today.toString(), today.toString()).isEmpty());

        long total = http.get("api/v1/invoices?accountId=10")
                .jsonObject()
                .getJsonNumber("total")
                .longValue();
        JsonObject second = run();
        assertEquals("COMPLETED", second.getString("status"));
        assertEquals("created=0 skipped=0 failed=0", second.getString("result"));
        assertEquals(0, second.getInt("due"));
        assertEquals(
                total,
                http.get("api/v1/invoices?accountId=10")
                        .jsonObject()
                        .getJsonNumber("total")
                        .longValue());
        assertEquals(1 + created, total);
    }

    /** The figures an invoice shows, as Calculate and the stored invoice both answer them. */
    private static final List<String> FIGURES = List.of(
            "amount",
            "spent",
            "earned",
            "origSpent",
            "origEarned",
            "termSpent",
            "termEarned",
            "servicesSpent",
            "servicesEarned",
            "correctionsAmount",
            "serviceTransactionsCount",
            "callsCount",
            "successfulCallsCount",
            "callsDuration",
            "billingDuration",
            "firstCallAt",
            "lastCallAt",
            "firstSuccessfulCallAt",
            "lastSuccessfulCallAt");

    private void assertSameFiguresAsCalculate(JsonObject invoice) {
        JsonObject stored = http.get(
                        "api/v1/invoices/" + invoice.getJsonNumber("id").longValue())
                .jsonObject();
        JsonObject calculated = http.post(
                        "api/v1/invoices/calculate",
                        request(
                                stored.getJsonNumber("accountId").longValue(),
                                stored.getString("direction"),
                                stored.getString("startDate"),
                                stored.getString("endDate")))
                .jsonObject();
        String which = stored.getString("startDate") + " " + stored.getString("direction") + " of account "
                + stored.getJsonNumber("accountId");
        for (String figure : FIGURES) {
            assertEquals(calculated.get(figure), stored.get(figure), figure + " of " + which);
        }
        // Calculate answers the detail tables with the figures; a stored invoice serves each on its own.
        JsonObject tables = calculated.getJsonObject("tables");
        assertTrue(tables.size() >= 4, which);
        for (String table : tables.keySet()) {
            assertEquals(
                    tables.get(table),
                    http.get("api/v1/invoices/" + stored.getJsonNumber("id") + "/tables/" + table)
                            .json(),
                    table + " of " + which);
        }
    }

    private void setZone(long accountId, String zone) throws Exception {
        try (var connection = database.connection();
                var update = connection.prepareStatement("UPDATE account SET timezone = ? WHERE id = ?")) {
            update.setString(1, zone);
            update.setLong(2, accountId);
            update.executeUpdate();
        }
    }

    private List<JsonObject> invoices(long accountId, String direction) {
        return http.get("api/v1/invoices?size=500&accountId=" + accountId + "&direction=" + direction)
                .jsonObject()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class);
    }

    @Test
    void aBrokenAccountIsReportedWhileTheOthersAreInvoicedWithTheFiguresOfCalculate() throws Exception {
        // In the first hours of a month the month just over is due in one zone and not yet in the other.
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.time.ZonedDateTime.now(ZoneId.of("UTC")).getDayOfMonth() > 1);
        for (String account :
                List.of("10/auto-invoicing/CUSTOMER", "20/auto-invoicing/VENDOR", "30/auto-invoicing/CUSTOMER")) {
            assertEquals(
                    200,
                    http.put(
                                    "api/v1/accounts/" + account,
                                    Json.createObjectBuilder()
                                            .add("invoicePeriod", "MONTHLY")
                                            .add("generateFrom", "2026-03-01")
                                            .build())
                            .status());
        }
        setZone(20, "Mars/Olympus_Mons");
        try {
            JsonObject first = run();

            assertEquals("COMPLETED", first.getString("status"), first.toString());
            assertEquals(1, first.getInt("failed"), first.toString());
            JsonObject failure = first.getJsonArray("failures").getJsonObject(0);
            assertEquals(20, failure.getInt("accountId"));
            assertEquals("VENDOR", failure.getString("direction"));
            assertEquals("INVALID_TIME_ZONE", failure.getString("code"));
            assertTrue(failure.getString("reason").contains("Mars/Olympus_Mons"), failure.toString());
            assertEquals("2026-03-01", failure.getString("startDate"));
            assertEquals(first.getInt("due"), first.getInt("done"));
            assertEquals(first.getInt("created") + 1, first.getInt("due"));
            assertTrue(invoices(20, "VENDOR").isEmpty());
        } finally {
            setZone(20, "UTC");
        }
        // Every month from March to the last one over, for the two accounts that could be planned.
        LocalDate lastMonth = LocalDate.now(ZoneId.of("UTC")).withDayOfMonth(1).minusMonths(1);
        int months = (int) java.time.temporal.ChronoUnit.MONTHS.between(LocalDate.of(2026, 3, 1), lastMonth) + 1;
        assertEquals(months, invoices(10, "CUSTOMER").size());
        assertEquals(months, invoices(30, "CUSTOMER").size());

        // The failed account is tried again by the next run, now that its zone is right.
        JsonObject second = run();
        assertEquals("COMPLETED", second.getString("status"));
        assertEquals(0, second.getInt("failed"), second.toString());
        assertEquals(months, second.getInt("created"));
        assertEquals(months, invoices(20, "VENDOR").size());

        for (String pair : List.of("10 CUSTOMER", "20 VENDOR", "30 CUSTOMER")) {
            for (JsonObject invoice : invoices(Long.parseLong(pair.split(" ")[0]), pair.split(" ")[1])) {
                assertEquals("AUTO", invoice.getString("type"));
                assertSameFiguresAsCalculate(invoice);
            }
        }
        // Account 10's March holds the fixture's calls: 10.57 (InvoiceCalculatorTest's figures).
        assertEquals(
                0,
                new BigDecimal("10.57")
                        .compareTo(new BigDecimal(invoicesOfAcme("2026-03-01", "2026-03-31")
                                .get(0)
                                .getString("amount"))));
    }

    /**
     * Issue 12: automatic invoicing freezes self-billing as a manual invoice does. Without the vendor's tax
     * profile each period of a self-billing account fails with TAX_PROFILE_REQUIRED and the run goes on;
     * given one, the next run makes them self-billed with their VAT (March: 0.37 net, 0.37 x 19 % = 0.0703,
     * 0.07 VAT).
     */
    @Test
    void aSelfBilledAccountFailsWithoutTheVendorsTaxProfileAndIsBilledWithVatOnceItHasOne() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.time.ZonedDateTime.now(ZoneId.of("UTC")).getDayOfMonth() > 1);
        Fixtures.removeTaxProfiles(database);
        try {
            assertEquals(
                    200,
                    http.put(
                                    "api/v1/accounts/20/auto-invoicing/VENDOR",
                                    Json.createObjectBuilder()
                                            .add("invoicePeriod", "MONTHLY")
                                            .add("generateFrom", "2026-03-01")
                                            .build())
                            .status());
            Http.Response selfBilling = http.put(
                    "api/v1/accounts/20/invoice-settings/VENDOR",
                    Json.createObjectBuilder()
                            .addNull("seriesId")
                            .add("recipients", JsonValue.EMPTY_JSON_ARRAY)
                            .add("selfBilling", true)
                            .build());
            assertEquals(200, selfBilling.status(), selfBilling.text());

            JsonObject first = run();
            assertEquals("COMPLETED", first.getString("status"), first.toString());
            assertEquals(0, first.getInt("created"), first.toString());
            assertEquals(first.getInt("due"), first.getInt("failed"), first.toString());
            for (JsonObject failure : first.getJsonArray("failures").getValuesAs(JsonObject.class)) {
                assertEquals(20, failure.getInt("accountId"), failure.toString());
                assertEquals("TAX_PROFILE_REQUIRED", failure.getString("code"), failure.toString());
            }
            assertTrue(invoices(20, "VENDOR").isEmpty());

            EInvoiceApiIT.taxProfiles(
                    http,
                    http.get("api/v1/accounts/20")
                            .jsonObject()
                            .getJsonNumber("contractorId")
                            .longValue());
            JsonObject second = run();
            assertEquals("COMPLETED", second.getString("status"), second.toString());
            assertEquals(0, second.getInt("failed"), second.toString());
            List<JsonObject> made = invoices(20, "VENDOR");
            assertEquals(first.getInt("due"), made.size());
            for (JsonObject invoice : made) {
                assertTrue(invoice.getBoolean("selfBilled"), invoice.toString());
                assertEquals("DOMESTIC", invoice.getString("taxTreatment"), invoice.toString());
                assertTrue(invoice.getString("taxNote").startsWith("Self-billing"), invoice.toString());
            }
            JsonObject march = made.stream()
                    .filter(invoice -> invoice.getString("startDate").equals("2026-03-01"))
                    .findFirst()
                    .orElseThrow();
            assertEquals("0.37", march.getString("netTotal"), march.toString());
            assertEquals("0.07", march.getString("vatTotal"), march.toString());
        } finally {
            Fixtures.removeTaxProfiles(database);
        }
    }

    @Test
    void settingsAreCheckedAndCanBeStopped() {
        assertProblem(
                http.put(
                        "api/v1/accounts/10/auto-invoicing/CUSTOMER",
                        Json.createObjectBuilder()
                                .add("invoicePeriod", "FORTNIGHTLY")
                                .add("generateFrom", "2026-03-01")
                                .build()),
                400,
                "VALIDATION_FAILED",
                "invoicePeriod");
        assertProblem(
                http.put(
                        "api/v1/accounts/10/auto-invoicing/CUSTOMER",
                        Json.createObjectBuilder()
                                .add("invoicePeriod", "MONTHLY")
                                .build()),
                400,
                "VALIDATION_FAILED",
                "generateFrom");
        assertProblem(
                http.put(
                        "api/v1/accounts/999/auto-invoicing/CUSTOMER",
                        Json.createObjectBuilder()
                                .add("invoicePeriod", "MONTHLY")
                                .add("generateFrom", "2026-03-01")
                                .build()),
                404,
                "ACCOUNT_NOT_FOUND",
                "accountId");
        assertProblem(http.get("api/v1/accounts/10/auto-invoicing/VENDOR"), 404, "NOT_FOUND", null);

        assertEquals(
                200,
                http.put(
                                "api/v1/accounts/10/auto-invoicing/VENDOR",
                                Json.createObjectBuilder()
                                        .add("invoicePeriod", "MONTHLY")
                                        .add("generateFrom", "2026-03-01")
                                        .build())
                        .status());
        assertEquals(
                "MONTHLY",
                http.get("api/v1/accounts/10/auto-invoicing/VENDOR")
                        .jsonObject()
                        .getString("invoicePeriod"));
        assertEquals(
                204, http.delete("api/v1/accounts/10/auto-invoicing/VENDOR").status());
        assertProblem(http.get("api/v1/accounts/10/auto-invoicing/VENDOR"), 404, "NOT_FOUND", null);
        assertProblem(http.get("api/v1/generation-runs/987654"), 404, "NOT_FOUND", "id");
    }
}
