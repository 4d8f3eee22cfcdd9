package org.billing.invoicing.it;

import static org.billing.invoicing.it.InvoiceApiIT.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.billing.invoicing.document.DocumentFixtures;
import org.billing.invoicing.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 12 over REST on the deployed WAR: an invoice copies its seller, its buyer, the currency and the
 * buyer's tax treatment when it is made, with its lines, VAT breakdown, legal totals and due date;
 * renaming the contractor in the platform's table and changing the profiles after approval changes
 * nothing the invoice shows; its credit note reverses all of it.
 *
 * <p>Account 10 (contractor 1, Acme Telecom, EUR, Europe/Berlin) in March 2026, worked out by hand from
 * the fixture (InvoiceCalculatorTest): originated calls 1.12, reverse-billing earnings 0.05, services DID
 * rental 12.50 and Refund -3.00. At 19 %: net 1.12 - 0.05 + 12.50 - 3.00 = 10.57; VAT 10.57 x 0.19 =
 * 2.0083 -> 2.01; gross 12.58; due 12.58, 14 days after the day it was made.
 */
@ExtendWith(DeployedModule.class)
class InvoiceLegalIdentityIT {

    private static final String INVOICES = "api/v1/invoices";

    private final PostgresDatabase database = DeployedModule.deployment().database();
    private final Http admin = DeployedModule.deployment().http().as(Users.ADMIN);

    @BeforeEach
    void profilesAndNoInvoices() throws Exception {
        Fixtures.removeInvoices(database);
        Fixtures.removeTaxProfiles(database);
        Http.Response seller = admin.post(
                "api/v1/seller-profiles",
                Json.createObjectBuilder()
                        .add("legalName", "Carrier GmbH")
                        .add("street", "Hauptstr. 1")
                        .add("city", "Berlin")
                        .add("postalCode", "10115")
                        .add("country", "DE")
                        .add("vatId", "DE123456789")
                        .add("registration", "HRB 1234")
                        .add("contactEmail", "billing@carrier.example")
                        .addNull("contactPhone")
                        .add("iban", "DE89370400440532013000")
                        .add("bic", "COBADEFFXXX")
                        .add("paymentTermsDays", 14)
                        .add("rounding", "HALF_UP")
                        .add("isDefault", true)
                        .build());
        assertEquals(201, seller.status(), seller.text());
        Http.Response buyer = admin.put("api/v1/contractors/1/tax-profile", domestic("PO-4711"));
        assertEquals(200, buyer.status(), buyer.text());
    }

    @AfterEach
    void platformAsItWas() throws Exception {
        platform("UPDATE contractor SET name = 'Acme Telecom', address = 'Hauptstr. 1, Berlin', phones = '+49 30 1234'"
                + " WHERE id = 1");
        platform("UPDATE account SET name = 'Acme wholesale' WHERE id = 10");
        Fixtures.removeInvoices(database);
        Fixtures.removeTaxProfiles(database);
        Fixtures.removeTemplates(database);
    }

    private static JsonObject domestic(String reference) {
        return Json.createObjectBuilder()
                .add("country", "DE")
                .add("vatId", "DE 987 654 321")
                .add("treatment", "DOMESTIC")
                .add("vatRate", 19)
                .addNull("exemptionReason")
                .add("buyerReference", reference)
                .build();
    }

    private void platform(String sql) throws Exception {
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The platform renames the contractor and the account and changes the contractor's address and phones. */
    private void renameThePlatformsParties() throws Exception {
        platform("UPDATE contractor SET name = 'Acme Renamed', address = 'Elsewhere 2', phones = '+49 30 9999'"
                + " WHERE id = 1");
        platform("UPDATE account SET name = 'Acme Renamed Account' WHERE id = 10");
    }

    /** The parts of an invoice's JSON that issue 12 freezes. */
    private static Map<String, JsonValue> frozen(JsonObject invoice) {
        return List.of(
                        "contractorName",
                        "accountName",
                        "currency",
                        "seller",
                        "buyer",
                        "taxTreatment",
                        "vatRate",
                        "lines",
                        "vatBreakdown",
                        "netTotal",
                        "vatTotal",
                        "grossTotal",
                        "prepaidAmount",
                        "amountDue",
                        "dueDate",
                        "taxNote",
                        "selfBilled")
                .stream()
                .filter(invoice::containsKey)
                .collect(Collectors.toMap(name -> name, invoice::get));
    }

    /**
     * The document prints what the invoice copied, not the platform's names now: the draft of a Pending
     * invoice is rendered when it is asked for, after the rename, from the demo template.
     */
    @Test
    void theDocumentPrintsTheCopiedSellerBuyerAndVat() throws Exception {
        Http.Response template = admin.upload(
                "api/v1/invoice-templates?name=Carrier&filename=carrier.odt",
                DocumentFixtures.demoTemplate(),
                "application/vnd.oasis.opendocument.text");
        assertEquals(201, template.status(), template.text());
        Http.Response global = admin.put(
                "api/v1/invoice-templates/default",
                Json.createObjectBuilder()
                        .add("templateId", template.jsonObject().getJsonNumber("id"))
                        .build());
        assertEquals(200, global.status(), global.text());
        Http.Response created = admin.post(INVOICES, request(10, "CUSTOMER", "2026-03-01", "2026-03-31"));
        assertEquals(201, created.status(), created.text());
        long id = created.jsonObject().getJsonNumber("id").longValue();

        renameThePlatformsParties();

        Http.BinaryResponse odt = admin.getBytes(INVOICES + "/" + id + "/document.odt");
        assertEquals(200, odt.status(), odt.text());
        String content = DocumentFixtures.entry(odt.body(), "content.xml");
        assertTrue(content.contains("Acme Telecom") && content.contains("Hauptstr. 1, Berlin"), content);
        assertTrue(content.contains("Acme wholesale") && content.contains("+49 30 1234"), "the account and phones");
        assertFalse(
                content.contains("Acme Renamed")
                        || content.contains("Elsewhere 2")
                        || content.contains("Acme Renamed Account")
                        || content.contains("+49 30 9999"),
                "the platform's names and phones now");
        assertTrue(content.contains("Carrier GmbH"), "the seller");
        assertTrue(content.contains("VAT ID: DE987654321 (DE)"), "the buyer's VAT ID");
        assertTrue(content.contains("Your reference: PO-4711"), "the buyer's reference");
        assertTrue(content.contains("Net total 10.57 · VAT 2.01 · Total incl. VAT 12.58"), "the legal totals");
        assertTrue(content.contains("Amount due: 12.58 EUR, by "), "the amount due");
        assertTrue(content.contains("IBAN DE89370400440532013000"), "the seller's bank account");
        assertTrue(content.contains("Please pay 12.58 EUR by "), "the payment line of a customer invoice");
    }

    /** The invoice's screen as an operator's browser gets it, after logging in through the form. */
    static String invoiceScreen(long id) {
        URI base = DeployedModule.deployment().server().baseUri();
        FormLogin.Result login = FormLogin.logIn(base, Users.OPERATOR, Map.of());
        assertEquals(302, login.login().statusCode(), login.login().body());
        String session = java.util.stream.Stream.concat(login.loginCookies().stream(), login.pageCookies().stream())
                .filter(cookie -> cookie.startsWith("JSESSIONID="))
                .map(cookie -> cookie.substring(0, cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';')))
                .findFirst()
                .orElseThrow();
        HttpResponse<String> page = FormLogin.get(base.resolve("invoice.xhtml?id=" + id), Map.of("Cookie", session));
        assertEquals(200, page.statusCode(), page.body());
        return page.body();
    }

    private static Map<String, JsonObject> linesByDescription(JsonObject invoice) {
        return invoice.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(line -> line.getString("description"), line -> line));
    }

    @Test
    void anApprovedInvoiceKeepsItsSellerBuyerAndVatWhateverThePlatformDoesLater() throws Exception {
        Http.Response created = admin.post(INVOICES, request(10, "CUSTOMER", "2026-03-01", "2026-03-31"));
        assertEquals(201, created.status(), created.text());
        long id = created.jsonObject().getJsonNumber("id").longValue();
        Http.Response approval = admin.post(INVOICES + "/" + id + "/approve", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(200, approval.status(), approval.text());
        JsonObject approved = approval.jsonObject();

        assertEquals("Acme Telecom", approved.getString("contractorName"));
        assertEquals("EUR", approved.getString("currency"));
        JsonObject seller = approved.getJsonObject("seller");
        assertEquals("Carrier GmbH", seller.getString("legalName"));
        assertEquals("DE123456789", seller.getString("vatId"));
        assertEquals("DE89370400440532013000", seller.getString("iban"));
        JsonObject buyer = approved.getJsonObject("buyer");
        assertEquals("Acme Telecom", buyer.getString("name"));
        assertEquals("Hauptstr. 1, Berlin", buyer.getString("address"));
        assertEquals("+49 30 1234", buyer.getString("phones"));
        assertEquals("Acme wholesale", approved.getString("accountName"));
        assertEquals("DE987654321", buyer.getString("vatId"));
        assertEquals("PO-4711", buyer.getString("buyerReference"));
        assertEquals("DOMESTIC", approved.getString("taxTreatment"));

        Map<String, JsonObject> lines = linesByDescription(approved);
        assertEquals(4, lines.size(), approved.toString());
        assertEquals("1.12", lines.get("Originated calls").getString("netAmount"));
        assertEquals(
                "-0.05",
                lines.get("Originated calls to reverse-billing destinations (earned)")
                        .getString("netAmount"));
        assertEquals("12.50", lines.get("Service: DID rental").getString("netAmount"));
        assertEquals("-3.00", lines.get("Service: Refund").getString("netAmount"));
        for (JsonObject line : lines.values()) {
            assertEquals("S", line.getString("vatCategory"));
            assertEquals("19.00", line.getString("vatRate"));
        }
        JsonObject group = approved.getJsonArray("vatBreakdown").getJsonObject(0);
        assertEquals(1, approved.getJsonArray("vatBreakdown").size());
        assertEquals("S", group.getString("vatCategory"));
        assertEquals("10.57", group.getString("taxableAmount"));
        assertEquals("2.01", group.getString("vatAmount"));
        assertEquals("10.57", approved.getString("netTotal"));
        assertEquals("2.01", approved.getString("vatTotal"));
        assertEquals("12.58", approved.getString("grossTotal"));
        assertEquals("0.00", approved.getString("prepaidAmount"));
        assertEquals("12.58", approved.getString("amountDue"));
        assertEquals("10.57", approved.getString("amount"), "the raw total stays as it was");
        assertEquals(
                OffsetDateTime.parse(approved.getString("createdAt"))
                        .toLocalDate()
                        .plusDays(14)
                        .toString(),
                approved.getString("dueDate"));
        assertTrue(approved.isNull("taxNote"), "domestic VAT prints no note");
        assertFalse(approved.getBoolean("selfBilled"), "a customer invoice is never self-billed");

        // The platform renames the contractor and the account; the profiles change.
        renameThePlatformsParties();
        Http.Response buyerNow = admin.put(
                "api/v1/contractors/1/tax-profile",
                Json.createObjectBuilder()
                        .add("country", "FR")
                        .add("vatId", "FRXX123456789")
                        .add("treatment", "REVERSE_CHARGE")
                        .addNull("vatRate")
                        .addNull("exemptionReason")
                        .addNull("buyerReference")
                        .build());
        assertEquals(200, buyerNow.status(), buyerNow.text());

        JsonObject later = admin.get(INVOICES + "/" + id).jsonObject();
        assertEquals(frozen(approved), frozen(later));
        assertEquals("Acme Telecom", later.getString("contractorName"));
        JsonObject listed = admin
                .get(INVOICES + "?accountId=10")
                .jsonObject()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(item -> item.getJsonNumber("id").longValue() == id)
                .findFirst()
                .orElseThrow();
        assertEquals("Acme Telecom", listed.getString("contractorName"), "the list shows the copied name too");
        assertEquals("Acme wholesale", listed.getString("accountName"), "and the copied account name");
        assertEquals("12.58", listed.getString("grossTotal"));
        // The search box finds it by the names it shows, and by today's.
        for (String text : List.of("acme wholesale", "Acme Telecom", "Acme Renamed")) {
            assertTrue(
                    admin
                            .get(INVOICES + "?q=" + java.net.URLEncoder.encode(text, StandardCharsets.UTF_8))
                            .jsonObject()
                            .getJsonArray("items")
                            .getValuesAs(JsonObject.class)
                            .stream()
                            .anyMatch(item -> item.getJsonNumber("id").longValue() == id),
                    "searched for '" + text + "'");
        }
        String screen = invoiceScreen(id);
        assertTrue(screen.contains("id=\"legalBuyer\">Acme Telecom<"), screen);
        assertTrue(screen.contains("Acme wholesale"), "the copied account name");
        assertTrue(screen.contains("id=\"legalSeller\">Carrier GmbH<"), screen);
        assertTrue(screen.contains("id=\"legalVatTotal\">2.01 EUR<"), screen);
        assertTrue(screen.contains("id=\"legalGrossTotal\">12.58 EUR<"), screen);
        assertTrue(screen.contains("DE987654321"), screen);
        assertFalse(screen.contains("Acme Renamed"), "the screen shows the copied names only");

        // The credit note names the parties the invoice named and reverses every amount.
        Http.Response credited = admin.post(
                INVOICES + "/" + id + "/credit-note",
                Json.createObjectBuilder().add("reason", "Wrong rates").build());
        assertEquals(201, credited.status(), credited.text());
        JsonObject note = credited.jsonObject();
        assertEquals("Acme Telecom", note.getString("contractorName"));
        assertEquals(approved.getJsonObject("seller"), note.getJsonObject("seller"));
        assertEquals(approved.getJsonObject("buyer"), note.getJsonObject("buyer"));
        assertEquals("DOMESTIC", note.getString("taxTreatment"));
        assertEquals("-10.57", note.getString("netTotal"));
        assertEquals("-2.01", note.getString("vatTotal"));
        assertEquals("-12.58", note.getString("grossTotal"));
        assertEquals("-12.58", note.getString("amountDue"));
        assertEquals("-2.01", note.getJsonArray("vatBreakdown").getJsonObject(0).getString("vatAmount"));
        assertEquals(
                "-12.50", linesByDescription(note).get("Service: DID rental").getString("netAmount"));

        // A new invoice copies the parties as they are now: the new name, reverse charge, no VAT.
        Http.Response april = admin.post(INVOICES, request(10, "CUSTOMER", "2026-04-01", "2026-04-30"));
        assertEquals(201, april.status(), april.text());
        JsonObject now = april.jsonObject();
        assertEquals("Acme Renamed", now.getString("contractorName"));
        assertEquals("Acme Renamed Account", now.getString("accountName"));
        assertEquals("+49 30 9999", now.getJsonObject("buyer").getString("phones"));
        assertEquals("REVERSE_CHARGE", now.getString("taxTreatment"));
        assertEquals(
                "Reverse charge: VAT to be accounted for by the recipient, Art. 196 Directive 2006/112/EC",
                now.getString("taxNote"));
        assertEquals(now.getString("netTotal"), now.getString("grossTotal"));
    }
}
