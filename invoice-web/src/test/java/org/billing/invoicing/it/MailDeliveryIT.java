package org.billing.invoicing.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.billing.invoicing.document.DocumentFixtures;
import org.billing.invoicing.document.Pdf;
import org.billing.invoicing.einvoice.DocumentType;
import org.billing.invoicing.einvoice.En16931;
import org.billing.invoicing.einvoice.Syntax;
import org.billing.invoicing.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Emailing issued invoices, on the packaged WAR with a real SMTP server in this JVM (GreenMail): what
 * the recipients get, that a dead or silent SMTP server neither fails nor slows an approval, that a
 * message arrives once, resending, and the delivery status. Each test uses its own period and its own
 * recipients, so the tests do not depend on each other's order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailDeliveryIT {

    private static final String INVOICES = "api/v1/invoices";
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration APPROVAL_LIMIT = Duration.ofSeconds(5);

    private PostgresDatabase database;
    private PayaraMicro server;
    private Http http;
    private int smtpPort;
    private GreenMail smtp;

    @BeforeAll
    void start() throws Exception {
        database = PostgresDatabase.startMigrated();
        database.run("/fixtures/march-2026.sql");
        smtpPort = freePort();
        smtp = startSmtp();
        Map<String, String> environment = new HashMap<>(database.environment());
        environment.put("INVOICING_MAIL_HOST", "127.0.0.1");
        environment.put("INVOICING_MAIL_PORT", Integer.toString(smtpPort));
        environment.put("INVOICING_MAIL_FROM", "billing@operator.example");
        environment.put("INVOICING_MAIL_SUBJECT", "Invoice [I_REF] for [C_NAME], [I_START_DATE] to [I_END_DATE]");
        environment.put("INVOICING_MAIL_TIMEOUT", "1s");
        environment.put("INVOICING_MAIL_RETRY_DELAY", "500ms");
        environment.put("INVOICING_MAIL_MAX_RETRY_DELAY", "1s");
        environment.put("INVOICING_MAIL_POLL_INTERVAL", "1s");
        environment.put("INVOICING_MAIL_MAX_ATTEMPTS", "100");
        server = PayaraMicro.start(environment, "api/v1/accounts");
        http = new Http(server.baseUri()).as(Users.ADMIN);
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        smtp.stop();
        database.close();
    }

    @Test
    void anApprovedInvoiceIsSentToEachRecipientOfItsAccount() throws Exception {
        recipients(10, "ap.march@acme.example", "cfo.march@acme.example");
        long id = create(10, "2026-03-01", "2026-03-31");

        JsonObject approved = ok(http.post(INVOICES + "/" + id + "/approve", JsonValue.EMPTY_JSON_OBJECT));

        String number = approved.getString("number");
        for (String recipient : List.of("ap.march@acme.example", "cfo.march@acme.example")) {
            MimeMessage message = awaitMessages(recipient, 1).get(0);
            assertEquals("Invoice " + number + " for Acme Telecom, 2026-03-01 to 2026-03-31", message.getSubject());
            assertEquals(List.of(recipient), addresses(message.getAllRecipients()));
            assertEquals("billing@operator.example", message.getFrom()[0].toString());
            String body = ((String) message.getContent()).replace("\r\n", "\n");
            assertTrue(body.startsWith("Dear Acme Telecom,\n"), body);
            assertTrue(
                    body.contains("Invoice " + number + " has been issued for your account Acme wholesale for the"
                            + " period 2026-03-01 to 2026-03-31."),
                    body);
            assertTrue(body.contains("Total: 10.57 EUR"), body);
            assertFalse(body.contains("["), "every placeholder is replaced: " + body);
        }
        JsonObject deliveries = awaitDeliveryStatus(id, "SENT");
        JsonArray messages = deliveries.getJsonArray("messages");
        assertEquals(2, messages.size());
        for (JsonValue message : messages) {
            assertEquals("SENT", message.asJsonObject().getString("status"));
            assertEquals(1, message.asJsonObject().getInt("attempts"));
            assertFalse(message.asJsonObject().isNull("sentAt"));
        }
        List<String> history = actions(id);
        assertEquals(2, history.stream().filter("EMAIL_QUEUED"::equals).count(), history.toString());
        assertEquals(2, history.stream().filter("EMAIL_SENT"::equals).count(), history.toString());
    }

    @Test
    void aSilentThenStoppedSmtpServerNeitherFailsNorDelaysTheApprovalAndTheMessageArrivesOnce() throws Exception {
        recipients(10, "ap.november@acme.example");
        long id = create(10, "2026-02-01", "2026-02-28");
        smtp.stop();
        JsonObject delivery;
        // A server that accepts connections and never says a word: each attempt waits out the timeout.
        try (ServerSocket silent = new ServerSocket()) {
            silent.setReuseAddress(true);
            silent.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), smtpPort), 50);
            long started = System.nanoTime();
            Http.Response approval = http.post(INVOICES + "/" + id + "/approve", JsonValue.EMPTY_JSON_OBJECT);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertEquals(200, approval.status(), approval.text());
            assertTrue(took.compareTo(APPROVAL_LIMIT) < 0, "the approval took " + took);
            await(
                    "two failed attempts",
                    () -> firstMessage(id).getInt("attempts") >= 2
                            && !firstMessage(id).isNull("lastError"));
            delivery = firstMessage(id);
        }
        assertEquals("QUEUED", deliveries(id).getString("status"));
        assertTrue(List.of("QUEUED", "SENDING").contains(delivery.getString("status")), delivery.toString());
        assertEquals("APPROVED", http.get(INVOICES + "/" + id).jsonObject().getString("state"));

        smtp = startSmtp();

        awaitMessages("ap.november@acme.example", 1);
        awaitDeliveryStatus(id, "SENT");
        // A few more polls of the sender: nothing goes out a second time.
        Thread.sleep(2_000);
        assertEquals(1, received("ap.november@acme.example").size());
        assertEquals(1, actions(id).stream().filter("EMAIL_SENT"::equals).count());
    }

    /** Issue: "the PDF attached when one exists"; the document is made after the approval commits. */
    @Test
    void theIssuedDocumentIsAttachedWhenTheAccountHasATemplate() throws Exception {
        Http.Response template = http.upload(
                "api/v1/invoice-templates?name=Mail%20test&filename=carrier.odt",
                DocumentFixtures.demoTemplate(), "application/vnd.oasis.opendocument.text");
        assertEquals(201, template.status(), template.text());
        ok(http.put(
                "api/v1/accounts/10/invoice-templates/CUSTOMER",
                Json.createObjectBuilder()
                        .add(
                                "templateId",
                                template.jsonObject().getJsonNumber("id").longValue())
                        .build()));
        recipients(10, "ap.november@acme.example");
        long id = create(10, "2025-11-01", "2025-11-30");

        String number = ok(http.post(INVOICES + "/" + id + "/approve", JsonValue.EMPTY_JSON_OBJECT))
                .getString("number");

        MimeMessage message = awaitMessages("ap.november@acme.example", 1).get(0);
        MimeMultipart parts = (MimeMultipart) message.getContent();
        BodyPart pdf = null;
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).isMimeType("application/pdf")) {
                pdf = parts.getBodyPart(i);
            }
        }
        assertTrue(pdf != null, "a PDF part in the message");
        assertTrue(pdf.getFileName().endsWith(".pdf") && pdf.getFileName().contains(number), pdf.getFileName());
        byte[] content = pdf.getInputStream().readAllBytes();
        assertEquals("%PDF", new String(content, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(Pdf.text(content).contains(number), "the attached PDF is the invoice's own");
        assertEquals(
                pdf.getFileName(),
                awaitDeliveryStatus(id, "SENT")
                        .getJsonArray("messages")
                        .getJsonObject(0)
                        .getString("attachmentName"));
        ok(http.put(
                "api/v1/accounts/10/invoice-templates/CUSTOMER",
                Json.createObjectBuilder().addNull("templateId").build()));
    }

    @Test
    void withoutRecipientsTheApprovalWorksAndTheDeliveriesSaySo() {
        recipients(10);
        long id = create(10, "2026-01-01", "2026-01-31");

        ok(http.post(INVOICES + "/" + id + "/approve", JsonValue.EMPTY_JSON_OBJECT));

        JsonObject deliveries = ok(http.get(INVOICES + "/" + id + "/deliveries"));
        assertEquals("NO_RECIPIENTS", deliveries.getString("status"));
        assertEquals(0, deliveries.getJsonArray("messages").size());
        Http.Response resend = http.post(INVOICES + "/" + id + "/resend", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(409, resend.status(), resend.text());
        assertEquals("NO_RECIPIENTS", resend.jsonObject().getString("code"));
    }

    @Test
    void aClosedPrepayInvoiceIsSentAtOnceAndAResendSendsItAgain() throws Exception {
        recipients(30, "retail@acme.example");
        long id = create(30, "2026-02-01", "2026-02-28");
        awaitMessages("retail@acme.example", 1);
        awaitDeliveryStatus(id, "SENT");

        Http.Response resend = http.post(INVOICES + "/" + id + "/resend", JsonValue.EMPTY_JSON_OBJECT);

        assertEquals(202, resend.status(), resend.text());
        JsonArray queued = resend.jsonObject().getJsonArray("messages");
        assertEquals(2, queued.size());
        assertEquals("RESEND", queued.getJsonObject(1).getString("cause"));
        List<MimeMessage> both = awaitMessages("retail@acme.example", 2);
        assertEquals(both.get(0).getSubject(), both.get(1).getSubject());
        assertEquals(2, awaitDeliveryStatus(id, "SENT").getJsonArray("messages").size());
    }

    @Test
    void aPendingInvoiceIsNotSentNorResent() {
        recipients(10, "ap.december@acme.example");
        long id = create(10, "2025-12-01", "2025-12-31");

        Http.Response resend = http.post(INVOICES + "/" + id + "/resend", JsonValue.EMPTY_JSON_OBJECT);

        assertEquals(409, resend.status(), resend.text());
        assertEquals("application/problem+json", resend.header("Content-Type").orElse(""));
        assertEquals("INVOICE_NOT_ISSUED", resend.jsonObject().getString("code"));
        assertEquals(
                "NOT_ISSUED", ok(http.get(INVOICES + "/" + id + "/deliveries")).getString("status"));
        assertEquals(404, http.get(INVOICES + "/999999/deliveries").status());
    }

    /**
     * Carrier B's March, a vendor invoice (fixture, worked out by hand in InvoiceCalculatorTest): 8 calls
     * terminated, 286 billed seconds, 0.39 USD earned and 0.02 paid back, so the file's amounts add up to 0.41.
     */
    @Test
    void withTheSettingOnTheCallsGoGzippedNextToTheMessageAndTheirSumsAreTheInvoices() throws Exception {
        vendorSettings("calls@carrierb.example", true);
        try {
            JsonObject invoice = http.post(
                            INVOICES,
                            Json.createObjectBuilder()
                                    .add("accountId", 20)
                                    .add("direction", "VENDOR")
                                    .add("startDate", "2026-03-01")
                                    .add("endDate", "2026-03-31")
                                    .build())
                    .jsonObject();
            long id = invoice.getJsonNumber("id").longValue();
            String number = ok(http.post(INVOICES + "/" + id + "/approve", JsonValue.EMPTY_JSON_OBJECT))
                    .getString("number");

            MimeMessage message = awaitMessages("calls@carrierb.example", 1).get(0);
            MimeMultipart parts = (MimeMultipart) message.getContent();
            BodyPart calls = null;
            for (int i = 0; i < parts.getCount(); i++) {
                if (("calls-" + number + ".csv.gz").equals(parts.getBodyPart(i).getFileName())) {
                    calls = parts.getBodyPart(i);
                }
            }
            assertTrue(calls != null, "no calls-" + number + ".csv.gz in the message");
            assertTrue(calls.getContentType().startsWith("application/gzip"), calls.getContentType());
            List<String> lines;
            try (java.io.InputStream in = new java.util.zip.GZIPInputStream(calls.getInputStream())) {
                lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                        .lines()
                        .toList();
            }
            assertEquals(
                    "cdr_id,time_start,time_zone,prefix,country,network,duration,billed_duration,rate,amount,success,"
                            + "reverse_billing",
                    lines.get(0));
            List<String[]> rows = lines.subList(1, lines.size()).stream()
                    .map(line -> line.split(",", -1))
                    .toList();
            assertEquals(8, rows.size());
            assertEquals(
                    286, rows.stream().mapToLong(row -> Long.parseLong(row[7])).sum());
            assertEquals(
                    invoice.getJsonNumber("callsDuration").longValue(),
                    rows.stream().mapToLong(row -> Long.parseLong(row[6])).sum());
            java.math.BigDecimal amount = rows.stream()
                    .map(row -> row[9].isEmpty() ? java.math.BigDecimal.ZERO : new java.math.BigDecimal(row[9]))
                    .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
            assertEquals(0, new java.math.BigDecimal("0.41").compareTo(amount), amount.toPlainString());
            assertEquals(
                    0,
                    new java.math.BigDecimal(invoice.getString("termSpent"))
                            .add(new java.math.BigDecimal(invoice.getString("termEarned")))
                            .compareTo(amount));
            JsonObject sent =
                    awaitDeliveryStatus(id, "SENT").getJsonArray("messages").getJsonObject(0);
            assertEquals("calls-" + number + ".csv.gz", sent.getString("callsAttachmentName"));

            // Off: Carrier B's April goes without its calls.
            vendorSettings("calls@carrierb.example", false);
            long april = http.post(
                            INVOICES,
                            Json.createObjectBuilder()
                                    .add("accountId", 20)
                                    .add("direction", "VENDOR")
                                    .add("startDate", "2026-04-01")
                                    .add("endDate", "2026-04-30")
                                    .build())
                    .jsonObject()
                    .getJsonNumber("id")
                    .longValue();
            ok(http.post(INVOICES + "/" + april + "/approve", JsonValue.EMPTY_JSON_OBJECT));
            MimeMessage plain = awaitMessages("calls@carrierb.example", 2).get(1);
            assertTrue(
                    plain.getContent() instanceof String, "a message without attachments: " + plain.getContentType());
            assertTrue(awaitDeliveryStatus(april, "SENT")
                    .getJsonArray("messages")
                    .getJsonObject(0)
                    .isNull("callsAttachmentName"));
        } finally {
            vendorSettings("calls@carrierb.example", false);
        }
    }

    /**
     * Issue 12: the e-invoice the account chose goes with the PDF, UBL beside it or the PDF itself as
     * Factur-X, both passing the EN 16931 rules; an invoice that cannot be one (made before its buyer had a
     * tax profile) goes with the PDF alone, and its history says why.
     */
    @Test
    void theEInvoiceTheAccountChoseGoesWithThePdf() throws Exception {
        Http.Response template = http.upload(
                "api/v1/invoice-templates?name=E-invoice%20mail&filename=carrier.odt",
                DocumentFixtures.demoTemplate(), "application/vnd.oasis.opendocument.text");
        assertEquals(201, template.status(), template.text());
        long templateId = template.jsonObject().getJsonNumber("id").longValue();
        ok(http.put(
                "api/v1/accounts/10/invoice-templates/CUSTOMER",
                Json.createObjectBuilder().add("templateId", templateId).build()));
        try {
            einvoiceSettings("ubl.none@acme.example", "UBL");
            long bare = create(10, "2025-07-01", "2025-07-31");
            long contractorId = ok(http.post(INVOICES + "/" + bare + "/approve", JsonValue.EMPTY_JSON_OBJECT))
                    .getJsonNumber("contractorId")
                    .longValue();
            MimeMessage alone = awaitMessages("ubl.none@acme.example", 1).get(0);
            assertEquals(List.of("application/pdf"), attachmentTypes(alone));
            await(
                    "the history says the e-invoice was not attached",
                    () -> actions(bare).contains("EINVOICE_NOT_ATTACHED"));

            EInvoiceApiIT.taxProfiles(http, contractorId);
            long withUbl = create(10, "2025-08-01", "2025-08-31");
            String number = ok(http.post(INVOICES + "/" + withUbl + "/approve", JsonValue.EMPTY_JSON_OBJECT))
                    .getString("number");
            MimeMessage ubl = awaitMessages("ubl.none@acme.example", 2).get(1);
            assertEquals(List.of("application/pdf", "application/xml"), attachmentTypes(ubl));
            BodyPart xml = part(ubl, "application/xml");
            assertEquals("einvoice-" + number + "-ubl.xml", xml.getFileName());
            byte[] content = xml.getInputStream().readAllBytes();
            assertEquals(List.of(), En16931.errors(content, Syntax.UBL, DocumentType.INVOICE));
            assertTrue(new String(content, StandardCharsets.UTF_8).contains(number));

            einvoiceSettings("facturx@acme.example", "FACTUR_X");
            long withFacturX = create(10, "2025-09-01", "2025-09-30");
            ok(http.post(INVOICES + "/" + withFacturX + "/approve", JsonValue.EMPTY_JSON_OBJECT));
            MimeMessage facturX = awaitMessages("facturx@acme.example", 1).get(0);
            assertEquals(List.of("application/pdf"), attachmentTypes(facturX));
            try (PDDocument pdf = Loader.loadPDF(
                    part(facturX, "application/pdf").getInputStream().readAllBytes())) {
                byte[] cii = pdf.getDocumentCatalog()
                        .getNames()
                        .getEmbeddedFiles()
                        .getNames()
                        .get("factur-x.xml")
                        .getEmbeddedFile()
                        .toByteArray();
                assertEquals(List.of(), En16931.errors(cii, Syntax.CII, DocumentType.INVOICE));
            }
        } finally {
            einvoiceSettings("ubl.none@acme.example", "NONE");
            ok(http.put(
                    "api/v1/accounts/10/invoice-templates/CUSTOMER",
                    Json.createObjectBuilder().addNull("templateId").build()));
            Fixtures.removeTaxProfiles(database);
        }
    }

    private void einvoiceSettings(String recipient, String einvoice) {
        JsonObject settings = Json.createObjectBuilder()
                .addNull("seriesId")
                .add("recipients", Json.createArrayBuilder().add(recipient))
                .add("einvoiceAttachment", einvoice)
                .build();
        JsonObject stored = ok(http.put("api/v1/accounts/10/invoice-settings/CUSTOMER", settings));
        assertEquals(einvoice, stored.getString("einvoiceAttachment"));
    }

    private static List<String> attachmentTypes(MimeMessage message) throws Exception {
        List<String> types = new java.util.ArrayList<>();
        MimeMultipart parts = (MimeMultipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (BodyPart.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                types.add(part.getContentType().split(";")[0].trim().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return types;
    }

    private static BodyPart part(MimeMessage message, String type) throws Exception {
        MimeMultipart parts = (MimeMultipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).isMimeType(type)) {
                return parts.getBodyPart(i);
            }
        }
        throw new AssertionError("No " + type + " part in the message");
    }

    private void vendorSettings(String recipient, boolean attachCalls) {
        JsonObject settings = Json.createObjectBuilder()
                .addNull("seriesId")
                .add("recipients", Json.createArrayBuilder().add(recipient))
                .add("attachCalls", attachCalls)
                .build();
        JsonObject stored = ok(http.put("api/v1/accounts/20/invoice-settings/VENDOR", settings));
        assertEquals(attachCalls, stored.getBoolean("attachCalls"));
    }

    private void recipients(long accountId, String... recipients) {
        JsonObject settings = Json.createObjectBuilder()
                .addNull("seriesId")
                .add("recipients", Json.createArrayBuilder(Arrays.asList(recipients)))
                .build();
        ok(http.put("api/v1/accounts/" + accountId + "/invoice-settings/CUSTOMER", settings));
    }

    private long create(long accountId, String startDate, String endDate) {
        Http.Response created = http.post(
                INVOICES,
                Json.createObjectBuilder()
                        .add("accountId", accountId)
                        .add("direction", "CUSTOMER")
                        .add("startDate", startDate)
                        .add("endDate", endDate)
                        .build());
        assertEquals(201, created.status(), created.text());
        return created.jsonObject().getJsonNumber("id").longValue();
    }

    private JsonObject deliveries(long id) {
        return ok(http.get(INVOICES + "/" + id + "/deliveries"));
    }

    private JsonObject firstMessage(long id) {
        return deliveries(id).getJsonArray("messages").getJsonObject(0);
    }

    private JsonObject awaitDeliveryStatus(long id, String status) {
        await(
                "delivery status " + status + " of invoice " + id,
                () -> status.equals(deliveries(id).getString("status")));
        return deliveries(id);
    }

    private List<String> actions(long id) {
        Http.Response history = http.get(INVOICES + "/" + id + "/history");
        assertEquals(200, history.status(), history.text());
        return history.jsonArray().stream()
                .map(event -> event.asJsonObject().getString("action"))
                .toList();
    }

    private List<MimeMessage> awaitMessages(String recipient, int count) {
        await(count + " message(s) to " + recipient, () -> received(recipient).size() >= count);
        return received(recipient);
    }

    private List<MimeMessage> received(String recipient) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> {
                    try {
                        return addresses(message.getAllRecipients()).contains(recipient);
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static List<String> addresses(Address[] addresses) {
        return Arrays.stream(addresses).map(Address::toString).toList();
    }

    private static JsonObject ok(Http.Response response) {
        assertEquals(200, response.status(), response.text());
        return response.json() instanceof JsonObject object
                ? object
                : Json.createObjectBuilder().build();
    }

    private GreenMail startSmtp() {
        ServerSetup setup = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        // GreenMail's 2 s to start is too short on a loaded machine.
        setup.setServerStartupTimeout(30_000);
        GreenMail greenMail = new GreenMail(setup);
        greenMail.start();
        return greenMail;
    }

    /** Polls every 200 ms, for {@link #DELIVERY_TIMEOUT} at most. */
    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Still waiting for " + what + " after " + DELIVERY_TIMEOUT);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
