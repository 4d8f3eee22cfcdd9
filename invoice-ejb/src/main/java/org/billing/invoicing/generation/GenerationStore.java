package org.billing.invoicing.generation;

import static org.billing.invoicing.common.Jdbc.instant;
import static org.billing.invoicing.common.Jdbc.setInstant;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.period.AutoPeriod;

/**
 * The SQL of automatic invoicing's runs and their items, on a connection whose transaction the
 * caller owns. The items are the work queue every node shares: claimed with {@code FOR UPDATE SKIP
 * LOCKED} under a lease, so that two nodes never take the same period and a dead node's periods are
 * taken over once its lease ran out.
 */
final class GenerationStore {

    /** Any constant: the key of the advisory lock that lets one node at a time start or join a run. */
    private static final long START_LOCK = 0x696e766f69636eL;

    private static final String ITEM_COLUMNS = "i.id, i.account_id, i.direction, i.first_day, i.last_day, i.partial";

    private GenerationStore() {}

    /** Serialises the starts of all nodes until the caller's transaction ends. */
    static void lockStarts(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, START_LOCK);
            lock.execute();
        }
    }

    /** Marks the going run abandoned when its heartbeat is older than the lease; its open items with it. */
    static List<Long> abandonStale(Connection connection, Instant now, Duration lease) throws SQLException {
        List<Long> abandoned = new ArrayList<>();
        try (PreparedStatement update = connection.prepareStatement("UPDATE generation_run SET status = 'ABANDONED',"
                + " ended_at = ? WHERE status = 'STARTED' AND heartbeat_at < ? RETURNING id")) {
            setInstant(update, 1, now);
            setInstant(update, 2, now.minus(lease));
            try (ResultSet row = update.executeQuery()) {
                while (row.next()) {
                    abandoned.add(row.getLong(1));
                }
            }
        }
        if (!abandoned.isEmpty()) {
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE generation_item SET status = 'ABANDONED',"
                            + " ended_at = ?, code = 'RUN_ABANDONED', reason = ? WHERE run_id = ANY (?)"
                            + " AND status IN ('DUE', 'WORKING')")) {
                setInstant(update, 1, now);
                update.setString(
                        2,
                        "The node running this run stopped answering before this period was invoiced;"
                                + " a later run invoices it.");
                update.setArray(3, connection.createArrayOf("bigint", abandoned.toArray()));
                update.executeUpdate();
            }
        }
        return abandoned;
    }

    static Optional<Long> going(Connection connection) throws SQLException {
        try (PreparedStatement select =
                        connection.prepareStatement("SELECT id FROM generation_run WHERE status = 'STARTED'");
                ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
        }
    }

    static long insertRun(
            Connection connection, String trigger, String startedBy, int partitions, int deferred, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO generation_run (status, trigger,"
                + " started_by, node, partitions, deferred, started_at, heartbeat_at)"
                + " VALUES ('STARTED', ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            insert.setString(1, trigger);
            insert.setString(2, startedBy);
            insert.setString(3, GenerationSettings.NODE);
            insert.setInt(4, partitions);
            insert.setInt(5, deferred);
            setInstant(insert, 6, now);
            setInstant(insert, 7, now);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    static void insertItems(Connection connection, long runId, int partitions, List<PlannedItem> items, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO generation_item (run_id, account_id,"
                + " direction, first_day, last_day, partial, bucket, status, code, reason, ended_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int batched = 0;
            for (PlannedItem item : items) {
                insert.setLong(1, runId);
                insert.setLong(2, item.accountId());
                insert.setString(3, item.direction().name());
                insert.setObject(4, item.period().firstDay());
                insert.setObject(5, item.period().lastDay());
                insert.setBoolean(6, item.period().partial());
                insert.setInt(7, bucket(item.accountId(), partitions));
                insert.setString(8, item.failed() ? "FAILED" : "DUE");
                insert.setString(9, item.code());
                insert.setString(10, item.reason());
                setInstant(insert, 11, item.failed() ? now : null);
                insert.addBatch();
                if (++batched % 1_000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** Accounts are spread over the partitions by their id, so that each account's periods stay together. */
    static int bucket(long accountId, int partitions) {
        return (int) Math.floorMod(accountId, (long) partitions);
    }

    /**
     * Claims up to {@code limit} open items of the run for this node, oldest periods first, those of
     * {@code bucket} before the others' of the same days, and items whose lease ran out. A chunk is read
     * in one scan of its days' calls whichever accounts it holds, so a partition takes as many as it
     * may: two partitions that split a day's accounts between them would each scan all of its calls.
     */
    static List<DueItem> claim(Connection connection, long runId, int bucket, int limit, Instant now, Duration lease)
            throws SQLException {
        String sql = "UPDATE generation_item i SET status = 'WORKING', node = ?, lease_until = ?"
                + " FROM (SELECT id FROM generation_item WHERE run_id = ? AND (status = 'DUE'"
                + " OR (status = 'WORKING' AND lease_until < ?))"
                + " ORDER BY first_day, bucket <> ?, account_id, direction LIMIT ? FOR UPDATE SKIP LOCKED) n"
                + " WHERE i.id = n.id RETURNING " + ITEM_COLUMNS;
        List<DueItem> items = new ArrayList<>();
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            int p = 0;
            update.setString(++p, GenerationSettings.NODE);
            setInstant(update, ++p, now.plus(lease));
            update.setLong(++p, runId);
            setInstant(update, ++p, now);
            update.setInt(++p, bucket);
            update.setInt(++p, limit);
            try (ResultSet row = update.executeQuery()) {
                while (row.next()) {
                    items.add(new DueItem(
                            row.getLong("id"),
                            row.getLong("account_id"),
                            Direction.valueOf(row.getString("direction")),
                            new AutoPeriod(
                                    row.getObject("first_day", LocalDate.class),
                                    row.getObject("last_day", LocalDate.class),
                                    row.getBoolean("partial"))));
                }
            }
        }
        items.sort((a, b) -> Long.compare(a.id(), b.id()));
        return items;
    }

    /** The run is alive: its heartbeat, and the calls aggregated since the last one. */
    static void heartbeat(Connection connection, long runId, long cdrs, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE generation_run SET heartbeat_at = greatest(heartbeat_at, ?), cdrs = cdrs + ? WHERE id = ?")) {
            setInstant(update, 1, now);
            update.setLong(2, cdrs);
            update.setLong(3, runId);
            update.executeUpdate();
        }
    }

    /** Extends the lease of claimed items that this node still works on (not those another has taken over). */
    static void renewLease(Connection connection, List<Long> itemIds, Instant until) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE generation_item SET lease_until = ?"
                + " WHERE id = ANY (?) AND status = 'WORKING' AND node = ?")) {
            setInstant(update, 1, until);
            update.setArray(2, connection.createArrayOf("bigint", itemIds.toArray()));
            update.setString(3, GenerationSettings.NODE);
            update.executeUpdate();
        }
    }

    /** In the transaction that creates the invoice: the item is done exactly when the invoice exists. */
    /**
     * In the transaction that creates the invoices: an item is done exactly when its invoice exists. One
     * statement for a chunk created together.
     */
    static void markCreated(Connection connection, List<Long> itemIds, List<Long> invoiceIds, int attempts, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE generation_item i SET status = 'CREATED',"
                + " invoice_id = d.invoice_id, attempts = ?, ended_at = ?, code = NULL, reason = NULL"
                + " FROM unnest(?::bigint[], ?::bigint[]) AS d(item_id, invoice_id) WHERE i.id = d.item_id")) {
            update.setInt(1, attempts);
            setInstant(update, 2, now);
            update.setArray(3, connection.createArrayOf("bigint", itemIds.toArray()));
            update.setArray(4, connection.createArrayOf("bigint", invoiceIds.toArray()));
            update.executeUpdate();
        }
    }

    static void markEnded(
            Connection connection, long itemId, String status, String code, String reason, int attempts, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE generation_item SET status = ?, code = ?,"
                + " reason = ?, attempts = ?, ended_at = ? WHERE id = ? AND status = 'WORKING'")) {
            update.setString(1, status);
            update.setString(2, code);
            update.setString(3, reason == null ? null : reason.length() > 2_000 ? reason.substring(0, 2_000) : reason);
            update.setInt(4, attempts);
            setInstant(update, 5, now);
            update.setLong(6, itemId);
            update.executeUpdate();
        }
    }

    /**
     * Forgets the schedule's earlier runs that found nothing due, all but {@code keep}. The quarter-hour
     * timer fires on every node, so such runs would come some 200 a day and bury the runs that did
     * something (the list shows the latest); the one kept still tells when the schedule last looked.
     * Runs an operator started are kept, empty or not.
     */
    static int forgetEmptyScheduledRuns(Connection connection, long keep) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM generation_run r"
                + " WHERE r.trigger = 'SCHEDULE' AND r.status = 'COMPLETED' AND r.deferred = 0 AND r.id <> ?"
                + " AND NOT EXISTS (SELECT 1 FROM generation_item i WHERE i.run_id = r.id)")) {
            delete.setLong(1, keep);
            return delete.executeUpdate();
        }
    }

    /** Completes the run once no item is open any more, on whichever node finishes last. */
    static boolean completeIfDone(Connection connection, long runId, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE generation_run SET status = 'COMPLETED',"
                        + " ended_at = ?, heartbeat_at = greatest(heartbeat_at, ?) WHERE id = ? AND status = 'STARTED'"
                        + " AND NOT EXISTS (SELECT 1 FROM generation_item WHERE run_id = ? AND status IN ('DUE', 'WORKING'))")) {
            setInstant(update, 1, now);
            setInstant(update, 2, now);
            update.setLong(3, runId);
            update.setLong(4, runId);
            return update.executeUpdate() == 1;
        }
    }

    static int partitions(Connection connection, long runId) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT partitions FROM generation_run WHERE id = ?")) {
            select.setLong(1, runId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getInt(1) : 0;
            }
        }
    }

    static Optional<GenerationRun> run(Connection connection, long runId) throws SQLException {
        List<GenerationRun> runs = runs(connection, "WHERE r.id = ?", runId, 1);
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(0).withFailures(failures(connection, runId)));
    }

    static List<GenerationRun> recent(Connection connection, int limit) throws SQLException {
        return runs(connection, "", null, limit);
    }

    private static List<GenerationRun> runs(Connection connection, String where, Long id, int limit)
            throws SQLException {
        String sql = "SELECT r.*, coalesce(c.due, 0) AS due, coalesce(c.created, 0) AS created,"
                + " coalesce(c.skipped, 0) AS skipped, coalesce(c.failed, 0) AS failed"
                + " FROM (SELECT * FROM generation_run r " + where + " ORDER BY r.started_at DESC, r.id DESC LIMIT ?) r"
                + " LEFT JOIN LATERAL (SELECT count(*) AS due, count(*) FILTER (WHERE status = 'CREATED') AS created,"
                + " count(*) FILTER (WHERE status = 'SKIPPED') AS skipped,"
                + " count(*) FILTER (WHERE status IN ('FAILED', 'ABANDONED')) AS failed"
                + " FROM generation_item WHERE run_id = r.id) c ON true ORDER BY r.started_at DESC, r.id DESC";
        Map<Long, GenerationRun> runs = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int p = 0;
            if (id != null) {
                select.setLong(++p, id);
            }
            select.setInt(++p, limit);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    GenerationRun run = view(row);
                    runs.put(run.id(), run);
                }
            }
        }
        return new ArrayList<>(runs.values());
    }

    private static GenerationRun view(ResultSet row) throws SQLException {
        int created = row.getInt("created");
        int skipped = row.getInt("skipped");
        int failed = row.getInt("failed");
        Instant started = instant(row, "started_at");
        Instant ended = instant(row, "ended_at");
        Instant heartbeat = instant(row, "heartbeat_at");
        Instant until = ended != null ? ended : heartbeat;
        long millis = until == null ? 0 : Duration.between(started, until).toMillis();
        BigDecimal perSecond = created == 0 || millis <= 0
                ? null
                : BigDecimal.valueOf(created * 1_000L).divide(BigDecimal.valueOf(millis), 1, RoundingMode.HALF_UP);
        return new GenerationRun(
                row.getLong("id"),
                row.getString("status"),
                row.getString("trigger"),
                row.getString("started_by"),
                row.getInt("partitions"),
                row.getInt("due"),
                created + skipped + failed,
                created,
                skipped,
                failed,
                row.getInt("deferred"),
                row.getLong("cdrs"),
                perSecond,
                "created=" + created + " skipped=" + skipped + " failed=" + failed,
                started,
                heartbeat,
                ended,
                List.of());
    }

    /** An issued invoice whose drift a run checks after it invoiced (issue 13). */
    record DriftCandidate(long invoiceId, long accountId, Direction direction, LocalDate firstDay, LocalDate lastDay) {}

    /**
     * The issued invoices (not credit notes or supplementary invoices, not credited) of the last
     * {@code periods} periods of each account and direction the run created invoices for, but those the
     * run created: one statement, ranked per account and direction by period.
     */
    static List<DriftCandidate> driftCandidates(Connection connection, long runId, int periods) throws SQLException {
        List<DriftCandidate> candidates = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT r.id, r.account_id, r.direction, r.first_day, r.last_day FROM (
                    SELECT i.id, i.account_id, i.direction, i.first_day, i.last_day,
                           row_number() OVER (PARTITION BY i.account_id, i.direction ORDER BY i.end_at DESC) AS n
                    FROM invoice i
                    JOIN (SELECT DISTINCT account_id, direction FROM generation_item
                          WHERE run_id = ? AND status = 'CREATED') g
                      ON g.account_id = i.account_id AND g.direction = i.direction
                    WHERE i.kind = 'INVOICE' AND i.state <> 'PENDING'
                      AND NOT EXISTS (SELECT 1 FROM generation_item c WHERE c.run_id = ? AND c.invoice_id = i.id)
                      AND NOT EXISTS (SELECT 1 FROM invoice c WHERE c.credited_invoice_id = i.id)
                ) r WHERE r.n <= ? ORDER BY r.direction, r.first_day, r.account_id
                """)) {
            select.setLong(1, runId);
            select.setLong(2, runId);
            select.setInt(3, periods);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    candidates.add(new DriftCandidate(
                            row.getLong(1),
                            row.getLong(2),
                            Direction.valueOf(row.getString(3)),
                            row.getObject(4, LocalDate.class),
                            row.getObject(5, LocalDate.class)));
                }
            }
        }
        return candidates;
    }

    /** A drift check the run could not make, reported with its failures. */
    static void insertDriftFailure(
            Connection connection, long runId, DriftCandidate candidate, String code, String reason, Instant at)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO generation_drift_failure (run_id,"
                + " invoice_id, account_id, direction, first_day, last_day, code, reason, at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, runId);
            insert.setLong(2, candidate.invoiceId());
            insert.setLong(3, candidate.accountId());
            insert.setString(4, candidate.direction().name());
            insert.setObject(5, candidate.firstDay());
            insert.setObject(6, candidate.lastDay());
            insert.setString(7, code);
            insert.setString(8, reason.length() > 2_000 ? reason.substring(0, 2_000) : reason);
            setInstant(insert, 9, at);
            insert.executeUpdate();
        }
    }

    static List<GenerationFailure> failures(Connection connection, long runId) throws SQLException {
        List<GenerationFailure> failures = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT account_id, direction, first_day, last_day,"
                + " code, reason, attempts, ended_at FROM generation_item WHERE run_id = ?"
                + " AND status IN ('FAILED', 'ABANDONED')"
                + " UNION ALL SELECT account_id, direction, first_day, last_day, code, reason, 0, at"
                + " FROM generation_drift_failure WHERE run_id = ?"
                + " ORDER BY account_id, direction, first_day LIMIT 1000")) {
            select.setLong(1, runId);
            select.setLong(2, runId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    failures.add(new GenerationFailure(
                            row.getLong("account_id"),
                            Direction.valueOf(row.getString("direction")),
                            row.getObject("first_day", LocalDate.class),
                            row.getObject("last_day", LocalDate.class),
                            row.getString("code"),
                            row.getString("reason"),
                            row.getInt("attempts"),
                            instant(row, "ended_at")));
                }
            }
        }
        return failures;
    }
}
