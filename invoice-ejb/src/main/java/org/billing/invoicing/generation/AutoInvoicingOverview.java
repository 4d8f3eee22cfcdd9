package org.billing.invoicing.generation;

import java.io.Serializable;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.common.Jdbc;
import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.period.AutoPeriod;
import org.billing.invoicing.period.DuePlanner;
import org.billing.invoicing.period.InvoicePeriod;

/**
 * Every account's automatic invoicing at a glance, one row per account and direction (invoiced
 * automatically or not), paged in SQL: the settings, the next period due, the latest invoice and the
 * latest failure; and the same settings changed or stopped for many pairs at once, in one transaction.
 *
 * <p>The SQL takes a {@link Connection} so that it is tested on a real PostgreSQL without a container;
 * the bean only hands it the transaction's connection.
 */
@Stateless
public class AutoInvoicingOverview {

    /** The most rows one page may ask for. */
    public static final int MAX_PAGE_SIZE = 200;

    @PersistenceContext(unitName = "invoicing")
    private EntityManager em;

    @Inject
    private Clock clock;

    /**
     * Which rows to show; every part is optional (null: any).
     *
     * @param text      part of the account's or the contractor's name, or the account id
     * @param automatic {@code true}: only pairs invoiced automatically; {@code false}: only those that are not
     * @param period    only pairs invoiced automatically by this kind of period
     * @param failing   only pairs invoiced automatically with a period that failed and is still not invoiced
     *                  (see {@link #FAILING}); false means any
     */
    public record Filter(String text, Direction direction, Boolean automatic, InvoicePeriod period, boolean failing)
            implements Serializable {

        private static final long serialVersionUID = 2L;

        public Filter(String text, Direction direction, Boolean automatic, InvoicePeriod period) {
            this(text, direction, automatic, period, false);
        }

        public static Filter all() {
            return new Filter(null, null, null, null, false);
        }

        /** The pairs the dashboard counts as failing. */
        public static Filter failingOnly() {
            return new Filter(null, null, null, null, true);
        }
    }

    /**
     * A pair (of {@link #PAIRS}) still invoiced automatically that has a failed period waiting: the latest
     * attempt at the period failed (no later run made it, skipped it or is at it) and no invoice claims its
     * days meanwhile (an operator may have made it by hand). Such a period is due again at every run until
     * its cause is put right.
     */
    static final String FAILING = """
             s.account_id IS NOT NULL AND EXISTS (
                 SELECT 1 FROM generation_item g
                 WHERE g.account_id = a.id AND g.direction = d.direction AND g.status = 'FAILED'
                   AND NOT EXISTS (SELECT 1 FROM generation_item later WHERE later.account_id = g.account_id
                                   AND later.direction = g.direction AND later.first_day = g.first_day AND later.id > g.id)
                   AND NOT EXISTS (SELECT 1 FROM invoice i JOIN invoice_period_claim c ON c.invoice_id = i.id
                                   WHERE i.account_id = g.account_id AND i.direction = g.direction
                                     AND i.first_day <= g.last_day AND i.last_day >= g.first_day))""";

    /** An account in one direction: what the bulk actions act on. */
    public record Pair(long accountId, Direction direction) implements Serializable {

        private static final long serialVersionUID = 1L;
    }

    /** Local days of the account's zone, the last one included. */
    public record Days(LocalDate firstDay, LocalDate lastDay) implements Serializable {

        private static final long serialVersionUID = 1L;
    }

    /** The latest invoice of a pair, any type (not a credit note); {@code number} is null while it is Pending. */
    public record LastInvoice(long id, String number, Days days) implements Serializable {

        private static final long serialVersionUID = 1L;
    }

    /** The latest period a generation run could not invoice, with the stable code and the reason in words. */
    public record LastFailure(String code, String reason, Instant at) implements Serializable {

        private static final long serialVersionUID = 1L;
    }

    /**
     * One account in one direction. {@code invoicePeriod}, {@code generateFrom} and {@code nextDue} are
     * null when the pair is not invoiced automatically; {@code lastInvoice} and {@code lastFailure} when
     * there is none.
     */
    public record Row(
            long accountId,
            String accountName,
            String contractorName,
            Direction direction,
            InvoicePeriod invoicePeriod,
            LocalDate generateFrom,
            Days nextDue,
            LastInvoice lastInvoice,
            LastFailure lastFailure)
            implements Serializable {

        private static final long serialVersionUID = 1L;

        public Pair pair() {
            return new Pair(accountId, direction);
        }

        public boolean isAutomatic() {
            return invoicePeriod != null;
        }
    }

    /** How many rows match. */
    public long count(Filter filter) {
        try {
            return count(connection(), filter);
        } catch (SQLException e) {
            throw new PersistenceException("Could not count the automatic invoicing overview", e);
        }
    }

    /** The rows {@code first} to {@code first + size - 1} of those that match, by account id, Customer first. */
    public List<Row> page(Filter filter, int first, int size) {
        try {
            return page(connection(), filter, first, size);
        } catch (SQLException e) {
            throw new PersistenceException("Could not read the automatic invoicing overview", e);
        }
    }

    /**
     * Invoices every pair by {@code period} from {@code generateFrom} (as {@link AutoInvoicingService#change}
     * does for one), all or none: an unknown account refuses the whole request.
     *
     * @return how many pairs were changed
     */
    public int changeMany(Collection<Pair> pairs, InvoicePeriod period, LocalDate generateFrom) {
        try {
            return changeMany(connection(), pairs, period, generateFrom, clock.instant());
        } catch (SQLException e) {
            throw new PersistenceException("Could not change the automatic invoicing of " + pairs, e);
        }
    }

    /**
     * Stops the automatic invoicing of every pair, all or none; their invoices stay.
     *
     * @return how many pairs were invoiced automatically and no longer are
     */
    public int stopMany(Collection<Pair> pairs) {
        try {
            return stopMany(connection(), pairs);
        } catch (SQLException e) {
            throw new PersistenceException("Could not stop the automatic invoicing of " + pairs, e);
        }
    }

    /**
     * The next period a run will invoice after what is invoiced already: the first period of the kind
     * that starts after the pair's last automatic invoice, or the first whole one from {@code generateFrom}
     * when there is none (or when it starts later: the settings moved on). Gaps before the last invoice
     * (a failed period, a credited one) are left out here: a run takes them too.
     */
    static AutoPeriod nextDue(InvoicePeriod kind, LocalDate generateFrom, LocalDate lastAutomaticDay) {
        AutoPeriod fromSettings = DuePlanner.firstPeriod(kind, generateFrom);
        if (lastAutomaticDay == null || lastAutomaticDay.isBefore(fromSettings.firstDay())) {
            return fromSettings;
        }
        AutoPeriod next = kind.after(kind.periodOf(lastAutomaticDay));
        // The kind may have changed since the last invoice (monthly, now weekly): never a period it half covers.
        return next.firstDay().isAfter(lastAutomaticDay)
                ? next
                : DuePlanner.firstPeriod(kind, lastAutomaticDay.plusDays(1));
    }

    /** How many rows match, on the caller's connection (the dashboard's). */
    public static long count(Connection connection, Filter filter) throws SQLException {
        Where where = Where.of(filter);
        try (PreparedStatement select = connection.prepareStatement("SELECT count(*)" + PAIRS + where.sql)) {
            where.bind(select, 1);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    static List<Row> page(Connection connection, Filter filter, int first, int size) throws SQLException {
        if (first < 0) {
            throw new InvoicingException(ErrorCode.VALIDATION_FAILED, "first", "The first row counts from 0.");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvoicingException(
                    ErrorCode.VALIDATION_FAILED, "size", "The page size is from 1 to " + MAX_PAGE_SIZE + ".");
        }
        Where where = Where.of(filter);
        // The page is cut first, in the inner query; the latest invoice and failure are then looked up for
        // its rows only (through the indexes on account and direction), never for every account.
        String sql = """
                SELECT p.*, li.id AS invoice_id, li.number, li.first_day, li.last_day, la.last_day AS auto_last_day,
                       lf.code, lf.reason, lf.ended_at
                FROM (SELECT a.id AS account_id, a.name AS account_name, c.name AS contractor_name, d.direction,
                             s.invoice_period, s.generate_from
                      """ + PAIRS + where.sql + """
                       ORDER BY a.id, d.direction LIMIT ? OFFSET ?) p
                LEFT JOIN LATERAL (SELECT i.id, i.number, i.first_day, i.last_day FROM invoice i
                                   WHERE i.account_id = p.account_id AND i.direction = p.direction AND i.kind = 'INVOICE'
                                   ORDER BY i.start_at DESC, i.id DESC LIMIT 1) li ON true
                LEFT JOIN LATERAL (SELECT i.last_day FROM invoice i
                                   WHERE i.account_id = p.account_id AND i.direction = p.direction AND i.kind = 'INVOICE'
                                     AND i.type IN ('AUTO', 'AUTO_PARTIAL')
                                     AND NOT EXISTS (SELECT 1 FROM invoice note WHERE note.credited_invoice_id = i.id)
                                   ORDER BY i.start_at DESC, i.id DESC LIMIT 1) la ON p.invoice_period IS NOT NULL
                LEFT JOIN LATERAL (SELECT g.code, g.reason, g.ended_at FROM generation_item g
                                   WHERE g.account_id = p.account_id AND g.direction = p.direction
                                     AND g.status = 'FAILED'
                                   ORDER BY g.ended_at DESC NULLS LAST, g.id DESC LIMIT 1) lf ON true
                ORDER BY p.account_id, p.direction
                """;
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int next = where.bind(select, 1);
            select.setInt(next++, size);
            select.setInt(next, first);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(row(row));
                }
            }
        }
        return rows;
    }

    static int changeMany(
            Connection connection, Collection<Pair> pairs, InvoicePeriod period, LocalDate generateFrom, Instant now)
            throws SQLException {
        Set<Pair> distinct = validPairs(pairs);
        if (period == null) {
            throw new InvoicingException(ErrorCode.VALIDATION_FAILED, "invoicePeriod", "invoicePeriod is required.");
        }
        if (generateFrom == null) {
            throw new InvoicingException(ErrorCode.VALIDATION_FAILED, "generateFrom", "generateFrom is required.");
        }
        requireAccounts(connection, distinct);
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO account_auto_invoicing (account_id, direction, invoice_period, generate_from, updated_at)
                SELECT p.account_id, p.direction, ?, ?, ? FROM unnest(?::bigint[], ?::varchar[]) AS p(account_id, direction)
                ON CONFLICT (account_id, direction) DO UPDATE SET invoice_period = excluded.invoice_period,
                    generate_from = excluded.generate_from, updated_at = excluded.updated_at
                """)) {
            upsert.setString(1, period.name());
            upsert.setObject(2, generateFrom);
            Jdbc.setInstant(upsert, 3, now);
            bindPairs(connection, upsert, 4, distinct);
            return upsert.executeUpdate();
        }
    }

    static int stopMany(Connection connection, Collection<Pair> pairs) throws SQLException {
        Set<Pair> distinct = validPairs(pairs);
        requireAccounts(connection, distinct);
        try (PreparedStatement delete = connection.prepareStatement("""
                DELETE FROM account_auto_invoicing s USING unnest(?::bigint[], ?::varchar[]) AS p(account_id, direction)
                WHERE s.account_id = p.account_id AND s.direction = p.direction
                """)) {
            bindPairs(connection, delete, 1, distinct);
            return delete.executeUpdate();
        }
    }

    /** The pairs once each; none, or one without its account or direction, is refused. */
    private static Set<Pair> validPairs(Collection<Pair> pairs) {
        if (pairs == null || pairs.isEmpty()) {
            throw new InvoicingException(ErrorCode.VALIDATION_FAILED, "selection", "Select at least one account.");
        }
        Set<Pair> distinct = new LinkedHashSet<>();
        for (Pair pair : pairs) {
            if (pair == null || pair.direction() == null) {
                throw new InvoicingException(
                        ErrorCode.VALIDATION_FAILED, "direction", "direction is CUSTOMER or VENDOR.");
            }
            distinct.add(pair);
        }
        return distinct;
    }

    /** Refuses the whole request, before anything is written, when an account does not exist. */
    private static void requireAccounts(Connection connection, Set<Pair> pairs) throws SQLException {
        List<Long> missing = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT w.id FROM unnest(?::bigint[]) AS w(id)"
                + " WHERE NOT EXISTS (SELECT 1 FROM account a WHERE a.id = w.id) ORDER BY w.id")) {
            select.setArray(
                    1,
                    connection.createArrayOf(
                            "bigint",
                            pairs.stream().map(Pair::accountId).distinct().toArray(Long[]::new)));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    missing.add(row.getLong(1));
                }
            }
        }
        if (!missing.isEmpty()) {
            String ids = missing.stream().map(String::valueOf).collect(Collectors.joining(", "));
            throw new InvoicingException(
                    ErrorCode.ACCOUNT_NOT_FOUND,
                    "accountId",
                    missing.size() == 1 ? "There is no account " + ids + "." : "There are no accounts " + ids + ".");
        }
    }

    private static void bindPairs(Connection connection, PreparedStatement statement, int index, Set<Pair> pairs)
            throws SQLException {
        Array accounts = connection.createArrayOf(
                "bigint", pairs.stream().map(Pair::accountId).toArray(Long[]::new));
        Array directions = connection.createArrayOf(
                "varchar", pairs.stream().map(pair -> pair.direction().name()).toArray(String[]::new));
        statement.setArray(index, accounts);
        statement.setArray(index + 1, directions);
    }

    private static Row row(ResultSet row) throws SQLException {
        String kindName = row.getString("invoice_period");
        InvoicePeriod kind = kindName == null ? null : InvoicePeriod.valueOf(kindName);
        LocalDate generateFrom = row.getObject("generate_from", LocalDate.class);
        Days nextDue = null;
        if (kind != null) {
            AutoPeriod next = nextDue(kind, generateFrom, row.getObject("auto_last_day", LocalDate.class));
            nextDue = new Days(next.firstDay(), next.lastDay());
        }
        Long invoiceId = Jdbc.nullableLong(row, "invoice_id");
        LastInvoice lastInvoice = invoiceId == null
                ? null
                : new LastInvoice(
                        invoiceId,
                        row.getString("number"),
                        new Days(
                                row.getObject("first_day", LocalDate.class),
                                row.getObject("last_day", LocalDate.class)));
        String code = row.getString("code");
        LastFailure lastFailure =
                code == null ? null : new LastFailure(code, row.getString("reason"), Jdbc.instant(row, "ended_at"));
        return new Row(
                row.getLong("account_id"),
                row.getString("account_name"),
                row.getString("contractor_name"),
                Direction.valueOf(row.getString("direction")),
                kind,
                generateFrom,
                nextDue,
                lastInvoice,
                lastFailure);
    }

    /** Every account in both directions, with its settings when it has some. */
    private static final String PAIRS = """
             FROM account a
             JOIN contractor c ON c.id = a.contractor_id
             CROSS JOIN (VALUES ('CUSTOMER'), ('VENDOR')) AS d(direction)
             LEFT JOIN account_auto_invoicing s ON s.account_id = a.id AND s.direction = d.direction
             WHERE true""";

    /** The filter as SQL conditions on {@link #PAIRS}, and their parameters. */
    private record Where(String sql, List<Object> parameters) {

        static Where of(Filter filter) {
            StringBuilder sql = new StringBuilder();
            List<Object> parameters = new ArrayList<>();
            Filter f = filter == null ? Filter.all() : filter;
            String text = f.text() == null ? "" : f.text().strip();
            if (!text.isEmpty()) {
                String pattern = "%"
                        + text.toLowerCase(Locale.ROOT)
                                .replace("\\", "\\\\")
                                .replace("%", "\\%")
                                .replace("_", "\\_") + "%";
                sql.append(" AND (lower(a.name) LIKE ? OR lower(c.name) LIKE ? OR a.id::text = ?)");
                parameters.add(pattern);
                parameters.add(pattern);
                parameters.add(text);
            }
            if (f.direction() != null) {
                sql.append(" AND d.direction = ?");
                parameters.add(f.direction().name());
            }
            if (Boolean.TRUE.equals(f.automatic())) {
                sql.append(" AND s.account_id IS NOT NULL");
            } else if (Boolean.FALSE.equals(f.automatic())) {
                sql.append(" AND s.account_id IS NULL");
            }
            if (f.period() != null) {
                sql.append(" AND s.invoice_period = ?");
                parameters.add(f.period().name());
            }
            if (f.failing()) {
                sql.append(" AND ").append(FAILING);
            }
            return new Where(sql.toString(), parameters);
        }

        /** Binds the parameters from {@code index} on; returns the next free index. */
        int bind(PreparedStatement statement, int index) throws SQLException {
            int next = index;
            for (Object parameter : parameters) {
                statement.setObject(next++, parameter);
            }
            return next;
        }
    }

    private Connection connection() {
        return em.unwrap(Connection.class);
    }
}
