package org.billing.invoicing.it;

import static org.billing.invoicing.it.InvoiceApiIT.assertProblem;
import static org.billing.invoicing.it.InvoiceApiIT.request;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.billing.invoicing.document.DocumentFixtures;
import org.billing.invoicing.document.Hashes;
import org.billing.invoicing.document.Pdf;
import org.billing.invoicing.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Templates and invoice documents over REST on the deployed WAR: upload, list, source, delete,
 * every refused upload, the draft of a Pending invoice, and the frozen PDF of an approved one read
 * back with pdftotext.
 */
@ExtendWith(DeployedModule.class)
class DocumentApiIT {

    private static final String TEMPLATES = "api/v1/invoice-templates";
    private static final String ODT = "application/vnd.oasis.opendocument.text";

    private final PostgresDatabase database = DeployedModule.deployment().database();
    private final Http http = DeployedModule.deployment().http();

    @BeforeEach
    void clean() throws Exception {
        Fixtures.removeInvoices(database);
        Fixtures.removeTemplates(database);
    }

    @AfterEach
    void noTemplatesLeftForOtherTests() throws Exception {
        Fixtures.removeTemplates(database);
    }

    private long upload(String name) {
        Http.Response created = http.upload(
                TEMPLATES + "?name=" + name + "&filename=carrier.odt", DocumentFixtures.demoTemplate(), ODT);
        assertEquals(201, created.status(), created.text());
        return created.jsonObject().getJsonNumber("id").longValue();
    }

    @Test
    void uploadListViewSourceAndDeleteOnlyWhenUnused() {
        byte[] file = DocumentFixtures.demoTemplate();
        long id = upload("Carrier");
        JsonObject template = http.get(TEMPLATES + "/" + id).jsonObject();
        assertEquals("Carrier", template.getString("name"));
        assertEquals("carrier.odt", template.getString("filename"));
        assertEquals(Hashes.sha1(file), template.getString("sha1"));
        assertTrue(template.containsKey("createdAt"));
        assertEquals(1, http.get(TEMPLATES).jsonArray().size());

        Http.BinaryResponse source = http.getBytes(TEMPLATES + "/" + id + "/source");
        assertEquals(200, source.status());
        assertArrayEquals(file, source.body());
        assertTrue(source.header("Content-Disposition").orElseThrow().contains("carrier.odt"));

        assertProblem(http.upload(TEMPLATES + "?name=Carrier", file, ODT), 409, "TEMPLATE_NAME_TAKEN", "name");

        Http.Response assigned = http.put(
                "api/v1/accounts/10/invoice-templates/CUSTOMER",
                Json.createObjectBuilder().add("templateId", id).build());
        assertEquals(200, assigned.status(), assigned.text());
        Http.Response refused = http.delete(TEMPLATES + "/" + id);
        assertProblem(refused, 409, "TEMPLATE_IN_USE", null);
        assertTrue(
                refused.jsonObject().getString("detail").contains("account 10 'Acme wholesale' (CUSTOMER)"),
                refused.text());

        http.put(
                "api/v1/accounts/10/invoice-templates/CUSTOMER",
                Json.createObjectBuilder().addNull("templateId").build());
        assertEquals(204, http.delete(TEMPLATES + "/" + id).status());
        assertEquals(0, http.get(TEMPLATES).jsonArray().size());
    }

    @Test
    void badUploadsAreRefusedWithTheirCodeAndNothingIsStored() throws Exception {
        byte[] demo = DocumentFixtures.demoTemplate();
        Map<String, byte[]> bomb = new LinkedHashMap<>();
        bomb.put("mimetype", ODT.getBytes(StandardCharsets.US_ASCII));
        bomb.put("content.xml", new byte[200 * 1024 * 1024]);
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\">&x;"
                + "</office:document-content>";
        String unknown = DocumentFixtures.entry(demo, "content.xml").replace("[C_PHONES]", "[C_FAX]");

        refused("Letter".getBytes(StandardCharsets.UTF_8), 422, "TEMPLATE_NOT_ODF");
        refused(DocumentFixtures.zip(Map.of("readme.txt", new byte[] {1})), 422, "TEMPLATE_NOT_ODF");
        refused(DocumentFixtures.zip(bomb), 422, "TEMPLATE_UNSAFE");
        refused(
                DocumentFixtures.withEntry(demo, "content.xml", xxe.getBytes(StandardCharsets.UTF_8)),
                422,
                "TEMPLATE_UNSAFE");
        refused(new byte[50 * 1024 * 1024], 413, "TEMPLATE_TOO_LARGE");
        Http.Response placeholder = refused(
                DocumentFixtures.withEntry(demo, "content.xml", unknown.getBytes(StandardCharsets.UTF_8)),
                422,
                "TEMPLATE_UNKNOWN_PLACEHOLDER");
        assertTrue(
                placeholder
                        .jsonObject()
                        .getString("detail")
                        .contains("[C_FAX] in table Parties, row 1: \"Phone: [C_FAX]\""),
                placeholder.text());
        assertEquals(0, count("SELECT count(*) FROM invoice_template"));

        Http.Response lint = http.upload(
                TEMPLATES + "/lint",
                DocumentFixtures.withEntry(demo, "content.xml", unknown.getBytes(StandardCharsets.UTF_8)),
                ODT);
        assertEquals(200, lint.status(), lint.text());
        assertFalse(lint.jsonObject().getBoolean("valid"));
        assertEquals(
                "[C_FAX]",
                lint.jsonObject().getJsonArray("problems").getJsonObject(0).getString("placeholder"));
        assertTrue(http.upload(TEMPLATES + "/lint", demo, ODT).jsonObject().getBoolean("valid"));
        assertEquals(0, count("SELECT count(*) FROM invoice_template"));
    }

    private Http.Response refused(byte[] file, int status, String code) {
        Http.Response response = http.upload(TEMPLATES + "?name=Bad", file, ODT);
        assertProblem(response, status, code, "file");
        return response;
    }

    @Test
    void aPendingInvoiceIsADraftAndAnApprovedOneGetsItsFrozenPdf() throws Exception {
        long templateId = upload("Default");
        assertEquals(
                200,
                http.put(
                                TEMPLATES + "/default",
                                Json.createObjectBuilder()
                                        .add("templateId", templateId)
                                        .build())
                        .status());
        Http.Response created = http.post("api/v1/invoices", request(10, "CUSTOMER", "2026-03-01", "2026-03-31"));
        assertEquals(201, created.status(), created.text());
        long id = created.jsonObject().getJsonNumber("id").longValue();

        Http.BinaryResponse draft = http.getBytes("api/v1/invoices/" + id + "/document.pdf");
        assertEquals(200, draft.status(), draft.text());
        assertTrue(draft.header("Content-Disposition").orElseThrow().contains("draft-invoice-" + id + ".pdf"));
        String draftText = Pdf.text(draft.body());
        assertTrue(draftText.contains("No. DRAFT"), draftText);

        Http.Response approved = http.post("api/v1/invoices/" + id + "/approve", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(200, approved.status(), approved.text());
        String number = approved.jsonObject().getString("number");

        JsonObject document = awaitReady(http, id);
        assertEquals(templateId, document.getJsonNumber("templateId").longValue());
        assertEquals(Hashes.sha1(DocumentFixtures.demoTemplate()), document.getString("templateSha1"));

        Http.BinaryResponse pdf = http.getBytes("api/v1/invoices/" + id + "/document.pdf");
        assertEquals(200, pdf.status());
        assertEquals("application/pdf", pdf.header("Content-Type").orElseThrow());
        assertEquals(document.getString("pdfSha256"), Hashes.sha256(pdf.body()));
        String text = Pdf.text(pdf.body());
        assertTrue(text.contains("No. " + number), text);
        assertTrue(text.contains("Total due: 10.57"), text);
        assertTrue(text.contains("Acme wholesale") && text.contains("2026-03-31"), text);

        Http.BinaryResponse odt = http.getBytes("api/v1/invoices/" + id + "/document.odt");
        assertEquals(200, odt.status());
        assertEquals(document.getString("odtSha256"), Hashes.sha256(odt.body()));
        assertFalse(DocumentFixtures.entry(odt.body(), "content.xml").contains("[I_REF]"));
    }

    @Test
    void anOfficeKilledDuringTheConversionIsRecordedOnTheInvoiceAndTheRetrySucceeds() throws Exception {
        // A template of some 200 pages: its conversion takes seconds, so the kill lands during it.
        String content = DocumentFixtures.entry(DocumentFixtures.demoTemplate(), "content.xml");
        String filler =
                "<text:p text:style-name=\"Standard\">Terms and conditions, clause " + "x ".repeat(400) + "</text:p>";
        content = content.replace("</office:text>", filler.repeat(1_500) + "</office:text>");
        byte[] heavy = DocumentFixtures.withEntry(
                DocumentFixtures.demoTemplate(), "content.xml", content.getBytes(StandardCharsets.UTF_8));
        Http.Response uploaded = http.upload(TEMPLATES + "?name=Heavy", heavy, ODT);
        assertEquals(201, uploaded.status(), uploaded.text());
        long templateId = uploaded.jsonObject().getJsonNumber("id").longValue();
        http.put(
                TEMPLATES + "/default",
                Json.createObjectBuilder().add("templateId", templateId).build());
        assertEquals(
                200,
                http.getBytes(TEMPLATES + "/" + templateId + "/preview.pdf").status(),
                "the office runs");
        Http.Response created = http.post("api/v1/invoices", request(10, "CUSTOMER", "2026-03-01", "2026-03-31"));
        long id = created.jsonObject().getJsonNumber("id").longValue();

        assertEquals(
                200,
                http.post("api/v1/invoices/" + id + "/approve", JsonValue.EMPTY_JSON_OBJECT)
                        .status());
        Thread.sleep(1_000);
        ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().command().map(c -> c.contains("soffice")).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
        JsonObject document = null;
        for (int i = 0; i < 300; i++) {
            document = http.get("api/v1/invoices/" + id + "/document").jsonObject();
            if (!"PENDING".equals(document.getString("status"))) {
                break;
            }
            Thread.sleep(500);
        }
        assertEquals("FAILED", document.getString("status"), document.toString());
        assertTrue(document.getString("failure").startsWith("PDF: "), document.toString());
        assertEquals(
                "APPROVED", http.get("api/v1/invoices/" + id).jsonObject().getString("state"), "the approval stands");

        Http.Response retried = http.post("api/v1/invoices/" + id + "/document", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(200, retried.status(), retried.text());
        assertEquals("READY", retried.jsonObject().getString("status"), retried.text());
        assertTrue(Pdf.text(
                        http.getBytes("api/v1/invoices/" + id + "/document.pdf").body())
                .contains("Total due: 10.57"));
    }

    /** Waits (up to a minute) until the issued invoice's document is made; its status. */
    static JsonObject awaitReady(Http http, long id) throws InterruptedException {
        JsonObject document = null;
        for (int i = 0; i < 120; i++) {
            document = http.get("api/v1/invoices/" + id + "/document").jsonObject();
            if ("READY".equals(document.getString("status"))) {
                return document;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("The document was not made: " + document);
    }

    private long count(String sql) throws Exception {
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * Every role may GET a Pending invoice's draft, and each GET costs a fill and a LibreOffice conversion:
     * a viewer sending many at once has at most two made at a time, the others are refused at once.
     */
    @Test
    void aUsersDraftConversionsAreBounded() throws Exception {
        long templateId = upload("Default");
        assertEquals(
                200,
                http.put(
                                TEMPLATES + "/default",
                                Json.createObjectBuilder()
                                        .add("templateId", templateId)
                                        .build())
                        .status());
        Http.Response created = http.post("api/v1/invoices", request(10, "CUSTOMER", "2026-03-01", "2026-03-31"));
        assertEquals(201, created.status(), created.text());
        long id = created.jsonObject().getJsonNumber("id").longValue();
        Http viewer = new Http(DeployedModule.deployment().server().baseUri()).as(Users.VIEWER);
        assertEquals(
                200, viewer.getBytes("api/v1/invoices/" + id + "/document.pdf").status());

        ExecutorService threads = Executors.newFixedThreadPool(12);
        List<Future<Http.BinaryResponse>> drafts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            drafts.add(threads.submit(() -> viewer.getBytes("api/v1/invoices/" + id + "/document.pdf")));
        }
        int made = 0;
        int refused = 0;
        for (Future<Http.BinaryResponse> draft : drafts) {
            Http.BinaryResponse response = draft.get();
            if (response.status() == 200) {
                made++;
            } else {
                assertEquals(429, response.status(), response.text());
                assertTrue(response.text().contains("\"TOO_MANY_DRAFTS\""), response.text());
                refused++;
            }
        }
        threads.shutdown();

        assertTrue(made >= 1 && refused >= 1, made + " made, " + refused + " refused");
        // The bound is per user and held only while a draft is made.
        assertEquals(
                200, http.getBytes("api/v1/invoices/" + id + "/document.pdf").status());
        assertEquals(
                200, viewer.getBytes("api/v1/invoices/" + id + "/document.odt").status());
    }
}
