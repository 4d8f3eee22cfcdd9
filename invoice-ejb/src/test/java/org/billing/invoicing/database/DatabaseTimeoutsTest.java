package org.billing.invoicing.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.billing.invoicing.testing.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The timeouts every connection of the module gets, on a real PostgreSQL. */
class DatabaseTimeoutsTest {

    @Test
    void defaultsEndAStuckStatementAndALockWaitButLetAggregationsRunLong() {
        DatabaseTimeouts defaults = DatabaseTimeouts.of(key -> Optional.empty());

        assertEquals(Duration.ofMinutes(2), defaults.statement());
        assertEquals(Duration.ofSeconds(15), defaults.lock());
        assertEquals(Duration.ofHours(1), defaults.aggregation());
        assertEquals(Duration.ofMinutes(65), defaults.socket(), "above the longest statement");
    }

    @Test
    void settingsAreDurationsAndABadOneIsNamed() {
        Map<String, String> settings = Map.of(
                "invoicing.db.statement-timeout",
                "30s",
                "invoicing.db.lock-timeout",
                "500ms",
                "invoicing.db.aggregation-timeout",
                "PT2H");
        DatabaseTimeouts timeouts = DatabaseTimeouts.of(key -> Optional.ofNullable(settings.get(key)));

        assertEquals(
                new DatabaseTimeouts(
                        Duration.ofSeconds(30),
                        Duration.ofMillis(500),
                        Duration.ofHours(2),
                        Duration.ofHours(2).plusMinutes(5)),
                timeouts);
        IllegalArgumentException bad = assertThrows(
                IllegalArgumentException.class,
                () -> DatabaseTimeouts.of(
                        key -> key.equals("invoicing.db.lock-timeout") ? Optional.of("soon") : Optional.empty()));
        assertTrue(bad.getMessage().contains("invoicing.db.lock-timeout"), bad.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> DatabaseTimeouts.of(
                        key -> key.equals("invoicing.db.statement-timeout") ? Optional.of("0") : Optional.empty()));
    }

    @Test
    void aConnectionGivesUpOnALockAnotherSessionHoldsAndOnAStuckStatement() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.startEmpty()) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(database.jdbcUrl() + "?options=-c%20work_mem=7MB");
            dataSource.setUser("postgres");
            dataSource.setPassword("postgres");
            new DatabaseTimeouts(
                            Duration.ofSeconds(1),
                            Duration.ofMillis(300),
                            Duration.ofSeconds(5),
                            Duration.ofSeconds(30))
                    .applyTo(dataSource);
            try (Connection setup = database.connection();
                    Statement statement = setup.createStatement()) {
                statement.execute("CREATE TABLE counter (id int PRIMARY KEY, n int)");
                statement.execute("INSERT INTO counter VALUES (1, 0)");
            }

            try (Connection other = database.connection();
                    Connection module = dataSource.getConnection()) {
                assertEquals("1s", show(module, "statement_timeout"));
                assertEquals("300ms", show(module, "lock_timeout"));
                assertEquals("7MB", show(module, "work_mem"), "the URL's own options are kept");
                other.setAutoCommit(false);
                try (Statement lock = other.createStatement()) {
                    lock.execute("SELECT n FROM counter WHERE id = 1 FOR UPDATE");
                }

                long started = System.nanoTime();
                SQLException locked = assertThrows(
                        SQLException.class, () -> execute(module, "UPDATE counter SET n = n + 1 WHERE id = 1"));
                assertEquals("55P03", locked.getSQLState(), locked.getMessage());
                assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(5)) < 0);
                other.rollback();

                SQLException stuck = assertThrows(SQLException.class, () -> execute(module, "SELECT pg_sleep(3)"));
                assertEquals("57014", stuck.getSQLState(), stuck.getMessage());

                // An aggregation lifts the statement timeout for its own transaction only.
                module.setAutoCommit(false);
                execute(
                        module,
                        "SELECT "
                                + DatabaseTimeouts.of(key -> key.equals("invoicing.db.aggregation-timeout")
                                                ? Optional.of("5s")
                                                : Optional.empty())
                                        .aggregationSetting());
                execute(module, "SELECT pg_sleep(1.5)");
                module.commit();
                module.setAutoCommit(true);
                assertEquals("1s", show(module, "statement_timeout"));
            }
        }
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SHOW " + setting)) {
            row.next();
            return row.getString(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
