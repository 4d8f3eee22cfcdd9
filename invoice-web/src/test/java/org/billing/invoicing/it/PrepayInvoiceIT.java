package org.billing.invoicing.it;

import static org.billing.invoicing.it.InvoiceApiIT.assertProblem;
import static org.billing.invoicing.it.InvoiceApiIT.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.billing.invoicing.testing.PostgresDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The invoice of a prepay account over REST on the deployed WAR (seed 002): April 2026 of Acme retail
 * (account 30, UTC), whose figures are worked out by hand in invoice-ejb's PrepayInvoiceTest from
 * {@code prepay-april-2026.sql}.
 */
@ExtendWith(DeployedModule.class)
class PrepayInvoiceIT {

    private static final String INVOICES = "api/v1/invoices";

    private final PostgresDatabase database = DeployedModule.deployment().database();
    private final Http http = DeployedModule.deployment().http();

    @BeforeEach
    void noInvoices() throws Exception {
        Fixtures.removeInvoices(database);
    }

    private static JsonObject aprilForAcmeRetail() {
        return request(30, "CUSTOMER", "2026-04-01", "2026-04-30");
    }

    private long create(JsonObject request) {
        Http.Response created = http.post(INVOICES, request);
        assertEquals(201, created.status(), created.text());
        return created.jsonObject().getJsonNumber("id").longValue();
    }

    private JsonArray table(long id, String name) {
        Http.Response response = http.get(INVOICES + "/" + id + "/tables/" + name);
        assertEquals(200, response.status(), response.text());
        return response.jsonArray();
    }

    @Test
    void aPrepayInvoiceIsClosedWithItsChargesSubscriptionsAndCorrections() throws Exception {
        long id = create(aprilForAcmeRetail());

        JsonObject invoice = http.get(INVOICES + "/" + id).jsonObject();
        assertEquals("CLOSED", invoice.getString("state"));
        assertEquals("PREPAY", invoice.getString("paymentModel"));
        // Calls 1.02 + charges 58.8365 spent; 0.05 + the refund 5.95 earned; corrections 50.00 + 2.505 - 20.00.
        assertMoney("59.8565", invoice, "spent");
        assertMoney("6.00", invoice, "earned");
        assertMoney("32.505", invoice, "correctionsAmount");
        // 59.8565 - 6.00 - 32.505, unrounded.
        assertMoney("21.3515", invoice, "amount");

        JsonArray charges = table(id, "INV_CHARGES_TABLE");
        assertEquals(
                List.of(101L, 102L, 103L, 104L, 105L),
                charges.getValuesAs(JsonObject.class).stream()
                        .map(charge -> charge.getJsonNumber("transactionId").longValue())
                        .toList());
        JsonObject first = charges.getJsonObject(0);
        assertEquals(1, first.getInt("lineNo"));
        assertEquals("DID +49 40 2000, Hamburg, quarterly", first.getString("description"));
        assertEquals(302, first.getJsonNumber("subscriptionId").longValue());
        assertMoney("1.000", first, "quantity");
        assertEquals(3, first.getInt("durationMonths"));
        assertMoney("4.00", first, "unitPrice");
        assertMoney("1.20", first, "discount");
        assertMoney("2.052", first, "taxes");
        assertMoney("12.852", first, "amount");
        assertEquals("2026-04-01T00:00:00Z", first.getString("createdAt"));
        JsonObject fee = charges.getJsonObject(2);
        assertEquals(3, fee.getInt("lineNo"));
        assertTrue(fee.isNull("subscriptionId") && fee.isNull("durationMonths"), fee.toString());
        assertMoney("-5.95", charges.getJsonObject(3), "amount");
        JsonObject recording = charges.getJsonObject(4);
        assertMoney("12.345", recording, "quantity");
        assertTrue(recording.isNull("unitPrice"), recording.toString());
        assertEquals("2026-04-30T23:59:59Z", recording.getString("createdAt"));

        JsonArray subscriptions = table(id, "INV_SUBSCRIPTIONS_TABLE");
        assertEquals(2, subscriptions.size());
        assertEquals(
                Json.createObjectBuilder()
                        .add("subscriptionId", 301)
                        .add("name", "SIP trunk, 10 channels")
                        .add("status", "ACTIVE")
                        .build(),
                subscriptions.getJsonObject(0));
        assertEquals(
                Json.createObjectBuilder()
                        .add("subscriptionId", 302)
                        .add("name", "DID pack Hamburg")
                        .add("status", "INSTALLATION_FAILED")
                        .build(),
                subscriptions.getJsonObject(1));

        JsonArray corrections = table(id, "INV_CORRECTIONS_TABLE");
        assertEquals(
                List.of(1L, 3L, 2L),
                corrections.getValuesAs(JsonObject.class).stream()
                        .map(correction ->
                                correction.getJsonNumber("correctionId").longValue())
                        .toList());
        JsonObject chargeback = corrections.getJsonObject(2);
        assertEquals(3, chargeback.getInt("lineNo"));
        assertEquals("Chargeback of card payment", chargeback.getString("description"));
        assertMoney("-20.00", chargeback, "amount");
        assertEquals("2026-04-25T08:30:00Z", chargeback.getString("approvedAt"));
        assertMoney("2.505", corrections.getJsonObject(1), "amount");
    }

    @Test
    void theStoredGroupsNeitherFollowThePlatformNorChange() throws Exception {
        long id = create(aprilForAcmeRetail());
        try {
            execute("UPDATE subscription SET status = 'STOPPED' WHERE id = 301");
            execute("UPDATE balance_correction SET amount = 0 WHERE id = 2");

            assertEquals(
                    "ACTIVE",
                    table(id, "INV_SUBSCRIPTIONS_TABLE").getJsonObject(0).getString("status"));
            assertMoney("-20.00", table(id, "INV_CORRECTIONS_TABLE").getJsonObject(2), "amount");
        } finally {
            execute("UPDATE subscription SET status = 'ACTIVE' WHERE id = 301");
            execute("UPDATE balance_correction SET amount = -20.00 WHERE id = 2");
        }
        for (String sql : List.of(
                "UPDATE inv_charges SET amount = 0 WHERE invoice_id = " + id,
                "DELETE FROM inv_charges WHERE invoice_id = " + id,
                "UPDATE inv_subscriptions SET status = 'DELETED' WHERE invoice_id = " + id,
                "DELETE FROM inv_subscriptions WHERE invoice_id = " + id,
                "UPDATE inv_corrections SET amount = 0 WHERE invoice_id = " + id,
                "DELETE FROM inv_corrections WHERE invoice_id = " + id)) {
            SQLException refused = assertThrows(SQLException.class, () -> execute(sql), sql);
            assertEquals("23000", refused.getSQLState(), refused.getMessage());
        }
        assertEquals(5, table(id, "INV_CHARGES_TABLE").size());
        assertEquals(3, table(id, "INV_CORRECTIONS_TABLE").size());
    }

    @Test
    void calculateShowsTheGroupsAndStoresNothing() {
        Http.Response response = http.post(INVOICES + "/calculate", aprilForAcmeRetail());

        assertEquals(200, response.status(), response.text());
        JsonObject invoice = response.jsonObject();
        assertEquals("CLOSED", invoice.getString("state"));
        assertEquals("PREPAY", invoice.getString("paymentModel"));
        assertMoney("32.505", invoice, "correctionsAmount");
        assertMoney("21.3515", invoice, "amount");
        JsonObject tables = invoice.getJsonObject("tables");
        assertEquals(5, tables.getJsonArray("INV_CHARGES_TABLE").size());
        assertEquals(2, tables.getJsonArray("INV_SUBSCRIPTIONS_TABLE").size());
        assertEquals(3, tables.getJsonArray("INV_CORRECTIONS_TABLE").size());
        assertEquals(0, http.get(INVOICES).jsonObject().getInt("total"));
    }

    @Test
    void postpayAndVendorInvoicesHaveNoGroupsAndNoCorrections() {
        // Account 10 (postpay) in April in Berlin: call 8 (0.12) and transactions 4 (5.00) and 107 (6.00); its
        // correction 5 (-7.00) is not counted.
        long wholesale = create(request(10, "CUSTOMER", "2026-04-01", "2026-04-30"));
        JsonObject postpay = http.get(INVOICES + "/" + wholesale).jsonObject();
        assertEquals("POSTPAY", postpay.getString("paymentModel"));
        assertEquals("PENDING", postpay.getString("state"));
        assertMoney("0", postpay, "correctionsAmount");
        assertMoney("11.12", postpay, "amount");
        assertEquals(0, table(wholesale, "INV_CHARGES_TABLE").size());
        assertEquals(0, table(wholesale, "INV_CORRECTIONS_TABLE").size());

        // Account 30 as a vendor: nothing was terminated to it in April, and its charges are not a vendor's.
        JsonObject calculated = http.post(INVOICES + "/calculate", request(30, "VENDOR", "2026-04-01", "2026-04-30"))
                .jsonObject();
        assertFalse(calculated.getJsonObject("tables").containsKey("INV_CHARGES_TABLE"), calculated.toString());
        assertMoney("0", calculated, "correctionsAmount");
        long vendor = create(request(30, "VENDOR", "2026-04-01", "2026-04-30"));
        assertEquals(0, table(vendor, "INV_SUBSCRIPTIONS_TABLE").size());
        assertMoney("0", http.get(INVOICES + "/" + vendor).jsonObject(), "amount");
    }

    @Test
    void aCreditNoteReversesTheCorrectionsToo() {
        long id = create(aprilForAcmeRetail());

        Http.Response credited = http.post(
                INVOICES + "/" + id + "/credit-note",
                Json.createObjectBuilder()
                        .add("reason", "Chargeback was reversed")
                        .build());

        assertEquals(201, credited.status(), credited.text());
        JsonObject note = credited.jsonObject();
        assertEquals("PREPAY", note.getString("paymentModel"));
        assertMoney("-32.505", note, "correctionsAmount");
        assertMoney("-21.3515", note, "amount");
        // A credit note has no tables of its own: they are its invoice's.
        assertEquals(
                0,
                table(note.getJsonNumber("id").longValue(), "INV_CHARGES_TABLE").size());
        assertEquals(5, table(id, "INV_CHARGES_TABLE").size());
    }

    @Test
    void theListIsFilteredByPaymentModel() {
        long prepay = create(aprilForAcmeRetail());
        long postpay = create(request(10, "CUSTOMER", "2026-03-01", "2026-03-31"));

        assertEquals(
                List.of(prepay), ids(http.get(INVOICES + "?paymentModel=PREPAY").jsonObject()));
        assertEquals(
                List.of(postpay),
                ids(http.get(INVOICES + "?paymentModel=postpay").jsonObject()));
        assertEquals(
                List.of(prepay),
                ids(http.get(INVOICES + "?paymentModel=PREPAY&accountId=30&direction=CUSTOMER")
                        .jsonObject()));
        assertEquals(
                List.of(),
                ids(http.get(INVOICES + "?paymentModel=PREPAY&accountId=10").jsonObject()));
        JsonObject all = http.get(INVOICES).jsonObject();
        assertEquals(List.of(postpay, prepay), ids(all));
        assertEquals("POSTPAY", all.getJsonArray("items").getJsonObject(0).getString("paymentModel"));
        assertProblem(http.get(INVOICES + "?paymentModel=PAYG"), 400, "VALIDATION_FAILED", "paymentModel");
    }

    @Test
    void unknownTablesAreNamedAndTheApiDocumentsTheFilterAndTheTables() {
        long id = create(aprilForAcmeRetail());
        Http.Response unknown = http.get(INVOICES + "/" + id + "/tables/INV_CHARGES");
        assertProblem(unknown, 404, "TABLE_NOT_FOUND", "name");
        assertTrue(unknown.jsonObject().getString("detail").contains("INV_CHARGES_TABLE"), unknown.text());

        JsonObject paths = http.get("/openapi?format=json").jsonObject().getJsonObject("paths");
        JsonObject search = paths.entrySet().stream()
                .filter(p -> p.getKey().endsWith("/api/v1/invoices"))
                .findFirst()
                .orElseThrow()
                .getValue()
                .asJsonObject()
                .getJsonObject("get");
        JsonObject filter = search.getJsonArray("parameters").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("name").equals("paymentModel"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                Json.createArrayBuilder().add("PREPAY").add("POSTPAY").build(),
                filter.getJsonObject("schema").getJsonArray("enum"));
        JsonObject tables = paths.entrySet().stream()
                .filter(p -> p.getKey().endsWith("/tables/{name}"))
                .findFirst()
                .orElseThrow()
                .getValue()
                .asJsonObject()
                .getJsonObject("get");
        assertTrue(tables.toString().contains("INV_CORRECTIONS_TABLE"), tables.toString());
    }

    private static List<Long> ids(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(item -> item.getJsonNumber("id").longValue())
                .toList();
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Money is a decimal string, unrounded; equal amounts compare equal whatever their scale. */
    private static void assertMoney(String expected, JsonObject object, String name) {
        JsonValue value = object.get(name);
        assertTrue(value != null && value.getValueType() == JsonValue.ValueType.STRING, name + " in " + object);
        assertEquals(
                0,
                new BigDecimal(expected).compareTo(new BigDecimal(object.getString(name))),
                () -> name + ": expected " + expected + " but was " + object.getString(name));
    }
}
