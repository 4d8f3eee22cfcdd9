package org.billing.invoicing.invoice;

import static org.billing.invoicing.common.Jdbc.instant;
import static org.billing.invoicing.common.Jdbc.nullableInteger;
import static org.billing.invoicing.common.Jdbc.nullableLong;
import static org.billing.invoicing.common.Jdbc.setInstant;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.billing.invoicing.database.DatabaseTimeouts;
import org.billing.invoicing.period.BillingPeriod;
import org.billing.invoicing.platform.PaymentModel;

/**
 * Computes an invoice's figures in the database. CDRs never come into Java: one statement scans the
 * account's calls of the period once and groups them three ways at the same time (GROUPING SETS):
 * by destination, by network, and in total; the "successful only" tables are the same groups with
 * their aggregates filtered on {@code success}. A second small statement sums the service
 * transactions. A prepay account's customer invoice reads three more small lists (seed 002): its
 * charges (the same service transactions, one by one), the subscriptions they reference, and the
 * balance corrections of the period. Calculate and Create both use this class, so a dry run shows
 * exactly what is stored.
 */
public final class InvoiceCalculator {

    /** {@code GROUPING(prefix, country, network, rate)}: 0 for the destination groups, 8 for the network groups. */
    private static final int DESTINATION_LEVEL = 0;
    /** Everything rolled up: the totals. */
    private static final int TOTAL_LEVEL = 15;

    /*
     * The list of account-periods names each account once (calculateAll asks for an account's further
     * periods in further rounds); DISTINCT ON tells the planner so. Without it the planner, knowing
     * nothing of how many accounts an unnest holds, may hash the month's calls to probe them with the
     * list (measured on 2 M calls: a 105 MB hash spilled to disk, on one core) or sort them all for a
     * merge join, where hashing the list and streaming the calls past it on every worker costs nothing.
     *
     * Two steps: the calls are first summed by their finest grain (destination, success, reverse
     * billing) in one hash aggregate with few aggregates per row, then the few hundred sums are grouped
     * three ways. Summing every FILTER variant per call directly costs about twice as much.
     */
    private static final String CALLS_SQL = """
            SELECT a.*, co.name AS country, n.name AS network
            FROM (
                SELECT g.k, GROUPING(g.prefix, g.country_id, g.network_id, g.rate) AS level,
                       g.prefix AS dst_prefix, g.country_id, g.network_id, g.rate,
                       sum(g.calls) AS calls,
                       coalesce(sum(g.calls) FILTER (WHERE g.success), 0) AS succ_calls,
                       sum(g.duration) AS duration,
                       coalesce(sum(g.duration) FILTER (WHERE g.success), 0) AS succ_duration,
                       sum(g.billed) AS billed,
                       coalesce(sum(g.billed) FILTER (WHERE g.success), 0) AS succ_billed,
                       sum(g.amount) AS amount,
                       coalesce(sum(g.amount) FILTER (WHERE g.success), 0) AS succ_amount,
                       coalesce(sum(g.amount) FILTER (WHERE NOT g.reverse), 0) AS normal_amount,
                       coalesce(sum(g.amount) FILTER (WHERE g.reverse), 0) AS reverse_amount,
                       min(g.first_call) AS first_call,
                       max(g.last_call) AS last_call,
                       min(g.first_call) FILTER (WHERE g.success) AS first_succ,
                       max(g.last_call) FILTER (WHERE g.success) AS last_succ
                FROM (
                    SELECT d.k, c.{prefix} AS prefix, c.dst_country_id AS country_id, c.dst_network_id AS network_id,
                           c.{rate} AS rate, c.success, c.{reverse} AS reverse,
                           count(*) AS calls,
                           coalesce(sum(c.duration), 0) AS duration,
                           coalesce(sum(c.{billed}), 0) AS billed,
                           coalesce(sum(c.{price}), 0) AS amount,
                           min(c.time_start) AS first_call,
                           max(c.time_start) AS last_call
                    FROM (SELECT DISTINCT ON (u.account_id) u.*
                          FROM unnest(?::bigint[], ?::timestamptz[], ?::timestamptz[]) WITH ORDINALITY
                              AS u(account_id, t0, t1, k)) d
                    JOIN cdr c ON c.{account} = d.account_id AND c.time_start >= d.t0 AND c.time_start < d.t1
                    WHERE c.time_start >= ? AND c.time_start < ? {attempts}
                    GROUP BY 1, 2, 3, 4, 5, 6, 7
                ) g
                GROUP BY GROUPING SETS (
                    (g.k, g.prefix, g.country_id, g.network_id, g.rate),
                    (g.k, g.country_id, g.network_id, g.rate),
                    (g.k))
            ) a
            LEFT JOIN country co ON co.id = a.country_id
            LEFT JOIN network n ON n.id = a.network_id
            ORDER BY a.k, a.level, a.dst_prefix, co.name, n.name, a.rate
            """;

    private static final String SERVICES_SQL = """
            SELECT d.k, s.id AS service_id, s.name AS service, count(*) AS transactions, sum(t.amount) AS amount,
                   coalesce(sum(t.amount) FILTER (WHERE t.amount > 0), 0) AS spent,
                   coalesce(-sum(t.amount) FILTER (WHERE t.amount < 0), 0) AS earned
            FROM unnest(?::bigint[], ?::timestamptz[], ?::timestamptz[]) WITH ORDINALITY AS d(account_id, t0, t1, k)
            JOIN service_transaction t ON t.account_id = d.account_id AND t.created_at >= d.t0 AND t.created_at < d.t1
            JOIN service s ON s.id = t.service_id
            GROUP BY d.k, s.id, s.name
            ORDER BY d.k, s.name, s.id
            """;

    /* The same transactions as SERVICES_SQL, one row each: the charges of a prepay invoice. */
    private static final String CHARGES_SQL = """
            SELECT t.id, t.service_id, t.subscription_id, t.description, t.quantity, t.duration_months,
                   t.unit_price, t.discount, t.taxes, t.amount, t.created_at
            FROM service_transaction t
            WHERE t.account_id = ? AND t.created_at >= ? AND t.created_at < ?
            ORDER BY t.created_at, t.id
            """;

    /* By the ids the charges read above reference, so that the two lists always agree. */
    private static final String SUBSCRIPTIONS_SQL = """
            SELECT s.id, s.name, s.status FROM subscription s WHERE s.id = ANY (?) ORDER BY s.id
            """;

    private static final String CORRECTIONS_SQL = """
            SELECT c.id, c.description, c.amount, c.approved_at
            FROM balance_correction c
            WHERE c.account_id = ? AND c.approved_at >= ? AND c.approved_at < ?
            ORDER BY c.approved_at, c.id
            """;

    private static final String AGGREGATION_WORK_MEM = "64MB";

    /*
     * For the scan of a whole period for many accounts. The planner, estimating the rows the scan feeds the
     * first grouping far too low (the join to the list of account-periods), judges a hash table of its
     * groups larger than 64 MB and sorts instead: measured on 10 M calls, a sort of 3.3 M rows per worker
     * spilled 250 MB each to disk and the vendor statement took 33 s; allowed 256 MB, the planner hashes on
     * every worker (30 MB each, 85 MB for the final grouping) and the statement takes 17 s. The memory is
     * only taken as the hash tables grow.
     */
    private static final String SCAN_WORK_MEM = "256MB";

    /*
     * From this many account-periods on, the calls are read in one scan of the period joined to the list
     * by hash, never by an index scan per account: the calls of all accounts are interleaved in time, so
     * each account's index scan visits nearly every heap page again (measured on 10 M calls: 100 accounts
     * by index scans took 111 s, the scan of the whole month a few seconds). The planner, estimating
     * each account's calls as the average, would choose the index scans.
     */
    private static final int SCAN_FROM = 50;

    private static final Map<CallSide, String> CALLS_SQL_BY_SIDE = new EnumMap<>(CallSide.class);

    static {
        for (CallSide side : CallSide.values()) {
            CALLS_SQL_BY_SIDE.put(
                    side,
                    CALLS_SQL
                            .replace("{prefix}", side.prefixColumn())
                            .replace("{rate}", side.rateColumn())
                            .replace("{billed}", side.billedDurationColumn())
                            .replace("{price}", side.priceColumn())
                            .replace("{reverse}", side.reverseBillingColumn())
                            .replace("{account}", side.accountColumn())
                            .replace("{attempts}", side.lastAttemptsOnly() ? "AND c.is_last_cdr" : ""));
        }
    }

    /** One invoice to compute: an account's calls in one direction over one period. */
    public record Calculation(long accountId, Direction direction, PaymentModel paymentModel, BillingPeriod period) {}

    /**
     * Call it inside a transaction, which sets three things for itself only: a statement timeout long
     * enough for the aggregation ({@link DatabaseTimeouts#aggregation()}), the memory the aggregation
     * needs to hash in memory ({@code work_mem} defaults to 4 MB, which spills 100 k calls to disk),
     * and a plan made for the actual account and period (after five executions the driver's prepared
     * statement would get a generic plan, blind to how many calls the account has).
     *
     * @param paymentModel the account's payment model: a PREPAY account's customer invoice has
     *                     charges, subscriptions and corrections, and its amount counts the corrections
     */
    public InvoiceFigures calculate(
            Connection connection, long accountId, Direction direction, PaymentModel paymentModel, BillingPeriod period)
            throws SQLException {
        return calculateAll(connection, List.of(new Calculation(accountId, direction, paymentModel, period)))
                .get(0);
    }

    /**
     * The figures of many invoices at once, in the order asked: automatic invoicing's set-based route,
     * and the same statements Calculate runs for one. Per direction, one statement joins the list of
     * account-periods to the calls and groups them by invoice as well; one more sums their services.
     * Prepay details are small per-account lists and are read per invoice.
     */
    public List<InvoiceFigures> calculateAll(Connection connection, List<Calculation> calculations)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // The sessions' statement timeout is for requests; a period of tens of millions of CDRs takes longer.
            statement.execute("SELECT " + DatabaseTimeouts.configured().aggregationSetting() + ","
                    + " set_config('work_mem', '" + AGGREGATION_WORK_MEM + "', true),"
                    + " set_config('plan_cache_mode', 'force_custom_plan', true)");
        }
        List<Map<DetailTable, List<CallLine>>> tables = new ArrayList<>();
        CallTotals[] calls = new CallTotals[calculations.size()];
        ServiceTotals[] services = new ServiceTotals[calculations.size()];
        List<List<ServiceLine>> serviceLines = new ArrayList<>();
        for (int i = 0; i < calculations.size(); i++) {
            Map<DetailTable, List<CallLine>> byTable = new EnumMap<>(DetailTable.class);
            DetailTable.callTables(CallSide.of(calculations.get(i).direction()))
                    .forEach(table -> byTable.put(table, new ArrayList<>()));
            tables.add(byTable);
            calls[i] = CallTotals.NONE;
            services[i] = ServiceTotals.NONE;
            serviceLines.add(new ArrayList<>());
        }
        for (CallSide side : CallSide.values()) {
            for (List<Integer> indexes : rounds(calculations, indexesOf(calculations, CallSide.directionOf(side)))) {
                sumCalls(connection, side, calculations, indexes, calls, tables);
            }
        }
        List<Integer> customers = indexesOf(calculations, Direction.CUSTOMER);
        if (!customers.isEmpty()) {
            services(connection, calculations, customers, services, serviceLines);
        }
        List<InvoiceFigures> figures = new ArrayList<>();
        for (int i = 0; i < calculations.size(); i++) {
            Calculation calculation = calculations.get(i);
            PrepayDetails prepay = PrepayTable.belongTo(calculation.direction(), calculation.paymentModel())
                    ? prepayDetails(connection, calculation.accountId(), calculation.period())
                    : PrepayDetails.NONE;
            figures.add(new InvoiceFigures(
                    calculation.direction(), calls[i], services[i], tables.get(i), serviceLines.get(i), prepay));
        }
        return figures;
    }

    /**
     * Splits the account-periods of one direction into rounds that name each account at most once: the
     * first period of every account, then the second of those that have more, and so on (a run catching
     * up on an account invoiced daily has many periods of it). One statement per round.
     */
    static List<List<Integer>> rounds(List<Calculation> calculations, List<Integer> indexes) {
        List<List<Integer>> rounds = new ArrayList<>();
        Map<Long, Integer> seen = new HashMap<>();
        for (int index : indexes) {
            int round = seen.merge(calculations.get(index).accountId(), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(index);
        }
        return rounds;
    }

    /** The calls of one round of account-periods of one side, into their invoices' totals and tables. */
    private static void sumCalls(
            Connection connection,
            CallSide side,
            List<Calculation> calculations,
            List<Integer> indexes,
            CallTotals[] calls,
            List<Map<DetailTable, List<CallLine>>> tables)
            throws SQLException {
        boolean scan = indexes.size() >= SCAN_FROM;
        try (Statement settings = connection.createStatement()) {
            settings.execute("SELECT set_config('enable_nestloop', '" + (scan ? "off" : "on") + "', true),"
                    + " set_config('work_mem', '" + (scan ? SCAN_WORK_MEM : AGGREGATION_WORK_MEM) + "', true)");
        }
        try (PreparedStatement statement = connection.prepareStatement(CALLS_SQL_BY_SIDE.get(side))) {
            int next = bindDueList(connection, statement, calculations, indexes);
            bindWidestBounds(statement, next, calculations, indexes);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    int index = indexes.get(row.getInt("k") - 1);
                    int level = row.getInt("level");
                    if (level == TOTAL_LEVEL) {
                        calls[index] = totals(row, side);
                    } else {
                        addLines(row, level == DESTINATION_LEVEL, side, tables.get(index));
                    }
                }
            }
        }
    }

    private static List<Integer> indexesOf(List<Calculation> calculations, Direction direction) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < calculations.size(); i++) {
            if (calculations.get(i).direction() == direction) {
                indexes.add(i);
            }
        }
        return indexes;
    }

    /** Binds the account-periods as three arrays (the statement numbers them 1..n); returns the next parameter. */
    private static int bindDueList(
            Connection connection, PreparedStatement statement, List<Calculation> calculations, List<Integer> indexes)
            throws SQLException {
        Long[] accounts = new Long[indexes.size()];
        String[] starts = new String[indexes.size()];
        String[] ends = new String[indexes.size()];
        for (int i = 0; i < indexes.size(); i++) {
            Calculation calculation = calculations.get(indexes.get(i));
            accounts[i] = calculation.accountId();
            // ISO-8601 instants: the database reads them as timestamptz whatever the session's zone.
            starts[i] = calculation.period().start().toString();
            ends[i] = calculation.period().end().toString();
        }
        statement.setArray(1, connection.createArrayOf("bigint", accounts));
        statement.setArray(2, connection.createArrayOf("text", starts));
        statement.setArray(3, connection.createArrayOf("text", ends));
        return 4;
    }

    /** The earliest start and latest end of the list, as constants the planner prunes the cdr partitions by. */
    private static void bindWidestBounds(
            PreparedStatement statement, int first, List<Calculation> calculations, List<Integer> indexes)
            throws SQLException {
        Instant start = null;
        Instant end = null;
        for (int index : indexes) {
            BillingPeriod period = calculations.get(index).period();
            start = start == null || period.start().isBefore(start) ? period.start() : start;
            end = end == null || period.end().isAfter(end) ? period.end() : end;
        }
        setInstant(statement, first, start);
        setInstant(statement, first + 1, end);
    }

    private static void bindAccountAndPeriod(PreparedStatement statement, long accountId, BillingPeriod period)
            throws SQLException {
        statement.setLong(1, accountId);
        setInstant(statement, 2, period.start());
        setInstant(statement, 3, period.end());
    }

    private static CallTotals totals(ResultSet row, CallSide side) throws SQLException {
        BigDecimal normal = row.getBigDecimal("normal_amount");
        BigDecimal reverse = row.getBigDecimal("reverse_amount");
        // Originating to a reverse-billing destination earns the account money; terminating through a
        // reverse-billing dialpeer costs it money.
        boolean originated = side == CallSide.ORIGINATED;
        return new CallTotals(
                row.getLong("calls"),
                row.getLong("succ_calls"),
                row.getLong("duration"),
                row.getLong("billed"),
                originated ? normal : reverse,
                originated ? reverse : normal,
                instant(row, "first_call"),
                instant(row, "last_call"),
                instant(row, "first_succ"),
                instant(row, "last_succ"));
    }

    private static void addLines(
            ResultSet row, boolean byDestination, CallSide side, Map<DetailTable, List<CallLine>> tables)
            throws SQLException {
        String prefix = byDestination ? row.getString("dst_prefix") : null;
        Long countryId = nullableLong(row, "country_id");
        Long networkId = nullableLong(row, "network_id");
        String country = row.getString("country");
        String network = row.getString("network");
        BigDecimal rate = row.getBigDecimal("rate");
        DetailTable.Grouping grouping = byDestination ? DetailTable.Grouping.DESTINATION : DetailTable.Grouping.NETWORK;
        long successful = row.getLong("succ_calls");
        tables.get(DetailTable.of(side, grouping, false))
                .add(new CallLine(
                        prefix,
                        countryId,
                        country,
                        networkId,
                        network,
                        rate,
                        row.getLong("calls"),
                        successful,
                        row.getLong("duration"),
                        row.getLong("billed"),
                        row.getBigDecimal("amount"),
                        instant(row, "first_call"),
                        instant(row, "last_call")));
        if (successful > 0) {
            tables.get(DetailTable.of(side, grouping, true))
                    .add(new CallLine(
                            prefix,
                            countryId,
                            country,
                            networkId,
                            network,
                            rate,
                            successful,
                            successful,
                            row.getLong("succ_duration"),
                            row.getLong("succ_billed"),
                            row.getBigDecimal("succ_amount"),
                            instant(row, "first_succ"),
                            instant(row, "last_succ")));
        }
    }

    private static void services(
            Connection connection,
            List<Calculation> calculations,
            List<Integer> indexes,
            ServiceTotals[] totals,
            List<List<ServiceLine>> lines)
            throws SQLException {
        long[] count = new long[calculations.size()];
        BigDecimal[] spent = new BigDecimal[calculations.size()];
        BigDecimal[] earned = new BigDecimal[calculations.size()];
        Arrays.fill(spent, BigDecimal.ZERO);
        Arrays.fill(earned, BigDecimal.ZERO);
        try (PreparedStatement statement = connection.prepareStatement(SERVICES_SQL)) {
            bindDueList(connection, statement, calculations, indexes);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    int index = indexes.get(row.getInt("k") - 1);
                    ServiceLine line = new ServiceLine(
                            row.getLong("service_id"),
                            row.getString("service"),
                            row.getLong("transactions"),
                            row.getBigDecimal("amount"));
                    lines.get(index).add(line);
                    count[index] += line.transactionsCount();
                    spent[index] = spent[index].add(row.getBigDecimal("spent"));
                    earned[index] = earned[index].add(row.getBigDecimal("earned"));
                }
            }
        }
        for (int index : indexes) {
            totals[index] = new ServiceTotals(count[index], spent[index], earned[index]);
        }
    }

    private static PrepayDetails prepayDetails(Connection connection, long accountId, BillingPeriod period)
            throws SQLException {
        ZoneId zone = period.zone();
        List<ChargeLine> charges = new ArrayList<>();
        Set<Long> subscriptionIds = new LinkedHashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(CHARGES_SQL)) {
            bindAccountAndPeriod(statement, accountId, period);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    Long subscriptionId = nullableLong(row, "subscription_id");
                    if (subscriptionId != null) {
                        subscriptionIds.add(subscriptionId);
                    }
                    charges.add(new ChargeLine(
                            charges.size() + 1,
                            row.getLong("id"),
                            row.getLong("service_id"),
                            subscriptionId,
                            row.getString("description"),
                            row.getBigDecimal("quantity"),
                            nullableInteger(row, "duration_months"),
                            row.getBigDecimal("unit_price"),
                            row.getBigDecimal("discount"),
                            row.getBigDecimal("taxes"),
                            row.getBigDecimal("amount"),
                            InvoiceViews.at(instant(row, "created_at"), zone)));
                }
            }
        }
        List<SubscriptionLine> subscriptions = new ArrayList<>();
        if (!subscriptionIds.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement(SUBSCRIPTIONS_SQL)) {
                statement.setArray(1, connection.createArrayOf("bigint", subscriptionIds.toArray()));
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        subscriptions.add(new SubscriptionLine(
                                row.getLong("id"), row.getString("name"), row.getString("status")));
                    }
                }
            }
        }
        List<CorrectionLine> corrections = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(CORRECTIONS_SQL)) {
            bindAccountAndPeriod(statement, accountId, period);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    corrections.add(new CorrectionLine(
                            corrections.size() + 1,
                            row.getLong("id"),
                            row.getString("description"),
                            row.getBigDecimal("amount"),
                            InvoiceViews.at(instant(row, "approved_at"), zone)));
                }
            }
        }
        return new PrepayDetails(charges, subscriptions, corrections);
    }
}
