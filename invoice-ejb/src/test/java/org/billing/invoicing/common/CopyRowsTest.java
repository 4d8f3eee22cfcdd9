package org.billing.invoicing.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;

import org.billing.invoicing.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The detail rows of automatic invoicing travel by COPY: every value must arrive as it was sent. */
class CopyRowsTest {

    private static PostgresDatabase database;

    @BeforeAll
    static void startDatabase() {
        database = PostgresDatabase.startMigrated();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        database.close();
    }

    @Test
    void textNumbersInstantsAndNullsArriveExactly() throws Exception {
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE copied (id bigint, name text, amount numeric, at timestamptz)");
            // A name with the format's own separators and escape, an amount whose toString() is 1E+3, a
            // scale to keep, and nulls.
            CopyRows rows = new CopyRows("copied (id, name, amount, at)")
                    .add(1L)
                    .add("Tab\there\\back\nline\r")
                    .add(new BigDecimal("1E+3"))
                    .add(Instant.parse("2026-03-01T12:34:56.789Z"))
                    .endRow()
                    .add(2L)
                    .add("\\N")
                    .add(new BigDecimal("0.0450000"))
                    .add((Instant) null)
                    .endRow()
                    .add(3L)
                    .add((String) null)
                    .add((BigDecimal) null)
                    .add(Instant.parse("1999-12-31T23:00:00Z"))
                    .endRow();
            assertEquals(3, rows.rows());
            // The session's zone must not shift an instant.
            statement.execute("SET TIME ZONE 'America/Los_Angeles'");

            assertEquals(3, rows.send(connection));

            try (ResultSet row = statement.executeQuery("SELECT id, name, amount, at FROM copied ORDER BY id")) {
                assertTrue(row.next());
                assertEquals("Tab\there\\back\nline\r", row.getString("name"));
                assertEquals(new BigDecimal("1000"), row.getBigDecimal("amount"));
                assertEquals(Instant.parse("2026-03-01T12:34:56.789Z"), Jdbc.instant(row, "at"));
                assertTrue(row.next());
                assertEquals("\\N", row.getString("name"), "the text \\N is not a null");
                assertEquals("0.0450000", row.getBigDecimal("amount").toPlainString());
                assertNull(row.getObject("at"));
                assertTrue(row.next());
                assertNull(row.getString("name"));
                assertNull(row.getBigDecimal("amount"));
                assertEquals(Instant.parse("1999-12-31T23:00:00Z"), Jdbc.instant(row, "at"));
                assertFalse(row.next());
            }
        }
    }

    @Test
    void noRowsSendsNothing() throws Exception {
        try (Connection connection = database.connection()) {
            assertEquals(0, new CopyRows("no_such_table (id)").send(connection));
        }
    }
}
