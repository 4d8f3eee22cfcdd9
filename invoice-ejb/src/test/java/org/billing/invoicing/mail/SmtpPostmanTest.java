package org.billing.invoicing.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Composing and sending through a real SMTP server in this JVM (GreenMail). */
class SmtpPostmanTest {

    private static final Instant NOW = Instant.parse("2026-04-02T09:00:00Z");

    private GreenMail smtp;

    @BeforeEach
    void startSmtpServer() {
        ServerSetup setup = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        // GreenMail's 2 s to start is too short on a loaded machine.
        setup.setServerStartupTimeout(30_000);
        smtp = new GreenMail(setup);
        smtp.start();
    }

    @AfterEach
    void stopSmtpServer() {
        smtp.stop();
    }

    private static MailSettings settings(int port, String timeout) {
        return MailSettings.from(key -> Optional.ofNullable(Map.of(
                        "invoicing.mail.host",
                        "127.0.0.1",
                        "invoicing.mail.port",
                        Integer.toString(port),
                        "invoicing.mail.from",
                        "billing@operator.example",
                        "invoicing.mail.timeout",
                        timeout)
                .get(key)));
    }

    private static OutgoingMail mail(byte[] attachment) {
        return new OutgoingMail(
                7,
                42,
                "ap@acme.example",
                "Invoice INV-2026-000007 für Acme",
                "Dear Acme,\nsee it.",
                attachment == null ? null : "Acme_INV-2026-000007.pdf",
                attachment == null ? null : "application/pdf",
                attachment,
                1,
                UUID.randomUUID(),
                java.time.Instant.parse("2026-04-01T08:00:00Z"));
    }

    @Test
    void aMessageArrivesWithItsSubjectBodyAndAStableMessageId() throws Exception {
        new SmtpPostman(settings(smtp.getSmtp().getPort(), "5s")).send(mail(null), NOW);

        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        MimeMessage message = received[0];
        assertEquals("Invoice INV-2026-000007 für Acme", message.getSubject());
        assertEquals("ap@acme.example", message.getAllRecipients()[0].toString());
        assertEquals("billing@operator.example", message.getFrom()[0].toString());
        assertEquals("<invoice-42.mail-7@operator.example>", message.getMessageID());
        assertEquals("Dear Acme,\r\nsee it.", ((String) message.getContent()).strip());
    }

    @Test
    void aDocumentTravelsAsAnAttachmentWithItsFileName() throws Exception {
        new SmtpPostman(settings(smtp.getSmtp().getPort(), "5s")).send(mail(new byte[] {'%', 'P', 'D', 'F'}), NOW);

        Multipart parts = (Multipart) smtp.getReceivedMessages()[0].getContent();
        assertEquals(2, parts.getCount());
        Part document = parts.getBodyPart(1);
        assertEquals(Part.ATTACHMENT, document.getDisposition());
        assertEquals("Acme_INV-2026-000007.pdf", document.getFileName());
        assertTrue(document.getContentType().startsWith("application/pdf"), document.getContentType());
        assertEquals(4, document.getInputStream().readAllBytes().length);
    }

    @Test
    void aServerThatDoesNotAnswerFailsTheAttemptWithinTheTimeout() throws IOException {
        try (ServerSocket silent = new ServerSocket(0)) {
            SmtpPostman postman = new SmtpPostman(settings(silent.getLocalPort(), "500ms"));
            long started = System.nanoTime();

            MessagingException failure = assertThrows(MessagingException.class, () -> postman.send(mail(null), NOW));

            assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(5)) < 0);
            assertFalse(SmtpPostman.permanent(failure), "a silent server may answer later: retried");
            assertFalse(SmtpPostman.describe(failure).contains("\n"));
        }
    }
}
