package org.billing.invoicing.mail;

import java.time.Instant;
import java.util.UUID;

/**
 * A message a sender has claimed and is about to hand to the SMTP server; {@code claim} proves the
 * claim when the outcome is recorded. {@code attempts} counts this one.
 */
public record OutgoingMail(long id, long invoiceId, String recipient, String subject, String body,
                           String attachmentName, String attachmentType, byte[] attachment, int attempts, UUID claim,
                           Instant queuedAt) {

    public boolean hasAttachment() {
        return attachment != null;
    }

    OutgoingMail with(InvoiceAttachments.Attachment document) {
        return new OutgoingMail(id, invoiceId, recipient, subject, body, attachmentName, document.mediaType(),
                document.content(), attempts, claim, queuedAt);
    }
}
