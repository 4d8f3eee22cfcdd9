package org.billing.invoicing.invoice;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.billing.invoicing.common.Jdbc;

/**
 * The SQL of the invoice list: a page of ids in the list's order and the count of what matched,
 * bounded. Every condition is on the invoice row itself, so that PostgreSQL reads a page as one
 * index walk in {@code (created_at DESC, id DESC)} order (after a filter's equality, V9) that stops
 * at the page: no join, no sort of everything that matched, no count of it. The search box's
 * account and contractor names are looked up first (platform tables of a few thousand rows) and
 * become id lists. The drift filter (issue 13) is the one condition on another table: the ids of the
 * partial index {@code invoice_drift_drifted_idx}, few, selected first and sorted like the dates.
 */
public final class InvoiceListQuery {

    /** The total is counted up to this many invoices; past it, the list says "more than 10,000". */
    public static final int TOTAL_BOUND = 10_000;

    /** How many of the list's next invoices are looked at for a page of a date or search filter matching many. */
    private static final int PROBE_ROWS = 10_000;

    /** A search text shorter than this matches the start of a number only (a trigram needs 3 characters). */
    private static final int SUBSTRING_MIN_LENGTH = 3;

    /**
     * The invoices whose document failed (retried or given up; {@code invoice_document_failed_idx}, V15).
     * Written as the matches' ids, few among many, so that they are selected first and sorted.
     */
    public static final String DOCUMENT_FAILED =
            "i.id IN (SELECT d.invoice_id FROM invoice_document d WHERE d.status = 'FAILED')";

    /**
     * The invoices whose email failed to reach a recipient: the latest message to that recipient failed
     * (a resend that arrived puts it right), as {@code DeliveryStatus} reads it ({@code mail_outbox_failed_idx}, V15).
     */
    public static final String EMAIL_FAILED =
            "i.id IN (SELECT m.invoice_id FROM mail_outbox m WHERE m.status = 'FAILED'"
                    + " AND NOT EXISTS (SELECT 1 FROM mail_outbox later WHERE later.invoice_id = m.invoice_id"
                    + " AND later.recipient = m.recipient AND later.id > m.id))";

    /** The issued invoices whose last drift check found a difference (through invoice_drift_drifted_idx). */
    public static final String DRIFTED = "i.id IN (SELECT d.invoice_id FROM invoice_drift d WHERE d.drifted)";

    /** An id of the page and the key it is ordered by. */
    public record Row(long id, Instant createdAt) {
        InvoiceCursor cursor() {
            return new InvoiceCursor(createdAt, id);
        }
    }

    /** The page's rows and whether the list goes on after them. */
    public record Slice(List<Row> rows, boolean more) {}

    /** A count up to {@link #TOTAL_BOUND}: exact when it is below, else "more than" it. */
    public record Total(long count, boolean exact) {}

    private interface Binder {
        void bind(PreparedStatement statement, int index) throws SQLException;
    }

    private final List<String> conditions = new ArrayList<>();
    private final List<Binder> binders = new ArrayList<>();
    private final boolean empty;
    /** Dates, a search text or a delivery problem: conditions whose indexes know nothing of the list's order. */
    private boolean unordered;

    private InvoiceListQuery(boolean empty) {
        this.empty = empty;
    }

    /** The query for a filter; the search text's names are looked up on the connection now. */
    public static InvoiceListQuery of(Connection connection, InvoiceFilter filter) throws SQLException {
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            return new InvoiceListQuery(true);
        }
        planForTheValues(connection);
        InvoiceListQuery query = new InvoiceListQuery(false);
        query.equal("account_id", filter.accountId());
        query.equal("contractor_id", filter.contractorId());
        query.equal(
                "direction",
                filter.direction() == null ? null : filter.direction().name());
        query.equal("state", filter.state() == null ? null : filter.state().name());
        query.equal("type", filter.type() == null ? null : filter.type().name());
        query.equal(
                "payment_model",
                filter.paymentModel() == null ? null : filter.paymentModel().name());
        if (filter.from() != null || filter.to() != null) {
            // Days [first_day, last_day] meeting [from, to]; a missing end is unbounded (invoice_days_idx).
            query.unordered = true;
            query.conditions.add("daterange(i.first_day, i.last_day, '[]') && daterange(?, ?, '[]')");
            query.binders.add((statement, index) -> statement.setObject(index, filter.from(), java.sql.Types.DATE));
            query.binders.add((statement, index) -> statement.setObject(index, filter.to(), java.sql.Types.DATE));
        }
        if (filter.documentFailed()) {
            query.unordered = true;
            query.conditions.add(DOCUMENT_FAILED);
        }
        if (filter.emailFailed()) {
            query.unordered = true;
            query.conditions.add(EMAIL_FAILED);
        }
        if (Boolean.TRUE.equals(filter.drifted())) {
            // Few invoices drift: they are selected through invoice_drift_drifted_idx and sorted (fenced).
            query.unordered = true;
            query.conditions.add(DRIFTED);
        }
        String text = filter.text() == null ? "" : filter.text().strip();
        if (!text.isEmpty()) {
            query.unordered = true;
            query.search(connection, text);
        }
        return query;
    }

    private void equal(String column, Object value) {
        if (value != null) {
            conditions.add("i." + column + " = ?");
            binders.add((statement, index) -> statement.setObject(index, value));
        }
    }

    private void search(Connection connection, String text) throws SQLException {
        String escaped = likeEscaped(text);
        String anywhere = "%" + escaped + "%";
        List<Long> accounts = named(connection, "account", "A", anywhere);
        List<Long> contractors = named(connection, "contractor", "C", anywhere);
        // Numbers are searched by substring through trigrams (invoice_number_trgm_idx); a text too short
        // for a trigram matches the start of a number, which the same index still narrows.
        String number = text.length() < SUBSTRING_MIN_LENGTH ? escaped + "%" : anywhere;
        StringBuilder any = new StringBuilder("(i.number ILIKE ?");
        binders.add((statement, index) -> statement.setString(index, number));
        if (!accounts.isEmpty()) {
            any.append(" OR i.account_id = ANY (?)");
            binders.add((statement, index) -> statement.setArray(index, longArray(statement, accounts)));
        }
        if (!contractors.isEmpty()) {
            any.append(" OR i.contractor_id = ANY (?)");
            binders.add((statement, index) -> statement.setArray(index, longArray(statement, contractors)));
        }
        conditions.add(any.append(')').toString());
    }

    /**
     * The page after {@code after} (null: from the newest), skipping {@code offset} rows (page numbers;
     * 0 with a cursor), one row more than the page read to tell whether the list goes on.
     */
    public Slice page(Connection connection, InvoiceCursor after, long offset, int size) throws SQLException {
        return page(connection, after, offset, size, null);
    }

    /**
     * The same knowing the list's total. Dates and search text select through indexes that know
     * nothing of the list's order, and the planner, which takes matches to be spread evenly over the
     * order, may walk the order to find them: fast when they are many or recent, a walk over most of
     * the table when they are few and old (a past week: 136,000 rows skipped of a million). So when
     * more than {@link #TOTAL_BOUND} match, the next {@link #PROBE_ROWS} invoices of the list are looked
     * at first, which finds the page when the matches are among the newest; otherwise (and when at most
     * the bound match) the matches are selected first through their own indexes (a fence: {@code
     * OFFSET 0}) and sorted, which costs as many as match.
     */
    public Slice page(Connection connection, InvoiceCursor after, long offset, int size, Total total)
            throws SQLException {
        if (empty) {
            return new Slice(List.of(), false);
        }
        if (unordered && total != null) {
            if (!total.exact()) {
                // Many match: most often among the newest, where a look at the next PROBE_ROWS finds the page.
                List<Binder> values = new ArrayList<>();
                List<Row> rows = rows(connection, probePageSql(after, offset, size, values), values);
                if (rows.size() > size) {
                    return new Slice(rows.subList(0, size), true);
                }
            }
            List<Binder> values = new ArrayList<>();
            return slice(rows(connection, fencedPageSql(after, offset, size, values), values), size);
        }
        List<Binder> values = new ArrayList<>();
        return slice(rows(connection, pageSql(after, offset, size, values), values), size);
    }

    private static Slice slice(List<Row> rows, int size) {
        boolean more = rows.size() > size;
        return new Slice(more ? rows.subList(0, size) : rows, more);
    }

    private static List<Row> rows(Connection connection, String sql, List<Binder> values) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement statement = prepare(connection, sql, values);
                ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                rows.add(new Row(row.getLong(1), Jdbc.instant(row, "created_at")));
            }
        }
        return rows;
    }

    /**
     * The page among the next {@link #PROBE_ROWS} invoices of the list only, read in its order: complete
     * when it finds a full page (and one more), since those are then the first matches after the cursor.
     */
    private String probePageSql(InvoiceCursor after, long offset, int size, List<Binder> values) {
        values.addAll(binders);
        String sql = "SELECT w.id, w.created_at FROM (SELECT i.id, i.created_at, (" + String.join(" AND ", conditions)
                + ") AS matches FROM invoice i";
        if (after != null) {
            sql += " WHERE (i.created_at, i.id) < (?, ?)";
            values.add((statement, index) -> Jdbc.setInstant(statement, index, after.createdAt()));
            values.add((statement, index) -> statement.setLong(index, after.id()));
        }
        values.add((statement, index) -> statement.setInt(index, size + 1));
        values.add((statement, index) -> statement.setLong(index, offset));
        return sql + " ORDER BY i.created_at DESC, i.id DESC LIMIT " + PROBE_ROWS + ") w WHERE w.matches"
                + " ORDER BY w.created_at DESC, w.id DESC LIMIT ? OFFSET ?";
    }

    private String pageSql(InvoiceCursor after, long offset, int size, List<Binder> values) {
        List<String> where = new ArrayList<>(conditions);
        values.addAll(binders);
        if (after != null) {
            where.add("(i.created_at, i.id) < (?, ?)");
            values.add((statement, index) -> Jdbc.setInstant(statement, index, after.createdAt()));
            values.add((statement, index) -> statement.setLong(index, after.id()));
        }
        values.add((statement, index) -> statement.setInt(index, size + 1));
        values.add((statement, index) -> statement.setLong(index, offset));
        return "SELECT i.id, i.created_at FROM invoice i" + where(where)
                + " ORDER BY i.created_at DESC, i.id DESC LIMIT ? OFFSET ?";
    }

    private String fencedPageSql(InvoiceCursor after, long offset, int size, List<Binder> values) {
        values.addAll(binders);
        String sql = "SELECT m.id, m.created_at FROM (SELECT i.id, i.created_at FROM invoice i" + where(conditions)
                + " OFFSET 0) m";
        if (after != null) {
            sql += " WHERE (m.created_at, m.id) < (?, ?)";
            values.add((statement, index) -> Jdbc.setInstant(statement, index, after.createdAt()));
            values.add((statement, index) -> statement.setLong(index, after.id()));
        }
        values.add((statement, index) -> statement.setInt(index, size + 1));
        values.add((statement, index) -> statement.setLong(index, offset));
        return sql + " ORDER BY m.created_at DESC, m.id DESC LIMIT ? OFFSET ?";
    }

    /** The plan PostgreSQL ran a page with, as {@code EXPLAIN ANALYZE} prints it: for tests and benchmarks. */
    public String explainPage(Connection connection, InvoiceCursor after, long offset, int size) throws SQLException {
        return explainPage(connection, after, offset, size, null);
    }

    /** The same knowing the total, as {@link #page(Connection, InvoiceCursor, long, int, Total)}. */
    public String explainPage(Connection connection, InvoiceCursor after, long offset, int size, Total total)
            throws SQLException {
        List<Binder> values = new ArrayList<>();
        String plan = "";
        if (unordered && total != null) {
            if (!total.exact()) {
                plan = explain(
                                connection,
                                "EXPLAIN (ANALYZE, BUFFERS) " + probePageSql(after, offset, size, values),
                                values)
                        + "-- then, unless that found the page:\n";
                values = new ArrayList<>();
            }
            return plan
                    + explain(
                            connection,
                            "EXPLAIN (ANALYZE, BUFFERS) " + fencedPageSql(after, offset, size, values),
                            values);
        }
        return explain(connection, "EXPLAIN (ANALYZE, BUFFERS) " + pageSql(after, offset, size, values), values);
    }

    /** The same for the bounded count. */
    public String explainTotal(Connection connection) throws SQLException {
        List<Binder> values = new ArrayList<>();
        return explain(connection, "EXPLAIN (ANALYZE, BUFFERS) " + totalSql(values), values);
    }

    private static String explain(Connection connection, String sql, List<Binder> values) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement statement = prepare(connection, sql, values);
                ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                plan.append(row.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    private String totalSql(List<Binder> values) {
        values.addAll(binders);
        values.add((statement, index) -> statement.setInt(index, TOTAL_BOUND + 1));
        return "SELECT count(*) FROM (SELECT 1 FROM invoice i" + where(conditions) + " LIMIT ?) matched";
    }

    /** How many invoices match, counting no further than {@link #TOTAL_BOUND} + 1 of them. */
    public Total total(Connection connection) throws SQLException {
        if (empty) {
            return new Total(0, true);
        }
        List<Binder> values = new ArrayList<>();
        String sql = totalSql(values);
        try (PreparedStatement statement = prepare(connection, sql, values);
                ResultSet row = statement.executeQuery()) {
            row.next();
            long count = row.getLong(1);
            // count is at most TOTAL_BOUND + 1: one more than the bound says "more than".
            return count > TOTAL_BOUND ? new Total(TOTAL_BOUND, false) : new Total(count, true);
        }
    }

    /**
     * A plan made for this request's values: the driver switches a statement it has run five times to a
     * server-side prepared one, whose generic plan would not know whether a state is rare or a search
     * matches ten accounts or a thousand. Local to the transaction.
     */
    private static void planForTheValues(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT set_config('plan_cache_mode', 'force_custom_plan', true)");
            }
        }
    }

    private static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Binder> values)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < values.size(); i++) {
                values.get(i).bind(statement, i + 1);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /**
     * The accounts or contractors ({@code table}, {@code kind} in V22's {@code invoice_name}) whose name matches
     * {@code pattern}: today's name, or one their invoices were made with, which is what an invoice shows.
     */
    private static List<Long> named(Connection connection, String table, String kind, String pattern)
            throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM " + table
                + " WHERE name ILIKE ? UNION SELECT owner_id FROM invoice_name WHERE kind = ? AND name ILIKE ?")) {
            statement.setString(1, pattern);
            statement.setString(2, kind);
            statement.setString(3, pattern);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getLong(1));
                }
            }
        }
        return ids;
    }

    private static Array longArray(PreparedStatement statement, List<Long> ids) throws SQLException {
        return statement.getConnection().createArrayOf("bigint", ids.toArray());
    }

    /** The text as a LIKE pattern that matches it literally: {@code %}, {@code _} and {@code \} escaped. */
    static String likeEscaped(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 4);
        for (char c : text.toCharArray()) {
            if (c == '\\' || c == '%' || c == '_') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
