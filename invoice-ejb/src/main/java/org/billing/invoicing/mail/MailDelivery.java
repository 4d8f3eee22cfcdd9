package org.billing.invoicing.mail;

import java.time.Instant;

/**
 * One message of an invoice to one recipient, as the outbox holds it (without its text).
 *
 * @param cause ISSUED (queued by the approval or closing) or RESEND
 */
public record MailDelivery(
        long id,
        String recipient,
        String cause,
        MailStatus status,
        int attempts,
        String lastError,
        Instant queuedAt,
        Instant nextAttemptAt,
        Instant sentAt,
        String attachmentName,
        String callsAttachmentName) {

    /** A message without the invoice's calls. */
    public MailDelivery(
            long id,
            String recipient,
            String cause,
            MailStatus status,
            int attempts,
            String lastError,
            Instant queuedAt,
            Instant nextAttemptAt,
            Instant sentAt,
            String attachmentName) {
        this(id, recipient, cause, status, attempts, lastError, queuedAt, nextAttemptAt, sentAt, attachmentName, null);
    }
}
