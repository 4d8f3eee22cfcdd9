package org.billing.invoicing.common;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.postgresql.PGConnection;

/**
 * Rows sent to a table with {@code COPY ... FROM STDIN} in PostgreSQL's text format: many rows in one
 * statement the server neither parses nor plans per row, several times cheaper than batched INSERTs
 * for the hundreds of thousands of detail rows an automatic run writes. Constraints and triggers apply
 * as to an INSERT. Build the rows with the {@code add} methods, ending each with {@link #endRow()}.
 */
public final class CopyRows {

    private final String copy;
    private final StringBuilder text = new StringBuilder();
    private boolean rowStarted;
    private int rows;

    /** @param table the table, with its column list, e.g. {@code inv_orig_dst (invoice_id, line_no)} */
    public CopyRows(String table) {
        this.copy = "COPY " + table + " FROM STDIN";
    }

    public CopyRows add(String value) {
        separate();
        if (value == null) {
            text.append("\\N");
        } else {
            escape(value, text);
        }
        return this;
    }

    /** A value in the text format: its backslashes, tabs and line ends escaped; the rest appended as it is. */
    public static void escape(String value, StringBuilder into) {
        int plain = 0;
        for (int i = 0; i < value.length(); i++) {
            String escaped = switch (value.charAt(i)) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (escaped != null) {
                into.append(value, plain, i).append(escaped);
                plain = i + 1;
            }
        }
        into.append(value, plain, value.length());
    }

    /** A whole number: digits and a sign, nothing to escape (and no boxing on the way). */
    public CopyRows add(long value) {
        separate();
        text.append(value);
        return this;
    }

    public CopyRows add(Long value) {
        return value == null ? add((String) null) : add(value.longValue());
    }

    /** As written, never in exponent notation, its scale kept. */
    public CopyRows add(BigDecimal value) {
        return value == null ? add((String) null) : plain(value.toPlainString());
    }

    /** An instant as the ISO-8601 text a {@code timestamptz} column reads whatever the session's zone. */
    public CopyRows add(Instant value) {
        if (value == null) {
            return add((String) null);
        }
        separate();
        DateTimeFormatter.ISO_INSTANT.formatTo(value, text);
        return this;
    }

    /** Text that has nothing to escape (digits, signs, points). */
    private CopyRows plain(String value) {
        separate();
        text.append(value);
        return this;
    }

    public CopyRows endRow() {
        text.append('\n');
        rowStarted = false;
        rows++;
        return this;
    }

    public int rows() {
        return rows;
    }

    /** Sends the rows (none: nothing is sent); returns how many the server stored. */
    public long send(Connection connection) throws SQLException {
        if (rows == 0) {
            return 0;
        }
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, new StringReader(text.toString()));
        } catch (IOException e) {
            throw new SQLException("Could not send the rows of " + copy, e);
        }
    }

    private void separate() {
        if (rowStarted) {
            text.append('\t');
        }
        rowStarted = true;
    }
}
