package org.billing.invoicing.common;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

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

    /** A value in the text format: its backslashes, tabs and line ends escaped. */
    public static void escape(String value, StringBuilder into) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> into.append("\\\\");
                case '\t' -> into.append("\\t");
                case '\n' -> into.append("\\n");
                case '\r' -> into.append("\\r");
                default -> into.append(c);
            }
        }
    }

    public CopyRows add(Object value) {
        return add(value == null ? null : value.toString());
    }

    /** As written, never in exponent notation, its scale kept. */
    public CopyRows add(BigDecimal value) {
        return add(value == null ? null : value.toPlainString());
    }

    /** An instant as the ISO-8601 text a {@code timestamptz} column reads whatever the session's zone. */
    public CopyRows add(Instant value) {
        return add(value == null ? null : value.toString());
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
