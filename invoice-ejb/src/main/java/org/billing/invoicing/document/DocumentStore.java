package org.billing.invoicing.document;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.billing.invoicing.common.Jdbc;
import org.billing.invoicing.database.Settings;

/**
 * The {@code invoice_document} rows, in plain JDBC on a connection the caller gives (in autocommit:
 * each statement is its own short transaction, none is held while a document is rendered).
 */
final class DocumentStore {

    /** How long a renderer holds a claim: past it, another may try (it crashed or hung). */
    static final Duration LEASE = Duration.ofMinutes(5);

    private static final Duration FIRST_RETRY = Duration.ofSeconds(20);
    private static final Duration LAST_RETRY = Duration.ofMinutes(30);
    /** With the delays above: about 2 hours of retries. */
    static final int DEFAULT_MAX_ATTEMPTS = 10;

    private DocumentStore() {}

    /** Asks for the document of an issued invoice; nothing happens when it was asked for already. */
    static void request(Connection connection, long invoiceId, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO invoice_document"
                + " (invoice_id, status, requested_at, next_attempt_at) VALUES (?, 'PENDING', ?, ?)"
                + " ON CONFLICT (invoice_id) DO NOTHING")) {
            insert.setLong(1, invoiceId);
            Jdbc.setInstant(insert, 2, now);
            Jdbc.setInstant(insert, 3, now);
            insert.executeUpdate();
        }
    }

    /**
     * Takes the right to render the document now: true when it is not READY and no other renderer
     * holds an unexpired claim and its retries have not run out ({@code force}: an operator asks, the lease
     * and the end of the retries are ignored).
     */
    static boolean claim(Connection connection, long invoiceId, Instant now, boolean force) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE invoice_document SET next_attempt_at = ?"
                + " WHERE invoice_id = ? AND status <> 'READY' AND (? OR next_attempt_at <= ?)")) {
            Jdbc.setInstant(update, 1, now.plus(LEASE));
            update.setLong(2, invoiceId);
            update.setBoolean(3, force);
            Jdbc.setInstant(update, 4, now);
            return update.executeUpdate() == 1;
        }
    }

    static void ready(
            Connection connection,
            long invoiceId,
            String fileName,
            TemplateSource template,
            byte[] odt,
            byte[] pdf,
            Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE invoice_document SET status = 'READY',"
                + " file_name = ?, template_id = ?, template_sha1 = ?, odt = ?, odt_sha256 = ?, pdf = ?, pdf_sha256 = ?,"
                + " attempts = attempts + 1, failure = NULL, next_attempt_at = NULL, rendered_at = ?"
                + " WHERE invoice_id = ? AND status <> 'READY'")) {
            update.setString(1, fileName);
            update.setLong(2, template.id());
            update.setString(3, template.sha1());
            update.setBytes(4, odt);
            update.setString(5, Hashes.sha256(odt));
            update.setBytes(6, pdf);
            update.setString(7, Hashes.sha256(pdf));
            Jdbc.setInstant(update, 8, now);
            update.setLong(9, invoiceId);
            update.executeUpdate();
        }
    }

    /**
     * Records why an attempt failed (with the ODT when only the PDF step failed) and when to retry: after
     * a doubling delay, until the document has failed {@link #maxAttempts()} times. Then it is retried no
     * more (no next attempt), and its failure says so; an operator's "make the document" still tries.
     */
    static void failed(
            Connection connection,
            long invoiceId,
            String fileName,
            TemplateSource template,
            byte[] odt,
            String reason,
            Instant now)
            throws SQLException {
        int maxAttempts = maxAttempts();
        String shortReason = reason.length() > 2_000 ? reason.substring(0, 2_000) : reason;
        try (PreparedStatement update = connection.prepareStatement("UPDATE invoice_document SET status = 'FAILED',"
                + " file_name = COALESCE(?, file_name), template_id = COALESCE(?, template_id),"
                + " template_sha1 = COALESCE(?, template_sha1), odt = ?, odt_sha256 = ?, pdf = NULL, pdf_sha256 = NULL,"
                + " attempts = attempts + 1,"
                + " failure = CASE WHEN attempts + 1 >= ? THEN ? || '. Gave up after ' || (attempts + 1)"
                + "     || ' attempts: make the document again to retry.' ELSE ? END,"
                + " next_attempt_at = CASE WHEN attempts + 1 >= ? THEN NULL"
                + "     ELSE ? + LEAST(interval '1 second' * ? * power(2, LEAST(attempts, 10)), interval '1 second' * ?) END"
                + " WHERE invoice_id = ? AND status <> 'READY'")) {
            update.setString(1, fileName);
            Jdbc.setLong(update, 2, template == null ? null : template.id());
            update.setString(3, template == null ? null : template.sha1());
            update.setBytes(4, odt);
            update.setString(5, odt == null ? null : Hashes.sha256(odt));
            update.setInt(6, maxAttempts);
            update.setString(7, shortReason);
            update.setString(8, shortReason);
            update.setInt(9, maxAttempts);
            Jdbc.setInstant(update, 10, now);
            update.setLong(11, FIRST_RETRY.toSeconds());
            update.setLong(12, LAST_RETRY.toSeconds());
            update.setLong(13, invoiceId);
            update.executeUpdate();
        }
    }

    /** {@code invoicing.document.max-attempts}: how often a failing document is tried before retries stop. */
    static int maxAttempts() {
        String configured = Settings.value("invoicing.document.max-attempts").orElse(null);
        if (configured == null) {
            return DEFAULT_MAX_ATTEMPTS;
        }
        try {
            int value = Integer.parseInt(configured);
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException(
                "invoicing.document.max-attempts is '" + configured + "': it must be a whole number of at least 1");
    }

    static Optional<InvoiceDocument> find(Connection connection, long invoiceId, boolean withContent)
            throws SQLException {
        String content = withContent ? "odt, pdf" : "NULL AS odt, NULL AS pdf";
        try (PreparedStatement select = connection.prepareStatement("SELECT invoice_id, status, file_name, template_id,"
                + " template_sha1, odt_sha256, pdf_sha256, attempts, failure, rendered_at, " + content
                + " FROM invoice_document WHERE invoice_id = ?")) {
            select.setLong(1, invoiceId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new InvoiceDocument(
                        row.getLong("invoice_id"),
                        InvoiceDocument.Status.valueOf(row.getString("status")),
                        row.getString("file_name"),
                        Jdbc.nullableLong(row, "template_id"),
                        row.getString("template_sha1"),
                        row.getBytes("odt"),
                        row.getString("odt_sha256"),
                        row.getBytes("pdf"),
                        row.getString("pdf_sha256"),
                        row.getInt("attempts"),
                        row.getString("failure"),
                        Jdbc.instant(row, "rendered_at")));
            }
        }
    }

    /**
     * The invoices whose document is due: asked for and not made (a failure, or a renderer that
     * stopped), and invoices issued in the last day that have a template but were never asked for
     * (the server stopped between the approval's commit and the request).
     */
    static List<Long> due(Connection connection, Instant now, int limit) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                (SELECT invoice_id FROM invoice_document WHERE status <> 'READY' AND next_attempt_at <= ?
                 ORDER BY next_attempt_at LIMIT ?)
                UNION
                (SELECT i.id FROM invoice i WHERE i.state <> 'PENDING' AND i.issued_at >= ?
                   AND NOT EXISTS (SELECT 1 FROM invoice_document d WHERE d.invoice_id = i.id)
                   AND (EXISTS (SELECT 1 FROM account_invoice_template t
                                WHERE t.account_id = i.account_id AND t.direction = i.direction)
                        OR EXISTS (SELECT 1 FROM invoice_template_default WHERE template_id IS NOT NULL))
                 LIMIT ?)
                """)) {
            Jdbc.setInstant(select, 1, now);
            select.setInt(2, limit);
            Jdbc.setInstant(select, 3, now.minus(Duration.ofDays(1)));
            select.setInt(4, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    /** The template an invoice's account uses for its direction, else the global default. */
    static Optional<Long> templateFor(Connection connection, long accountId, String direction) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT COALESCE("
                + "(SELECT template_id FROM account_invoice_template WHERE account_id = ? AND direction = ?),"
                + "(SELECT template_id FROM invoice_template_default WHERE id = 1))")) {
            select.setLong(1, accountId);
            select.setString(2, direction);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                long id = row.getLong(1);
                return row.wasNull() ? Optional.empty() : Optional.of(id);
            }
        }
    }
}
