package org.billing.invoicing.it;

import static org.billing.invoicing.it.InvoiceApiIT.assertProblem;
import static org.billing.invoicing.it.InvoiceApiIT.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.billing.invoicing.document.DocumentFixtures;
import org.billing.invoicing.einvoice.DocumentType;
import org.billing.invoicing.einvoice.En16931;
import org.billing.invoicing.einvoice.Syntax;
import org.billing.invoicing.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /invoices/{id}/einvoice.xml} on the deployed WAR: an approved invoice and its credit note as
 * UBL and CII that pass the official EN 16931 rules, and each refusal with its code.
 */
@ExtendWith(DeployedModule.class)
class EInvoiceApiIT {

    private static final String INVOICES = "api/v1/invoices";

    private final PostgresDatabase database = DeployedModule.deployment().database();
    private final Http http = DeployedModule.deployment().http();

    @BeforeEach
    @AfterEach
    void clean() throws Exception {
        Fixtures.removeTemplates(database);
        Fixtures.removeInvoices(database);
        Fixtures.removeTaxProfiles(database);
    }

    private long pendingMarchInvoice() {
        Http.Response created = http.post(INVOICES, request(10, "CUSTOMER", "2026-03-01", "2026-03-31"));
        assertEquals(201, created.status(), created.text());
        return created.jsonObject().getJsonNumber("id").longValue();
    }

    /** A default seller profile in Germany and a domestic buyer at 19 % (VAT ID DE987654321). */
    static void taxProfiles(Http http, long contractorId) {
        Http.Response seller = http.post(
                "api/v1/seller-profiles",
                Json.createObjectBuilder()
                        .add("legalName", "Carrier Networks GmbH")
                        .add("street", "Friedrichstrasse 100")
                        .add("city", "Berlin")
                        .add("postalCode", "10117")
                        .add("country", "DE")
                        .add("vatId", "DE123456789")
                        .add("registration", "HRB 123456 B")
                        .add("contactEmail", "billing@carrier.example")
                        .addNull("contactPhone")
                        .add("iban", "DE89370400440532013000")
                        .add("bic", "COBADEFFXXX")
                        .add("paymentTermsDays", 30)
                        .add("rounding", "HALF_UP")
                        .add("isDefault", true)
                        .build());
        assertEquals(201, seller.status(), seller.text());
        Http.Response buyer = http.put(
                "api/v1/contractors/" + contractorId + "/tax-profile",
                Json.createObjectBuilder()
                        .add("country", "DE")
                        .add("vatId", "DE987654321")
                        .add("treatment", "DOMESTIC")
                        .add("vatRate", 19)
                        .addNull("exemptionReason")
                        .add("buyerReference", "PO 4711")
                        .build());
        assertEquals(200, buyer.status(), buyer.text());
    }

    @Test
    void anApprovedInvoiceAndItsCreditNotePassTheEn16931RulesInBothSyntaxes() throws Exception {
        // Made before its seller and buyer had tax profiles: it copied none, and stays without them.
        long early = pendingMarchInvoice();
        assertProblem(http.get(INVOICES + "/" + early + "/einvoice.xml?syntax=UBL"), 409, "INVOICE_NOT_ISSUED", null);
        Http.Response approvedEarly = http.post(INVOICES + "/" + early + "/approve", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(200, approvedEarly.status(), approvedEarly.text());
        long contractorId =
                approvedEarly.jsonObject().getJsonNumber("contractorId").longValue();
        taxProfiles(http, contractorId);
        assertProblem(http.get(INVOICES + "/" + early + "/einvoice.xml?syntax=CII"), 409, "EINVOICE_INCOMPLETE", null);
        Http.Response creditedEarly = http.post(
                INVOICES + "/" + early + "/credit-note",
                Json.createObjectBuilder().add("reason", "no VAT").build());
        assertEquals(201, creditedEarly.status(), creditedEarly.text());

        // Made again for the same period, now with the profiles: it copies them and is an e-invoice.
        defaultTemplate();
        long id = pendingMarchInvoice();
        Http.Response approved = http.post(INVOICES + "/" + id + "/approve", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(200, approved.status(), approved.text());
        JsonObject invoice = approved.jsonObject();
        // A later change of the buyer's treatment changes nothing the issued invoice says.
        Http.Response changed = http.put(
                "api/v1/contractors/" + contractorId + "/tax-profile",
                Json.createObjectBuilder()
                        .add("country", "FR")
                        .add("vatId", "FR40303265045")
                        .add("treatment", "REVERSE_CHARGE")
                        .addNull("vatRate")
                        .addNull("exemptionReason")
                        .addNull("buyerReference")
                        .build());
        assertEquals(200, changed.status(), changed.text());
        for (Syntax syntax : Syntax.values()) {
            Http.BinaryResponse xml = http.getBytes(INVOICES + "/" + id + "/einvoice.xml?syntax=" + syntax);
            assertEquals(200, xml.status(), xml.text());
            assertTrue(xml.header("Content-Type").orElseThrow().startsWith("application/xml"));
            assertTrue(xml.header("Content-Disposition")
                    .orElseThrow()
                    .contains("-" + syntax.name().toLowerCase()));
            assertEquals(List.of(), En16931.errors(xml.body(), syntax, DocumentType.INVOICE), xml.text());
            assertTrue(xml.text().contains(invoice.getString("number")));
            assertTrue(xml.text().contains("DE987654321") && !xml.text().contains("FR40303265045"), xml.text());
        }

        // Its document as Factur-X: a PDF/A-3 whose embedded factur-x.xml passes the EN 16931 rules.
        DocumentApiIT.awaitReady(http, id);
        Http.BinaryResponse facturX = http.getBytes(INVOICES + "/" + id + "/facturx.pdf");
        assertEquals(200, facturX.status(), facturX.text());
        assertTrue(facturX.header("Content-Type").orElseThrow().startsWith("application/pdf"));
        assertTrue(facturX.header("Content-Disposition").orElseThrow().contains("-facturx.pdf"));
        try (PDDocument pdf = Loader.loadPDF(facturX.body())) {
            String xmp = new String(
                    pdf.getDocumentCatalog().getMetadata().exportXMPMetadata().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(xmp.matches("(?s).*pdfaid:part(>|=\"|>\\s*)3.*"), xmp);
            PDComplexFileSpecification embedded = pdf.getDocumentCatalog()
                    .getNames()
                    .getEmbeddedFiles()
                    .getNames()
                    .get("factur-x.xml");
            byte[] cii = embedded.getEmbeddedFile().toByteArray();
            assertEquals(List.of(), En16931.errors(cii, Syntax.CII, DocumentType.INVOICE));
            assertTrue(new String(cii, StandardCharsets.UTF_8).contains(invoice.getString("number")));
        }

        Http.Response credited = http.post(
                INVOICES + "/" + id + "/credit-note",
                Json.createObjectBuilder().add("reason", "billed twice").build());
        assertEquals(201, credited.status(), credited.text());
        long noteId = credited.jsonObject().getJsonNumber("id").longValue();
        Http.BinaryResponse ubl = http.getBytes(INVOICES + "/" + noteId + "/einvoice.xml?syntax=ubl");
        assertEquals(200, ubl.status(), ubl.text());
        String text = new String(ubl.body(), StandardCharsets.UTF_8);
        assertTrue(text.contains("<CreditNote") && text.contains(invoice.getString("number")), text);
        assertEquals(List.of(), En16931.errors(ubl.body(), Syntax.UBL, DocumentType.CREDIT_NOTE), text);
    }

    /**
     * Issue 12, self-billing: account 20's vendor invoices are self-billed once its VENDOR settings say so.
     * March 2026 of account 20 (fixture): terminated calls 0.39 earned, 0.02 charged by its reverse-billing
     * dialpeers; net 0.39 - 0.02 = 0.37; its contractor is a domestic supplier at 19 %: VAT 0.37 x 0.19 =
     * 0.0703 -> 0.07; gross 0.44.
     */
    @Test
    void aSelfBilledVendorInvoiceIsA389OfTheVendorToTheOperator() {
        String vendorSettings = "api/v1/accounts/20/invoice-settings/VENDOR";
        Http.Response on = http.put(
                vendorSettings,
                Json.createObjectBuilder()
                        .addNull("seriesId")
                        .add("recipients", JsonValue.EMPTY_JSON_ARRAY)
                        .add("selfBilling", true)
                        .build());
        assertEquals(200, on.status(), on.text());
        assertTrue(on.jsonObject().getBoolean("selfBilling"));
        assertTrue(http.get(vendorSettings).jsonObject().getBoolean("selfBilling"));
        // Left out, it stays as it is; on the customer side there is no self-billing.
        Http.Response kept = http.put(
                vendorSettings,
                Json.createObjectBuilder()
                        .addNull("seriesId")
                        .add("recipients", JsonValue.EMPTY_JSON_ARRAY)
                        .build());
        assertTrue(kept.jsonObject().getBoolean("selfBilling"), kept.text());
        assertProblem(
                http.put(
                        "api/v1/accounts/20/invoice-settings/CUSTOMER",
                        Json.createObjectBuilder()
                                .addNull("seriesId")
                                .add("recipients", JsonValue.EMPTY_JSON_ARRAY)
                                .add("selfBilling", true)
                                .build()),
                400,
                "VALIDATION_FAILED",
                "selfBilling");

        // Without a tax profile of the vendor there is no VAT to state: refused, nothing made.
        assertProblem(
                http.post(INVOICES, request(20, "VENDOR", "2026-03-01", "2026-03-31")),
                422,
                "TAX_PROFILE_REQUIRED",
                null);
        long contractorId = http.get("api/v1/accounts/20")
                .jsonObject()
                .getJsonNumber("contractorId")
                .longValue();
        taxProfiles(http, contractorId);

        defaultTemplate();
        Http.Response created = http.post(INVOICES, request(20, "VENDOR", "2026-03-01", "2026-03-31"));
        assertEquals(201, created.status(), created.text());
        long id = created.jsonObject().getJsonNumber("id").longValue();
        // Its document (the draft, from the demo template) is titled and noted as self-billed.
        Http.BinaryResponse draft = http.getBytes(INVOICES + "/" + id + "/document.odt");
        assertEquals(200, draft.status(), draft.text());
        String content = DocumentFixtures.entry(draft.body(), "content.xml");
        assertTrue(content.contains(">Self-billed invoice<"), content);
        assertTrue(content.contains(">Self-billing<"), content);
        Http.Response approved = http.post(INVOICES + "/" + id + "/approve", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(200, approved.status(), approved.text());
        JsonObject invoice = approved.jsonObject();
        assertTrue(invoice.getBoolean("selfBilled"), invoice.toString());
        assertEquals("DOMESTIC", invoice.getString("taxTreatment"));
        assertEquals("0.37", invoice.getString("netTotal"));
        assertEquals("0.07", invoice.getString("vatTotal"));
        assertEquals("0.44", invoice.getString("grossTotal"));
        assertEquals("Self-billing", invoice.getString("taxNote"));

        Http.BinaryResponse ubl = http.getBytes(INVOICES + "/" + id + "/einvoice.xml?syntax=UBL");
        assertEquals(200, ubl.status(), ubl.text());
        String xml = ubl.text();
        assertEquals(List.of(), En16931.errors(ubl.body(), Syntax.UBL, DocumentType.SELF_BILLED), xml);
        assertTrue(xml.contains("<cbc:InvoiceTypeCode>389</cbc:InvoiceTypeCode>"), xml);
        // The vendor (Carrier B, the contractor) is the supplier; the operator the customer, without its IBAN.
        String supplier = between(xml, "<cac:AccountingSupplierParty>", "</cac:AccountingSupplierParty>");
        String customer = between(xml, "<cac:AccountingCustomerParty>", "</cac:AccountingCustomerParty>");
        assertTrue(supplier.contains("Carrier B") && supplier.contains("DE987654321"), supplier);
        assertTrue(customer.contains("Carrier Networks GmbH") && customer.contains("DE123456789"), customer);
        assertTrue(!xml.contains("DE89370400440532013000"), xml);
        assertTrue(xml.contains("<cbc:TaxAmount currencyID=\"USD\">0.07</cbc:TaxAmount>"), xml);
        assertTrue(
                InvoiceLegalIdentityIT.invoiceScreen(id).contains("<strong>Self-billed invoice</strong>"),
                "the invoice screen says so");
        Http.BinaryResponse cii = http.getBytes(INVOICES + "/" + id + "/einvoice.xml?syntax=CII");
        assertEquals(List.of(), En16931.errors(cii.body(), Syntax.CII, DocumentType.SELF_BILLED), cii.text());

        // Its credit note is self-billed too: a 261.
        Http.Response credited = http.post(
                INVOICES + "/" + id + "/credit-note",
                Json.createObjectBuilder().add("reason", "wrong rates").build());
        assertEquals(201, credited.status(), credited.text());
        assertTrue(credited.jsonObject().getBoolean("selfBilled"), credited.text());
        long noteId = credited.jsonObject().getJsonNumber("id").longValue();
        Http.BinaryResponse noteXml = http.getBytes(INVOICES + "/" + noteId + "/einvoice.xml?syntax=UBL");
        assertEquals(200, noteXml.status(), noteXml.text());
        assertTrue(noteXml.text().contains("<cbc:CreditNoteTypeCode>261</cbc:CreditNoteTypeCode>"), noteXml.text());
        assertEquals(
                List.of(),
                En16931.errors(noteXml.body(), Syntax.UBL, DocumentType.SELF_BILLED_CREDIT_NOTE),
                noteXml.text());

        // Self-billing off again: the next vendor invoice is a statement, and the first stays self-billed.
        Http.Response off = http.put(
                vendorSettings,
                Json.createObjectBuilder()
                        .addNull("seriesId")
                        .add("recipients", JsonValue.EMPTY_JSON_ARRAY)
                        .add("selfBilling", false)
                        .build());
        assertEquals(200, off.status(), off.text());
        Http.Response statement = http.post(INVOICES, request(20, "VENDOR", "2026-04-01", "2026-04-30"));
        assertEquals(201, statement.status(), statement.text());
        long statementId = statement.jsonObject().getJsonNumber("id").longValue();
        assertTrue(!statement.jsonObject().getBoolean("selfBilled"), statement.text());
        assertTrue(statement.jsonObject().isNull("taxTreatment"), statement.text());
        assertEquals(
                200,
                http.post(INVOICES + "/" + statementId + "/approve", JsonValue.EMPTY_JSON_OBJECT)
                        .status());
        assertProblem(
                http.get(INVOICES + "/" + statementId + "/einvoice.xml?syntax=UBL"), 409, "EINVOICE_INCOMPLETE", null);
        assertTrue(http.get(INVOICES + "/" + id).jsonObject().getBoolean("selfBilled"));
        assertTrue(!InvoiceLegalIdentityIT.invoiceScreen(statementId).contains("legalSelfBilled"));
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        int to = text.indexOf(end, from);
        assertTrue(from >= 0 && to > from, text);
        return text.substring(from, to);
    }

    private void defaultTemplate() {
        Http.Response uploaded = http.upload(
                "api/v1/invoice-templates?name=Default&filename=default.odt",
                DocumentFixtures.demoTemplate(),
                "application/vnd.oasis.opendocument.text");
        assertEquals(201, uploaded.status(), uploaded.text());
        Http.Response chosen = http.put(
                "api/v1/invoice-templates/default",
                Json.createObjectBuilder()
                        .add(
                                "templateId",
                                uploaded.jsonObject().getJsonNumber("id").longValue())
                        .build());
        assertEquals(200, chosen.status(), chosen.text());
    }

    @Test
    void anUnknownOrMissingSyntaxIsRefused() {
        assertProblem(http.get(INVOICES + "/1/einvoice.xml?syntax=PDF"), 400, "VALIDATION_FAILED", "syntax");
        assertProblem(http.get(INVOICES + "/1/einvoice.xml"), 400, "VALIDATION_FAILED", "syntax");
        assertProblem(http.get(INVOICES + "/999999/einvoice.xml?syntax=UBL"), 404, "INVOICE_NOT_FOUND", null);
    }
}
