package org.billing.invoicing.mail;

import java.time.Instant;
import java.util.UUID;

/**
 * A message a sender has claimed and is about to hand to the SMTP server; {@code claim} proves the
 * claim when the outcome is recorded. {@code attempts} counts this one.
 */
public record OutgoingMail(
        long id,
        long invoiceId,
        String recipient,
        String subject,
        String body,
        String attachmentName,
        String attachmentType,
        byte[] attachment,
        int attempts,
        UUID claim,
        Instant queuedAt,
        String callsAttachmentName) {

    /** A message without the invoice's calls attached. */
    public OutgoingMail(
            long id,
            long invoiceId,
            String recipient,
            String subject,
            String body,
            String attachmentName,
            String attachmentType,
            byte[] attachment,
            int attempts,
            UUID claim,
            Instant queuedAt) {
        this(
                id,
                invoiceId,
                recipient,
                subject,
                body,
                attachmentName,
                attachmentType,
                attachment,
                attempts,
                claim,
                queuedAt,
                null);
    }

    /** The message with a line added to its body (the calls file too large to go with it). */
    OutgoingMail withBodyNote(String note) {
        return new OutgoingMail(
                id,
                invoiceId,
                recipient,
                subject,
                body + "\n\n" + note,
                attachmentName,
                attachmentType,
                attachment,
                attempts,
                claim,
                queuedAt,
                null);
    }

    /** Whether the invoice's calls go with it ({@code calls-<number>.csv.gz}), made from the calls as it leaves. */
    public boolean attachesCalls() {
        return callsAttachmentName != null;
    }

    public boolean hasAttachment() {
        return attachment != null;
    }

    OutgoingMail with(InvoiceAttachments.Attachment document) {
        return new OutgoingMail(
                id,
                invoiceId,
                recipient,
                subject,
                body,
                attachmentName,
                document.mediaType(),
                document.content(),
                attempts,
                claim,
                queuedAt,
                callsAttachmentName);
    }
}
