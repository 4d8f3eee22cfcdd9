package org.billing.invoicing.invoice;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import org.billing.invoicing.database.DatabaseTimeouts;
import org.postgresql.PGConnection;

/**
 * The call detail export of an invoice (issue 13): every CDR its figures count, one CSV line each, streamed
 * from the database with {@code COPY (SELECT ...) TO STDOUT}: the rows go from the server's socket to the
 * caller's as they come, so memory stays the same whatever the number of calls, and no CDR becomes a Java
 * object (STYLE 7).
 *
 * <p>The rows are exactly those {@link InvoiceCalculator} sums for the invoice: the same account column of
 * the invoice's side, the same half-open period {@code [start_at, end_at)} stored on the invoice, the last
 * routing attempts only on the originated side. So the file has {@code callsCount} rows, its durations sum
 * to {@code callsDuration} and {@code billingDuration}, and its amounts (the CDR's price of that side) to
 * spent + earned of the side ({@code origSpent + origEarned}, or {@code termSpent + termEarned}); a credit
 * note's file has the credited calls with their amounts negated, as its figures are. The calls are read as
 * they are now: a CDR the platform changed after the invoice was made shows its new values.
 *
 * <p>COPY takes no bind parameters, so the statement is written with literals made only of values checked
 * here: the account id is a long, the bounds are ISO-8601 instants, the zone an IANA name of letters,
 * digits and {@code /_+-} or a fixed offset in seconds.
 */
public record CallExport(
        long invoiceId,
        String number,
        Direction direction,
        long accountId,
        Instant start,
        Instant end,
        ZoneId zone,
        boolean creditNote) {

    /** The columns of the file, in order: its header line. */
    public static final List<String> COLUMNS = List.of(
            "cdr_id",
            "time_start",
            "time_zone",
            "prefix",
            "country",
            "network",
            "duration",
            "billed_duration",
            "rate",
            "amount",
            "success",
            "reverse_billing");

    public static final String CSV_MEDIA_TYPE = "text/csv; charset=UTF-8";
    public static final String GZIP_MEDIA_TYPE = "application/gzip";

    private static final Pattern REGION = Pattern.compile("[A-Za-z][A-Za-z0-9/_+-]{0,63}");
    private static final Pattern ZONE_LABEL = Pattern.compile("[A-Za-z0-9/_+:-]{1,64}");
    private static final Pattern SAFE_FILE_NAME = Pattern.compile("[^A-Za-z0-9._-]");
    private static final int BUFFER = 64 * 1024;

    public CallExport {
        if (start == null || end == null || zone == null || direction == null) {
            throw new IllegalArgumentException("An export needs the invoice's direction, period and zone");
        }
    }

    /** The export of a stored invoice (a credit note's: the calls of the invoice it credits, the same period). */
    static CallExport of(Invoice invoice) {
        return new CallExport(
                invoice.getId(),
                invoice.getNumber(),
                invoice.getDirection(),
                invoice.getAccountId(),
                invoice.period().start(),
                invoice.period().end(),
                invoice.zone(),
                invoice.getKind() == InvoiceKind.CREDIT_NOTE);
    }

    /** {@code <number>-calls.csv}, or {@code invoice-<id>-calls.csv} before it has a number; {@code .gz} added when zipped. */
    public String fileName(boolean gzip) {
        String name = number == null || number.isBlank()
                ? "invoice-" + invoiceId
                : SAFE_FILE_NAME.matcher(number).replaceAll("_");
        return name + "-calls.csv" + (gzip ? ".gz" : "");
    }

    public String mediaType(boolean gzip) {
        return gzip ? GZIP_MEDIA_TYPE : CSV_MEDIA_TYPE;
    }

    /** The {@code COPY} statement that writes the file. */
    public String copyStatement() {
        CallSide side = CallSide.of(direction);
        String zoneText = literal(zone.getId());
        String sign = creditNote ? "-" : "";
        return "COPY (SELECT c.id AS cdr_id,"
                + " to_char(c.time_start AT TIME ZONE " + zoneExpression() + ", 'YYYY-MM-DD HH24:MI:SS') AS time_start,"
                + " " + zoneText + " AS time_zone,"
                + " c." + side.prefixColumn() + " AS prefix,"
                + " co.name AS country, n.name AS network,"
                + " c.duration AS duration,"
                + " c." + side.billedDurationColumn() + " AS billed_duration,"
                + " c." + side.rateColumn() + " AS rate,"
                + " " + sign + "c." + side.priceColumn() + " AS amount,"
                + " c.success::text AS success,"
                + " c." + side.reverseBillingColumn() + "::text AS reverse_billing"
                + " FROM cdr c"
                + " LEFT JOIN country co ON co.id = c.dst_country_id"
                + " LEFT JOIN network n ON n.id = c.dst_network_id"
                + " WHERE c." + side.accountColumn() + " = " + accountId
                + " AND c.time_start >= " + instantLiteral(start) + " AND c.time_start < " + instantLiteral(end)
                + (side.lastAttemptsOnly() ? " AND c.is_last_cdr" : "")
                + " ORDER BY c.time_start, c.id"
                + ") TO STDOUT WITH (FORMAT csv, HEADER)";
    }

    /**
     * Writes the file to {@code out} (zipped when {@code gzip}) and returns the number of calls. Call it in a
     * transaction: it lets its statement run as long as a period's aggregation may
     * ({@link DatabaseTimeouts#aggregation()}), since a slow reader slows the COPY down with it. {@code out}
     * is not closed; a zipped stream is finished.
     */
    public long write(Connection connection, OutputStream out, boolean gzip) throws SQLException, IOException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT " + DatabaseTimeouts.configured().aggregationSetting());
        }
        OutputStream target = gzip ? new GZIPOutputStream(nonClosing(out), BUFFER) : nonClosing(out);
        OutputStream buffered = new BufferedOutputStream(target, BUFFER);
        long rows = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(copyStatement(), buffered);
        // Only a complete file is finished: after a failure the caller gets no gzip trailer that would pass a
        // cut file off as whole.
        buffered.close();
        return rows;
    }

    private String zoneExpression() {
        ZoneId normalized = zone.normalized();
        if (normalized instanceof ZoneOffset offset) {
            // An interval reads its sign as ISO-8601 does; a POSIX zone text such as 'UTC+01:00' reads it reversed.
            return "INTERVAL '" + offset.getTotalSeconds() + " seconds'";
        }
        if (!REGION.matcher(zone.getId()).matches()) {
            throw new IllegalArgumentException("Time zone " + zone.getId() + " is neither an IANA name nor an offset");
        }
        return literal(zone.getId());
    }

    /** The zone's name as the file's time_zone column shows it: an IANA name, or an offset such as +01:00. */
    private static String literal(String zoneId) {
        if (!ZONE_LABEL.matcher(zoneId).matches()) {
            throw new IllegalArgumentException("Time zone " + zoneId + " is neither an IANA name nor an offset");
        }
        return "'" + zoneId + "'";
    }

    private static String instantLiteral(Instant instant) {
        // Instant.toString is ISO-8601 in UTC: digits, '-', ':', '.', 'T' and 'Z' only.
        return "'" + instant + "'::timestamptz";
    }

    /** The caller's stream stays open: the container closes it. */
    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
