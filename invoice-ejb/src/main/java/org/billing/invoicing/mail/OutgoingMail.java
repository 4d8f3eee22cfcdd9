package org.billing.invoicing.mail;

import java.time.Instant;
import java.util.UUID;

import org.billing.invoicing.invoice.EInvoiceAttachment;

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
        String callsAttachmentName,
        EInvoiceAttachment einvoiceAttachment,
        InvoiceAttachments.NamedFile einvoiceFile) {

    public OutgoingMail {
        einvoiceAttachment = einvoiceAttachment == null ? EInvoiceAttachment.NONE : einvoiceAttachment;
    }

    /** A message without an e-invoice (issue 12). */
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
            Instant queuedAt,
            String callsAttachmentName) {
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
                callsAttachmentName,
                EInvoiceAttachment.NONE,
                null);
    }

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
                null,
                einvoiceAttachment,
                einvoiceFile);
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
                callsAttachmentName,
                einvoiceAttachment,
                einvoiceFile);
    }

    /** The message with its e-invoice's XML beside the document (made as it leaves, never stored). */
    OutgoingMail with(InvoiceAttachments.NamedFile einvoice) {
        return new OutgoingMail(
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
                callsAttachmentName,
                einvoiceAttachment,
                einvoice);
    }
}
