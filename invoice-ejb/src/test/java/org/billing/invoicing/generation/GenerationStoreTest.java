package org.billing.invoicing.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.billing.invoicing.testing.FixtureDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The runs' table on a real PostgreSQL. */
class GenerationStoreTest {

    private static final Instant NOW = Instant.parse("2026-04-03T12:00:00Z");

    @RegisterExtension
    static final FixtureDatabase database = new FixtureDatabase("/fixtures/march-2026.sql");

    @Test
    void theSchedulesEmptyRunsDoNotPileUpButEveryRunThatDidSomethingStays() throws Exception {
        try (Connection connection = database.connection()) {
            long operatorEmpty = completedRun(connection, "OPERATOR", 0, false);
            long scheduledWithWork = completedRun(connection, "SCHEDULE", 0, true);
            long scheduledDeferring = completedRun(connection, "SCHEDULE", 3, false);
            completedRun(connection, "SCHEDULE", 0, false);
            completedRun(connection, "SCHEDULE", 0, false);
            long latestEmpty = completedRun(connection, "SCHEDULE", 0, false);

            assertEquals(2, GenerationStore.forgetEmptyScheduledRuns(connection, latestEmpty));

            assertEquals(
                    List.of(operatorEmpty, scheduledWithWork, scheduledDeferring, latestEmpty), runIds(connection));
        }
    }

    /** A run that ended; with work, one item of account 10's March that was created. */
    private static long completedRun(Connection connection, String trigger, int deferred, boolean withWork)
            throws Exception {
        long id = GenerationStore.insertRun(connection, trigger, "test", 1, deferred, NOW);
        try (Statement statement = connection.createStatement()) {
            if (withWork) {
                statement.execute("INSERT INTO generation_item (run_id, account_id, direction, first_day, last_day,"
                        + " partial, bucket, status, ended_at) VALUES (" + id + ", 10, 'CUSTOMER', '2026-03-01',"
                        + " '2026-03-31', false, 0, 'CREATED', now())");
            }
            statement.execute("UPDATE generation_run SET status = 'COMPLETED', ended_at = now() WHERE id = " + id);
        }
        return id;
    }

    private static List<Long> runIds(Connection connection) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT id FROM generation_run ORDER BY id")) {
            while (row.next()) {
                ids.add(row.getLong(1));
            }
        }
        return ids;
    }
}
