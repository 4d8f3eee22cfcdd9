package org.billing.invoicing.it;

import static org.billing.invoicing.it.GenerationWork.assertNothingHalfWritten;
import static org.billing.invoicing.it.GenerationWork.awaitEnd;
import static org.billing.invoicing.it.GenerationWork.brief;
import static org.billing.invoicing.it.GenerationWork.count;
import static org.billing.invoicing.it.GenerationWork.id;
import static org.billing.invoicing.it.GenerationWork.itemsByStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.json.JsonObject;

import org.billing.invoicing.it.GenerationWork.Figures;
import org.billing.invoicing.it.GenerationWork.Period;
import org.billing.invoicing.testing.PostgresDatabase;
import org.junit.jupiter.api.Test;

/**
 * A node killed with SIGKILL in the middle of a run of automatic invoicing: it leaves no half-written
 * invoice, its run does not block the next one once its lease has run out, and the next run makes
 * exactly the invoices an uninterrupted run makes, each once.
 *
 * <p>The work: the demo data of last month and this one for {@value #ACCOUNTS} accounts, each invoiced
 * DAILY in both directions (about 1,300 account-periods), claimed {@value #CHUNK} at a time on the first
 * node so that the run progresses gradually, in chunks of the default size on the node that takes over;
 * the lease is {@value #LEASE_SECONDS} s and the quarter-hour timer is off.
 *
 * <p>The node that takes over is started alongside the first one (to save a start of 20 s or more) and
 * left idle until the kill: to the database it is what a restarted node is, a process with a new node id
 * that never worked on the dead run.
 */
class GenerationCrashIT {

    private static final int ACCOUNTS = 12;
    private static final long CDRS = 30_000;
    private static final int CHUNK = 20;
    private static final int LEASE_SECONDS = 5;
    /** Periods whose figures are compared with Calculate one by one, besides the interrupted ones. */
    private static final int SAMPLE = 100;

    @Test
    void aRunKilledMidwayLeavesNothingHalfWrittenAndTheNextRunFinishesItExactly() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.startMigrated()) {
            LocalDate from = GenerationWork.dailyForEveryAccount(database, ACCOUNTS, CDRS);
            Map<String, String> environment = new HashMap<>(database.environment());
            environment.put("INVOICING_AUTO_ENABLED", "false");
            environment.put("INVOICING_AUTO_LEASE_SECONDS", Integer.toString(LEASE_SECONDS));
            // The node that takes over claims as in production (chunks of 1,000): a chunk longer than the
            // short lease must stay its own.
            Map<String, String> takingOver = new HashMap<>(environment);
            environment.put("INVOICING_AUTO_CHUNK", Integer.toString(CHUNK));

            List<PayaraMicro> nodes = GenerationWork.startNodes(environment, takingOver);
            try (PayaraMicro first = nodes.get(0);
                    PayaraMicro second = nodes.get(1)) {
                // 1. A run on the first node, killed once some but not all of its periods are invoiced.
                Http firstAdmin = new Http(first.baseUri()).as(Users.ADMIN);
                JsonObject run = GenerationWork.start(firstAdmin);
                long crashed = id(run);
                int due = run.getInt("due");
                assertTrue(due > 500, () -> "too little work to interrupt: " + brief(run));
                Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
                JsonObject seen = run;
                while (seen.getInt("created") < due / 5) {
                    if (!seen.getString("status").equals("STARTED")
                            || Instant.now().isAfter(deadline)) {
                        fail("The run ended or stalled before it could be interrupted: " + brief(seen));
                    }
                    Thread.sleep(100);
                    seen = GenerationWork.run(firstAdmin, crashed);
                }
                first.kill();
                System.out.println("Killed the node running run " + crashed + " at " + brief(seen));

                // 2. What the dead node left: a STARTED run, some items CREATED, nothing half-written.
                Map<String, Long> atCrash = itemsByStatus(database, crashed);
                long created = atCrash.getOrDefault("CREATED", 0L);
                System.out.println("Items of run " + crashed + " after the kill: " + atCrash);
                assertTrue(created > 0 && created < due, atCrash::toString);
                assertEquals(
                        0, atCrash.getOrDefault("FAILED", 0L) + atCrash.getOrDefault("SKIPPED", 0L), atCrash::toString);
                assertEquals("STARTED", runStatus(database, crashed));
                assertEquals(created, count(database, "SELECT count(*) FROM invoice"));
                assertNothingHalfWritten(database);
                Set<Period> interrupted = periods(database, crashed, "WORKING");
                if (interrupted.isEmpty()) {
                    // Not required (the kill may fall between two claims); it only makes the test sharper.
                    System.out.println("The kill fell between two claims: no period was being worked on.");
                }

                // 3. The other node, once the lease has run out: Run now abandons the dead run and makes the rest.
                Http admin = new Http(second.baseUri()).as(Users.ADMIN);
                awaitLeaseExpiry(database, crashed);
                JsonObject next = GenerationWork.start(admin);
                long nextId = id(next);
                assertNotEquals(crashed, nextId, () -> "the dead run still blocks: " + brief(next));
                JsonObject old = GenerationWork.run(admin, crashed);
                assertEquals("ABANDONED", old.getString("status"), () -> brief(old));
                assertEquals(created, old.getInt("created"), () -> brief(old));
                Map<String, Long> abandoned = itemsByStatus(database, crashed);
                assertEquals(Set.of("CREATED", "ABANDONED"), abandoned.keySet(), abandoned::toString);

                JsonObject done = awaitEnd(admin, nextId, Duration.ofMinutes(3));
                assertEquals("COMPLETED", done.getString("status"), () -> brief(done));
                assertEquals(0, done.getInt("failed"), () -> brief(done));
                assertEquals(0, done.getInt("skipped"), () -> "it planned periods already invoiced: " + brief(done));
                assertEquals(done.getInt("due"), done.getInt("created"), () -> brief(done));
                GenerationWork.assertComputedOnce(database, done);

                // 4. Exactly what one uninterrupted run makes: every period due when the run was planned,
                // once (invoices() fails on a duplicate), each with the figures of Calculate.
                Set<Period> expected = GenerationWork.duePeriods(database, startedAt(database, nextId));
                Map<Period, Figures> invoices = GenerationWork.invoices(database);
                assertEquals(expected, invoices.keySet());
                assertEquals(expected.size(), created + done.getInt("created"));
                assertTrue(invoices.values().stream().allMatch(f -> f.type().equals("AUTO")));
                assertTrue(expected.stream().allMatch(p -> !p.firstDay().isBefore(from)));
                assertNothingHalfWritten(database);

                List<Period> sample = new ArrayList<>(interrupted);
                List<Period> all = new ArrayList<>(invoices.keySet());
                for (int i = 0; i < all.size(); i += Math.max(1, all.size() / SAMPLE)) {
                    sample.add(all.get(i));
                }
                GenerationWork.assertAsCalculated(admin, invoices, sample);
                GenerationWork.assertSumsAsCalculated(admin, invoices);
                System.out.println("Run " + nextId + ": " + brief(done) + "; " + invoices.size() + " invoices, "
                        + sample.size() + " compared with Calculate one by one (" + interrupted.size()
                        + " of them interrupted by the kill), all of them by account and direction");
            }
        }
    }

    /** Waits until the run's last heartbeat is older than the lease (plus a second of clock slack). */
    private static void awaitLeaseExpiry(PostgresDatabase database, long runId) throws Exception {
        Instant heartbeat;
        try (Connection connection = database.connection();
                PreparedStatement select =
                        connection.prepareStatement("SELECT heartbeat_at FROM generation_run WHERE id = ?")) {
            select.setLong(1, runId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                heartbeat = row.getObject(1, java.time.OffsetDateTime.class).toInstant();
            }
        }
        long wait = Duration.between(Instant.now(), heartbeat.plusSeconds(LEASE_SECONDS + 1))
                .toMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    private static String runStatus(PostgresDatabase database, long runId) throws SQLException {
        try (Connection connection = database.connection();
                PreparedStatement select =
                        connection.prepareStatement("SELECT status FROM generation_run WHERE id = ?")) {
            select.setLong(1, runId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private static Instant startedAt(PostgresDatabase database, long runId) throws SQLException {
        try (Connection connection = database.connection();
                PreparedStatement select =
                        connection.prepareStatement("SELECT started_at FROM generation_run WHERE id = ?")) {
            select.setLong(1, runId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getObject(1, java.time.OffsetDateTime.class).toInstant();
            }
        }
    }

    private static Set<Period> periods(PostgresDatabase database, long runId, String status) throws SQLException {
        Set<Period> periods = new TreeSet<>();
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT account_id, direction, first_day, last_day FROM generation_item WHERE run_id = ? AND status = ?")) {
            select.setLong(1, runId);
            select.setString(2, status);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    periods.add(new Period(
                            row.getLong(1),
                            row.getString(2),
                            row.getObject(3, LocalDate.class),
                            row.getObject(4, LocalDate.class)));
                }
            }
        }
        return periods;
    }
}
