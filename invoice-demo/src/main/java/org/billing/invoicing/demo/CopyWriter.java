package org.billing.invoicing.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

import org.billing.invoicing.common.CopyRows;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Streams rows into one table with {@code COPY ... FROM STDIN} in PostgreSQL's text format: fields
 * separated by tabs, {@code \N} for null, instants in UTC. Nothing is held beyond a 64 KiB buffer.
 */
final class CopyWriter implements AutoCloseable {

    private static final int BUFFER = 1 << 16;
    private static final long SECONDS_PER_DAY = 86_400;

    private final PGCopyOutputStream stream;
    private final Writer out;
    private boolean firstField = true;
    private long rows;
    private long cachedDay = Long.MIN_VALUE;
    private String cachedDayText;

    private CopyWriter(PGCopyOutputStream stream) {
        this.stream = stream;
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), BUFFER);
    }

    static CopyWriter open(PGConnection connection, String table, String columns) throws SQLException {
        return new CopyWriter(new PGCopyOutputStream(
                connection, "COPY " + table + " (" + columns + ") FROM STDIN (FORMAT text)", BUFFER));
    }

    CopyWriter value(long value) {
        return raw(Long.toString(value));
    }

    CopyWriter value(boolean value) {
        return raw(value ? "t" : "f");
    }

    CopyWriter value(BigDecimal value) {
        return value == null ? nullValue() : raw(value.toPlainString());
    }

    CopyWriter value(Integer value) {
        return value == null ? nullValue() : value((long) value);
    }

    CopyWriter value(Long value) {
        return value == null ? nullValue() : value((long) value);
    }

    /** Text, escaped as COPY's text format wants. */
    CopyWriter value(String value) {
        return value == null ? nullValue() : raw(escape(value));
    }

    CopyWriter value(Instant value) {
        return value == null ? nullValue() : timestamp(value.getEpochSecond());
    }

    /** A whole-second instant, formatted by hand: CDR loads write millions of them. */
    CopyWriter timestamp(long epochSecond) {
        long day = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(epochSecond, SECONDS_PER_DAY);
        if (day != cachedDay) {
            cachedDay = day;
            cachedDayText = LocalDate.ofEpochDay(day).toString();
        }
        separate();
        write(cachedDayText);
        write(' ');
        twoDigits(secondOfDay / 3_600);
        write(':');
        twoDigits(secondOfDay / 60 % 60);
        write(':');
        twoDigits(secondOfDay % 60);
        write("+00");
        return this;
    }

    CopyWriter nullValue() {
        return raw("\\N");
    }

    /** A field that needs no escaping: numbers, prefixes, precomputed text. */
    CopyWriter raw(String text) {
        separate();
        write(text);
        return this;
    }

    void endRow() {
        write('\n');
        firstField = true;
        rows++;
    }

    long rows() {
        return rows;
    }

    /** Ends the COPY; the rows become part of the connection's transaction. */
    @Override
    public void close() throws SQLException {
        try {
            out.close();
        } catch (IOException e) {
            SQLException failure = e.getCause() instanceof SQLException sql
                    ? sql
                    : new SQLException("COPY failed: " + e.getMessage(), e);
            if (stream.isActive()) {
                try {
                    stream.cancelCopy();
                } catch (SQLException cancel) {
                    failure.addSuppressed(cancel);
                }
            }
            throw failure;
        }
    }

    private void separate() {
        if (!firstField) {
            write('\t');
        }
        firstField = false;
    }

    private void twoDigits(int value) {
        write((char) ('0' + value / 10));
        write((char) ('0' + value % 10));
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(char c) {
        try {
            out.write(c);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        CopyRows.escape(value, escaped);
        return escaped.toString();
    }
}
