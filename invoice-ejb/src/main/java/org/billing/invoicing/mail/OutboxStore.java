package org.billing.invoicing.mail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.billing.invoicing.common.Jdbc;
import org.billing.invoicing.invoice.EInvoiceAttachment;
import org.billing.invoicing.mail.InvoiceAttachments.Attachment;
import org.billing.invoicing.mail.MailTemplates.RenderedMail;

/**
 * The SQL of the outbox table {@code mail_outbox}, on the caller's connection and transaction. Claims
 * are what keep a message from being sent twice: a row is taken from QUEUED to SENDING by one sender
 * only ({@code FOR UPDATE SKIP LOCKED}), and its outcome is recorded only with the claim's token.
 */
final class OutboxStore {

    static final String ABANDONED = "The sender stopped while handing the message to the SMTP server; whether it"
            + " left is unknown, so it is not sent again by itself. Resend the invoice if it did not arrive.";
    private static final int MAX_ERROR_LENGTH = 2_000;

    /** Queues a message to one recipient, due at once. */
    long queue(
            Connection connection,
            long invoiceId,
            String cause,
            String requestedBy,
            String recipient,
            RenderedMail mail,
            Attachment attachment,
            Instant now)
            throws SQLException {
        return queue(
                connection,
                invoiceId,
                cause,
                requestedBy,
                recipient,
                mail,
                attachment,
                null,
                EInvoiceAttachment.NONE,
                now);
    }

    /**
     * The same with the invoice's calls attached under {@code callsAttachmentName} (null: none) and the
     * e-invoice the account chose (issue 12), both made when the message leaves.
     */
    long queue(
            Connection connection,
            long invoiceId,
            String cause,
            String requestedBy,
            String recipient,
            RenderedMail mail,
            Attachment attachment,
            String callsAttachmentName,
            EInvoiceAttachment einvoice,
            Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO mail_outbox (invoice_id, cause, requested_by, recipient, subject, body, attachment_name,
                    attachment_type, attachment, status, attempts, next_attempt_at, created_at, calls_attachment_name,
                    einvoice_attachment)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?, ?, ?)
                RETURNING id""")) {
            insert.setLong(1, invoiceId);
            insert.setString(2, cause);
            insert.setString(3, requestedBy);
            insert.setString(4, recipient);
            insert.setString(5, mail.subject());
            insert.setString(6, mail.body());
            // The name is kept before the document exists: the document is attached when the message leaves.
            insert.setString(7, mail.attachmentName());
            insert.setString(8, attachment == null ? null : attachment.mediaType());
            insert.setBytes(9, attachment == null ? null : attachment.content());
            Jdbc.setInstant(insert, 10, now);
            Jdbc.setInstant(insert, 11, now);
            insert.setString(12, callsAttachmentName);
            insert.setString(13, einvoice.name());
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /**
     * Claims up to {@code limit} due messages for {@code lease}: they become SENDING under a new token
     * and count one more attempt. Rows another sender is claiming at this moment are skipped, not waited for.
     */
    List<OutgoingMail> claimDue(Connection connection, Instant now, Instant leaseUntil, int limit) throws SQLException {
        UUID claim = UUID.randomUUID();
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE mail_outbox SET status = 'SENDING', claim_token = ?, lease_until = ?, attempts = attempts + 1
                WHERE id IN (SELECT id FROM mail_outbox WHERE status = 'QUEUED' AND next_attempt_at <= ?
                             ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING id, invoice_id, recipient, subject, body, attachment_name, attachment_type, attachment,
                          attempts, created_at, calls_attachment_name, einvoice_attachment""")) {
            update.setObject(1, claim);
            Jdbc.setInstant(update, 2, leaseUntil);
            Jdbc.setInstant(update, 3, now);
            update.setInt(4, limit);
            List<OutgoingMail> claimed = new ArrayList<>();
            try (ResultSet row = update.executeQuery()) {
                while (row.next()) {
                    claimed.add(new OutgoingMail(
                            row.getLong("id"),
                            row.getLong("invoice_id"),
                            row.getString("recipient"),
                            row.getString("subject"),
                            row.getString("body"),
                            row.getString("attachment_name"),
                            row.getString("attachment_type"),
                            row.getBytes("attachment"),
                            row.getInt("attempts"),
                            claim,
                            Jdbc.instant(row, "created_at"),
                            row.getString("calls_attachment_name"),
                            EInvoiceAttachment.valueOf(row.getString("einvoice_attachment")),
                            null));
                }
            }
            claimed.sort(java.util.Comparator.comparingLong(OutgoingMail::id));
            return claimed;
        }
    }

    /** Keeps the document a message leaves with, found when it was sent rather than when it was queued. */
    boolean attach(Connection connection, OutgoingMail mail) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE mail_outbox SET attachment = ?, attachment_type = ?
                WHERE id = ? AND claim_token = ? AND status = 'SENDING'""")) {
            update.setBytes(1, mail.attachment());
            update.setString(2, mail.attachmentType());
            update.setLong(3, mail.id());
            update.setObject(4, mail.claim());
            return update.executeUpdate() == 1;
        }
    }

    /** Not sent yet, and no attempt: QUEUED again until {@code retryAt} (its document is still being made). */
    boolean postpone(Connection connection, OutgoingMail mail, Instant retryAt) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE mail_outbox SET status = 'QUEUED', attempts = attempts - 1, next_attempt_at = ?,
                    lease_until = NULL
                WHERE id = ? AND claim_token = ? AND status = 'SENDING'""")) {
            Jdbc.setInstant(update, 1, retryAt);
            update.setLong(2, mail.id());
            update.setObject(3, mail.claim());
            return update.executeUpdate() == 1;
        }
    }

    /**
     * The SMTP server accepted the message. Also after its lease ran out and it was given up as
     * abandoned: it did leave, and the record says so. False when the claim is not (any longer) this one.
     */
    boolean markSent(Connection connection, OutgoingMail mail, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE mail_outbox SET status = 'SENT', sent_at = ?, last_error = NULL, lease_until = NULL
                WHERE id = ? AND claim_token = ? AND status IN ('SENDING', 'FAILED')""")) {
            Jdbc.setInstant(update, 1, now);
            update.setLong(2, mail.id());
            update.setObject(3, mail.claim());
            return update.executeUpdate() == 1;
        }
    }

    /** The attempt failed: back to QUEUED until {@code retryAt}, or FAILED for good when {@code retryAt} is null. */
    boolean markAttemptFailed(Connection connection, OutgoingMail mail, String error, Instant retryAt)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE mail_outbox SET status = ?, last_error = ?, next_attempt_at = COALESCE(?, next_attempt_at),
                    lease_until = NULL
                WHERE id = ? AND claim_token = ? AND status = 'SENDING'""")) {
            update.setString(1, retryAt == null ? MailStatus.FAILED.name() : MailStatus.QUEUED.name());
            update.setString(2, truncate(error));
            Jdbc.setInstant(update, 3, retryAt);
            update.setLong(4, mail.id());
            update.setObject(5, mail.claim());
            return update.executeUpdate() == 1;
        }
    }

    /**
     * Gives up the messages whose sender stopped while sending (their lease ran out): FAILED, never
     * sent again by itself. Each comes with its invoice, for the audit trail.
     */
    List<AbandonedRow> failAbandoned(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE mail_outbox SET status = 'FAILED', last_error = ?
                WHERE status = 'SENDING' AND lease_until < ?
                RETURNING invoice_id,""" + DELIVERY_COLUMNS)) {
            update.setString(1, ABANDONED);
            Jdbc.setInstant(update, 2, now);
            List<AbandonedRow> abandoned = new ArrayList<>();
            try (ResultSet row = update.executeQuery()) {
                while (row.next()) {
                    abandoned.add(new AbandonedRow(row.getLong("invoice_id"), delivery(row)));
                }
            }
            return abandoned;
        }
    }

    record AbandonedRow(long invoiceId, MailDelivery message) {}

    List<MailDelivery> deliveries(Connection connection, long invoiceId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT" + DELIVERY_COLUMNS + " FROM mail_outbox WHERE invoice_id = ? ORDER BY id")) {
            select.setLong(1, invoiceId);
            List<MailDelivery> deliveries = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    deliveries.add(delivery(row));
                }
            }
            return deliveries;
        }
    }

    /** The recipients of the invoice that have a message still on its way. */
    Set<String> recipientsOnTheirWay(Connection connection, long invoiceId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT recipient FROM mail_outbox" + " WHERE invoice_id = ? AND status IN ('QUEUED', 'SENDING')")) {
            select.setLong(1, invoiceId);
            Set<String> recipients = new HashSet<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    recipients.add(row.getString(1));
                }
            }
            return recipients;
        }
    }

    /**
     * Drops the attachment's bytes of the messages that are done with: sent before {@code cutoff}, or
     * given up (FAILED; a resend makes a new message with the document) and queued before it. The name
     * and type stay, so that the deliveries still say what was attached. Answers how many were dropped.
     */
    int forgetAttachments(Connection connection, Instant cutoff) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE mail_outbox SET attachment = NULL
                WHERE attachment IS NOT NULL
                  AND ((status = 'SENT' AND sent_at < ?) OR (status = 'FAILED' AND created_at < ?))""")) {
            Jdbc.setInstant(update, 1, cutoff);
            Jdbc.setInstant(update, 2, cutoff);
            return update.executeUpdate();
        }
    }

    // attachment_type is set exactly when a document was attached; its bytes may be gone since (retention).
    private static final String DELIVERY_COLUMNS = " id, recipient, cause, status, attempts, last_error, created_at,"
            + " next_attempt_at, sent_at, CASE WHEN attachment_type IS NULL THEN NULL ELSE attachment_name END AS attachment_name,"
            + " calls_attachment_name";

    private static MailDelivery delivery(ResultSet row) throws SQLException {
        MailStatus status = MailStatus.valueOf(row.getString("status"));
        return new MailDelivery(
                row.getLong("id"),
                row.getString("recipient"),
                row.getString("cause"),
                status,
                row.getInt("attempts"),
                row.getString("last_error"),
                Jdbc.instant(row, "created_at"),
                status == MailStatus.QUEUED ? Jdbc.instant(row, "next_attempt_at") : null,
                Jdbc.instant(row, "sent_at"),
                row.getString("attachment_name"),
                row.getString("calls_attachment_name"));
    }

    private static String truncate(String error) {
        String text = error == null || error.isBlank() ? "unknown error" : error.strip();
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }
}
