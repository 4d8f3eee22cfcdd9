package org.billing.invoicing.it;

import static org.billing.invoicing.it.InvoiceApiIT.assertProblem;
import static org.billing.invoicing.it.InvoiceApiIT.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.billing.invoicing.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The drift of an issued invoice and its supplementary invoice, over REST on the deployed WAR (issue
 * 13). Account 10's March of {@code march-2026.sql} is approved as issued: CDRs 1, 2, 3, 5, 6, 7, 9 (7
 * calls, 291 s, 540 s billed) and service transactions 1, 2, 3; amount 10.57. Then, in SQL as the
 * platform would: two late calls, 9101 to 33 (France, Orange, 0.18: 90 s, 120 s billed, 0.30) and 9102 to
 * 4930 (Germany, Telekom, 0.12: 20 s, 60 s billed, 0.06), and CDR 2 re-rated from 0.12 to 0.15. Now:
 * 9 calls, 401 s, 720 s billed, 10.57 + 0.30 + 0.06 + 0.03 = 10.96.
 */
@ExtendWith(DeployedModule.class)
class InvoiceDriftIT {

    private static final String INVOICES = "api/v1/invoices";

    private final PostgresDatabase database = DeployedModule.deployment().database();
    private final Http http = DeployedModule.deployment().http();

    @BeforeEach
    void noInvoices() throws Exception {
        Fixtures.removeInvoices(database);
    }

    /** The fixture's calls as they were: other tests count them. */
    @AfterEach
    void restoreTheCalls() throws Exception {
        sql(
                "DELETE FROM cdr WHERE id IN (9101, 9102)",
                "UPDATE cdr SET customer_price = 0.12 WHERE id = 2",
                "UPDATE cdr SET customer_price = 0.54 WHERE id = 5");
    }

    private void sql(String... statements) throws Exception {
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private String snapshot(long invoiceId) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Connection connection = database.connection()) {
            for (String table : List.of(
                    "invoice",
                    "inv_orig_dst",
                    "inv_orig_dst_succ",
                    "inv_orig_networks",
                    "inv_orig_networks_succ",
                    "inv_srv_data",
                    "invoice_period_claim")) {
                String key = table.equals("invoice") ? "id" : "invoice_id";
                try (PreparedStatement select =
                        connection.prepareStatement("SELECT coalesce(json_agg(t ORDER BY t::text),"
                                + " '[]')::text FROM " + table + " t WHERE " + key + " = ?")) {
                    select.setLong(1, invoiceId);
                    try (ResultSet row = select.executeQuery()) {
                        row.next();
                        all.append(table).append(": ").append(row.getString(1)).append('\n');
                    }
                }
            }
        }
        return all.toString();
    }

    private long approvedMarch() {
        Http.Response created = http.post(INVOICES, request(10, "CUSTOMER", "2026-03-01", "2026-03-31"));
        assertEquals(201, created.status(), created.text());
        long id = created.jsonObject().getJsonNumber("id").longValue();
        Http.Response approved = http.post(INVOICES + "/" + id + "/approve", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(200, approved.status(), approved.text());
        return id;
    }

    private JsonObject check(long id) {
        Http.Response checked = http.post(INVOICES + "/" + id + "/drift-check", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(200, checked.status(), checked.text());
        return checked.jsonObject();
    }

    private int driftedTotal() {
        Http.Response page = http.get(INVOICES + "?drifted=true&size=1");
        assertEquals(200, page.status(), page.text());
        return page.jsonObject().getInt("total");
    }

    private static void assertMoney(String expected, JsonObject object, String field) {
        assertEquals(
                0,
                new BigDecimal(expected).compareTo(new BigDecimal(object.getString(field))),
                field + " is " + object.getString(field));
    }

    private static void assertRow(
            JsonObject row,
            String prefix,
            String country,
            String network,
            String rate,
            long calls,
            long duration,
            long billed,
            String amount) {
        assertEquals(prefix, row.isNull("dstPrefix") ? null : row.getString("dstPrefix"));
        assertEquals(country, row.getString("country"));
        assertEquals(network, row.getString("network"));
        assertMoney(rate, row, "rate");
        assertEquals(calls, row.getJsonNumber("callsCount").longValue());
        assertEquals(calls, row.getJsonNumber("successfulCallsCount").longValue());
        assertEquals(duration, row.getJsonNumber("callsDuration").longValue());
        assertEquals(billed, row.getJsonNumber("billingDuration").longValue());
        assertMoney(amount, row, "amount");
    }

    @Test
    void lateAndReRatedCallsAreADriftThatASupplementaryInvoiceSettlesWithoutTouchingTheOriginal() throws Exception {
        long id = approvedMarch();
        assertProblem(http.get(INVOICES + "/" + id + "/drift"), 404, "DRIFT_NOT_CHECKED", null);
        JsonObject clean = check(id);
        assertFalse(clean.getBoolean("drifted"));
        assertEquals(7, clean.getInt("callsThen"));
        assertEquals(7, clean.getInt("callsNow"));
        assertMoney("10.57", clean, "amountThen");
        assertMoney("10.57", clean, "amountNow");
        assertEquals(0, clean.getInt("rowsChanged"));
        assertProblem(
                http.post(INVOICES + "/" + id + "/supplementary", JsonValue.EMPTY_JSON_OBJECT), 409, "NO_DRIFT", null);
        String issued = snapshot(id);

        sql("""
                INSERT INTO cdr (id, time_start, time_connect, duration, success, is_last_cdr, customer_acc_id, vendor_acc_id,
                                 customer_price, vendor_price, customer_duration, vendor_duration,
                                 destination_prefix, destination_next_rate, destination_reverse_billing,
                                 dialpeer_prefix, dialpeer_next_rate, dialpeer_reverse_billing, dst_country_id, dst_network_id)
                VALUES (9101, '2026-03-15T10:00:00Z', '2026-03-15T10:00:04Z', 90, true, true, 10, 20, 0.30, 0.10, 120, 90,
                        '33', 0.18, false, '33', 0.12, false, 2, 21),
                       (9102, '2026-03-20T10:00:00Z', '2026-03-20T10:00:03Z', 20, true, true, 10, 20, 0.06, 0.02, 60, 20,
                        '4930', 0.12, false, '49', 0.12, false, 1, 11)
                """, "UPDATE cdr SET customer_price = 0.15 WHERE id = 2");

        JsonObject drift = check(id);
        assertTrue(drift.getBoolean("drifted"));
        assertEquals(7, drift.getInt("callsThen"));
        assertEquals(9, drift.getInt("callsNow"));
        assertEquals(291, drift.getInt("callsDurationThen"));
        assertEquals(401, drift.getInt("callsDurationNow"));
        assertEquals(540, drift.getInt("billingDurationThen"));
        assertEquals(720, drift.getInt("billingDurationNow"));
        assertMoney("10.57", drift, "amountThen");
        assertMoney("10.96", drift, "amountNow");
        assertMoney("0.39", drift, "amountDifference");
        // 33 and 4930 at 0.12, in the destination and network tables, all calls and successful ones.
        assertEquals(8, drift.getInt("rowsChanged"));
        assertEquals(drift, http.get(INVOICES + "/" + id + "/drift").jsonObject(), "GET reads the recorded check");
        assertEquals(1, driftedTotal());
        assertEquals(
                id,
                http.get(INVOICES + "?drifted=true")
                        .jsonObject()
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .getJsonNumber("id")
                        .longValue());

        Http.Response created = http.post(INVOICES + "/" + id + "/supplementary", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(201, created.status(), created.text());
        JsonObject supplementary = created.jsonObject();
        long supplementaryId = supplementary.getJsonNumber("id").longValue();
        assertTrue(created.header("Location").orElseThrow().endsWith("/invoices/" + supplementaryId));
        assertEquals("SUPPLEMENTARY", supplementary.getString("kind"));
        assertEquals("PENDING", supplementary.getString("state"));
        assertEquals(id, supplementary.getJsonNumber("supplementedInvoiceId").longValue());
        assertEquals("2026-03-01", supplementary.getString("startDate"));
        assertEquals("2026-03-31", supplementary.getString("endDate"));
        assertEquals(2, supplementary.getInt("callsCount"));
        assertEquals(2, supplementary.getInt("successfulCallsCount"));
        assertEquals(110, supplementary.getInt("callsDuration"));
        assertEquals(180, supplementary.getInt("billingDuration"));
        assertMoney("0.39", supplementary, "origSpent");
        assertMoney("0", supplementary, "origEarned");
        assertMoney("0", supplementary, "servicesSpent");
        assertEquals(0, supplementary.getInt("serviceTransactionsCount"));
        assertMoney("0.39", supplementary, "amount");

        String tables = INVOICES + "/" + supplementaryId + "/tables/";
        List<JsonObject> destinations =
                http.get(tables + "INV_ORIG_DST_TABLE").jsonArray().getValuesAs(JsonObject.class);
        assertEquals(2, destinations.size(), destinations.toString());
        assertRow(destinations.get(0), "33", "France", "Orange", "0.18", 1, 90, 120, "0.30");
        assertRow(destinations.get(1), "4930", "Germany", "Telekom", "0.12", 1, 20, 60, "0.09");
        assertEquals(
                destinations,
                http.get(tables + "INV_ORIG_DST_SUCC_TABLE").jsonArray().getValuesAs(JsonObject.class));
        List<JsonObject> networks =
                http.get(tables + "INV_ORIG_NETWORKS_TABLE").jsonArray().getValuesAs(JsonObject.class);
        assertEquals(2, networks.size(), networks.toString());
        assertRow(networks.get(0), null, "France", "Orange", "0.18", 1, 90, 120, "0.30");
        assertRow(networks.get(1), null, "Germany", "Telekom", "0.12", 1, 20, 60, "0.09");
        assertEquals(0, http.get(tables + "INV_SRV_DATA_TABLE").jsonArray().size());
        assertProblem(
                http.post(INVOICES + "/" + id + "/supplementary", JsonValue.EMPTY_JSON_OBJECT),
                409,
                "SUPPLEMENTARY_PENDING",
                null);
        assertProblem(
                http.post(INVOICES + "/" + supplementaryId + "/drift-check", JsonValue.EMPTY_JSON_OBJECT),
                409,
                "INVOICE_NOT_SUPPLEMENTABLE",
                null);
        assertEquals(1, driftedTotal(), "a Pending supplementary invoice settles nothing yet");

        Http.Response approved = http.post(INVOICES + "/" + supplementaryId + "/approve", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(200, approved.status(), approved.text());
        assertEquals(
                "INV-" + LocalDate.now(ZoneOffset.UTC).getYear() + "-000002",
                approved.jsonObject().getString("number"));

        assertFalse(
                http.get(INVOICES + "/" + id + "/drift").jsonObject().getBoolean("drifted"),
                "approving the supplementary invoice checks its original again");
        JsonObject settled = check(id);
        assertFalse(settled.getBoolean("drifted"));
        assertEquals(9, settled.getInt("callsThen"));
        assertEquals(9, settled.getInt("callsNow"));
        assertMoney("10.96", settled, "amountThen");
        assertMoney("10.96", settled, "amountNow");
        assertEquals(0, settled.getInt("rowsChanged"));
        assertEquals(0, driftedTotal());
        assertProblem(
                http.post(INVOICES + "/" + id + "/supplementary", JsonValue.EMPTY_JSON_OBJECT), 409, "NO_DRIFT", null);
        assertEquals(issued, snapshot(id), "the original, its rows and its claim are as they were issued");
        assertEquals("APPROVED", http.get(INVOICES + "/" + id).jsonObject().getString("state"));
    }

    /**
     * A run that invoices account 10 monthly from April checks the account's last issued periods: March,
     * approved by hand, has gained late call 9101 (0.30) meanwhile.
     */
    @Test
    void aRunThatInvoicesAnAccountChecksTheDriftOfItsLastIssuedPeriods() throws Exception {
        long march = approvedMarch();
        sql("""
                INSERT INTO cdr (id, time_start, time_connect, duration, success, is_last_cdr, customer_acc_id, vendor_acc_id,
                                 customer_price, vendor_price, customer_duration, vendor_duration,
                                 destination_prefix, destination_next_rate, destination_reverse_billing,
                                 dialpeer_prefix, dialpeer_next_rate, dialpeer_reverse_billing, dst_country_id, dst_network_id)
                VALUES (9101, '2026-03-15T10:00:00Z', '2026-03-15T10:00:04Z', 90, true, true, 10, 20, 0.30, 0.10, 120, 90,
                        '33', 0.18, false, '33', 0.12, false, 2, 21)
                """);
        assertEquals(
                200,
                http.put(
                                "api/v1/accounts/10/auto-invoicing/CUSTOMER",
                                jakarta.json.Json.createObjectBuilder()
                                        .add("invoicePeriod", "MONTHLY")
                                        .add("generateFrom", "2026-04-01")
                                        .build())
                        .status());

        Http.Response started = http.post("api/v1/generation-runs", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(202, started.status(), started.text());
        String location = started.header("Location").orElseThrow();
        String run = "api/v1/generation-runs/" + location.substring(location.lastIndexOf('/') + 1);
        // The checks follow the run's completion: wait for the check to be recorded.
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(120);
        Http.Response drift = http.get(INVOICES + "/" + march + "/drift");
        while (drift.status() == 404 && java.time.Instant.now().isBefore(deadline)) {
            Thread.sleep(300);
            drift = http.get(INVOICES + "/" + march + "/drift");
        }

        assertEquals(200, drift.status(), drift.text());
        JsonObject checked = drift.jsonObject();
        assertTrue(checked.getBoolean("drifted"));
        assertEquals("automatic invoicing", checked.getString("checkedBy"));
        assertEquals(7, checked.getInt("callsThen"));
        assertEquals(8, checked.getInt("callsNow"));
        assertMoney("10.87", checked, "amountNow");
        assertMoney("0.30", checked, "amountDifference");
        JsonObject completed = http.get(run).jsonObject();
        assertEquals("COMPLETED", completed.getString("status"), completed.toString());
        assertEquals(0, completed.getJsonArray("failures").size(), completed.toString());
        assertEquals(1, driftedTotal());
    }

    @Test
    void aDecreaseIsSettledByACreditNoteNotASupplementaryInvoice() throws Exception {
        long id = approvedMarch();
        // CDR 5 re-rated from 0.54 to 0.04.
        sql("UPDATE cdr SET customer_price = 0.04 WHERE id = 5");

        JsonObject drift = check(id);

        assertTrue(drift.getBoolean("drifted"));
        assertEquals(7, drift.getInt("callsNow"));
        assertMoney("-0.50", drift, "amountDifference");
        assertEquals(4, drift.getInt("rowsChanged"));
        assertProblem(
                http.post(INVOICES + "/" + id + "/supplementary", JsonValue.EMPTY_JSON_OBJECT),
                409,
                "DRIFT_IS_DECREASE",
                null);
        assertEquals(1, driftedTotal());
        assertProblem(
                http.post(INVOICES + "/" + id + "/correction", JsonValue.EMPTY_JSON_OBJECT),
                400,
                "VALIDATION_FAILED",
                "reason");

        Http.Response corrected = http.post(
                INVOICES + "/" + id + "/correction",
                jakarta.json.Json.createObjectBuilder()
                        .add("reason", "CDR 5 re-rated")
                        .build());

        assertEquals(201, corrected.status(), corrected.text());
        JsonObject invoice = corrected.jsonObject();
        assertEquals("INVOICE", invoice.getString("kind"));
        assertEquals("PENDING", invoice.getString("state"));
        assertEquals("2026-03-01", invoice.getString("startDate"));
        assertEquals("2026-03-31", invoice.getString("endDate"));
        assertMoney("10.07", invoice, "amount");
        JsonObject original = http.get(INVOICES + "/" + id).jsonObject();
        assertEquals("APPROVED", original.getString("state"));
        assertFalse(original.isNull("creditNoteId"), original.toString());
        assertEquals(0, driftedTotal(), "a credited invoice is not checked any more");
        assertProblem(
                http.post(INVOICES + "/" + id + "/drift-check", JsonValue.EMPTY_JSON_OBJECT),
                409,
                "INVOICE_NOT_SUPPLEMENTABLE",
                null);
    }

    /** Correcting an invoice that was supplemented credits its supplementary invoice too: nothing is billed twice. */
    @Test
    void aCorrectionCreditsTheSupplementaryInvoicesToo() throws Exception {
        long id = approvedMarch();
        sql("""
                INSERT INTO cdr (id, time_start, time_connect, duration, success, is_last_cdr, customer_acc_id, vendor_acc_id,
                                 customer_price, vendor_price, customer_duration, vendor_duration,
                                 destination_prefix, destination_next_rate, destination_reverse_billing,
                                 dialpeer_prefix, dialpeer_next_rate, dialpeer_reverse_billing, dst_country_id, dst_network_id)
                VALUES (9101, '2026-03-15T10:00:00Z', '2026-03-15T10:00:04Z', 90, true, true, 10, 20, 0.30, 0.10, 120, 90,
                        '33', 0.18, false, '33', 0.12, false, 2, 21)
                """);
        check(id);
        long supplementary = http.post(INVOICES + "/" + id + "/supplementary", JsonValue.EMPTY_JSON_OBJECT)
                .jsonObject()
                .getJsonNumber("id")
                .longValue();
        assertProblem(
                http.post(
                        INVOICES + "/" + id + "/correction",
                        jakarta.json.Json.createObjectBuilder()
                                .add("reason", "x")
                                .build()),
                409,
                "SUPPLEMENTARY_PENDING",
                null);
        assertEquals(
                200,
                http.post(INVOICES + "/" + supplementary + "/approve", JsonValue.EMPTY_JSON_OBJECT)
                        .status());
        sql("UPDATE cdr SET customer_price = 0.04 WHERE id = 5");

        Http.Response corrected = http.post(
                INVOICES + "/" + id + "/correction",
                jakarta.json.Json.createObjectBuilder()
                        .add("reason", "CDR 5 re-rated")
                        .build());

        assertEquals(201, corrected.status(), corrected.text());
        // 10.57 + 0.30 (CDR 9101) - 0.50 (CDR 5 re-rated)
        assertMoney("10.37", corrected.jsonObject(), "amount");
        assertFalse(http.get(INVOICES + "/" + supplementary).jsonObject().isNull("creditNoteId"));
        assertFalse(http.get(INVOICES + "/" + id).jsonObject().isNull("creditNoteId"));
    }
}
