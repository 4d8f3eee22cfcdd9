package org.billing.invoicing.mail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * Hands one message at a time to the SMTP server of the {@link MailSettings}, with timeouts on
 * connecting, reading and writing so that a slow server holds up only the sender. Plain Jakarta Mail:
 * no container needed.
 */
final class SmtpPostman {

    private final MailSettings settings;
    private final Session session;

    SmtpPostman(MailSettings settings) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings));
    }

    static Properties properties(MailSettings settings) {
        String timeout = Long.toString(settings.timeout().toMillis());
        Properties properties = new Properties();
        properties.setProperty("mail.transport.protocol", "smtp");
        properties.setProperty("mail.smtp.host", settings.host());
        properties.setProperty("mail.smtp.port", Integer.toString(settings.port()));
        properties.setProperty("mail.smtp.connectiontimeout", timeout);
        properties.setProperty("mail.smtp.timeout", timeout);
        properties.setProperty("mail.smtp.writetimeout", timeout);
        properties.setProperty("mail.smtp.auth", Boolean.toString(settings.authenticates()));
        if (settings.startTls()) {
            // Required, not merely enabled: credentials and invoices never travel in the clear by surprise.
            properties.setProperty("mail.smtp.starttls.enable", "true");
            properties.setProperty("mail.smtp.starttls.required", "true");
            properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        }
        properties.setProperty("mail.smtp.from", settings.from());
        return properties;
    }

    void send(OutgoingMail mail, Instant now) throws MessagingException {
        send(mail, now, null);
    }

    /** The same with the invoice's calls from {@code calls} (a gzipped CSV file; null: none), streamed from the file. */
    void send(OutgoingMail mail, Instant now, java.nio.file.Path calls) throws MessagingException {
        MimeMessage message = compose(mail, now, calls);
        if (settings.authenticates()) {
            Transport.send(message, settings.user(), settings.password());
        } else {
            Transport.send(message);
        }
    }

    MimeMessage compose(OutgoingMail mail, Instant now) throws MessagingException {
        return compose(mail, now, null);
    }

    MimeMessage compose(OutgoingMail mail, Instant now, java.nio.file.Path calls) throws MessagingException {
        MimeMessage message = new OutboxMessage(session, messageId(mail));
        message.setFrom(new InternetAddress(settings.from(), true));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(now));
        if (mail.hasAttachment() || calls != null || mail.einvoiceFile() != null) {
            MimeMultipart parts = new MimeMultipart();
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.body(), StandardCharsets.UTF_8.name());
            parts.addBodyPart(text);
            if (mail.hasAttachment()) {
                MimeBodyPart document = new MimeBodyPart();
                document.setDataHandler(
                        new DataHandler(new ByteArrayDataSource(mail.attachment(), mail.attachmentType())));
                document.setFileName(mail.attachmentName());
                document.setDisposition(MimeBodyPart.ATTACHMENT);
                parts.addBodyPart(document);
            }
            if (mail.einvoiceFile() != null) {
                InvoiceAttachments.NamedFile einvoice = mail.einvoiceFile();
                MimeBodyPart xml = new MimeBodyPart();
                xml.setDataHandler(new DataHandler(new ByteArrayDataSource(einvoice.content(), einvoice.mediaType())));
                xml.setFileName(einvoice.name());
                xml.setDisposition(MimeBodyPart.ATTACHMENT);
                parts.addBodyPart(xml);
            }
            if (calls != null) {
                // Read from the file as the message is written to the server: never whole in memory.
                MimeBodyPart file = new MimeBodyPart();
                file.setDataHandler(new DataHandler(new CallsFile(calls, mail.callsAttachmentName())));
                file.setFileName(mail.callsAttachmentName());
                file.setDisposition(MimeBodyPart.ATTACHMENT);
                parts.addBodyPart(file);
            }
            message.setContent(parts);
        } else {
            message.setText(mail.body(), StandardCharsets.UTF_8.name());
        }
        message.saveChanges();
        return message;
    }

    /**
     * The same for every attempt at one outbox row, so that a receiving system that deduplicates by
     * Message-ID drops a copy should the SMTP server itself deliver one twice.
     */
    private String messageId(OutgoingMail mail) {
        String from = settings.from();
        String domain =
                from.contains("@") ? from.substring(from.lastIndexOf('@') + 1).replace(">", "") : "invoicing";
        return "<invoice-" + mail.invoiceId() + ".mail-" + mail.id() + "@" + domain + ">";
    }

    /**
     * Whether retrying cannot help: the server refused the recipient for good (5xx to RCPT TO), which
     * Jakarta Mail reports as an invalid address. Temporary refusals (4xx) are "valid unsent" and retried.
     */
    static boolean permanent(MessagingException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SendFailedException sendFailed
                    && sendFailed.getInvalidAddresses() != null
                    && sendFailed.getInvalidAddresses().length > 0) {
                return true;
            }
        }
        return false;
    }

    /** What went wrong, for the operator, on one line (Jakarta Mail's messages include their causes). */
    static String describe(Exception failure) {
        String text = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        return text.replaceAll("\\s+", " ").strip();
    }

    /** A gzipped CSV file on disk, read each time the message is written. */
    private record CallsFile(java.nio.file.Path path, String name) implements jakarta.activation.DataSource {

        @Override
        public java.io.InputStream getInputStream() throws java.io.IOException {
            return java.nio.file.Files.newInputStream(path);
        }

        @Override
        public java.io.OutputStream getOutputStream() {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public String getContentType() {
            return "application/gzip";
        }

        @Override
        public String getName() {
            return name;
        }
    }

    private static final class OutboxMessage extends MimeMessage {

        private final String messageId;

        OutboxMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
