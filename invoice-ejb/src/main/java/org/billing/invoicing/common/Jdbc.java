package org.billing.invoicing.common;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;

/** The JDBC conversions used throughout: instants travel as UTC {@code timestamptz}, nulls stay null. */
public final class Jdbc {

    private Jdbc() {}

    /**
     * A {@code timestamptz} column (every time column of the schema is one). By {@code getTimestamp}, which on a
     * {@code timestamptz} gives the same instant as {@code getObject(column, OffsetDateTime.class)}: Payara's
     * wrapper of the driver's ResultSet looks that JDBC 4.1 method up by reflection on every call, which an
     * automatic run, reading hundreds of thousands of times, paid for in samples of {@code Class.getDeclaredMethod}.
     */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    public static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    public static Integer nullableInteger(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    public static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, value.atOffset(ZoneOffset.UTC));
        }
    }

    public static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    public static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }
}
