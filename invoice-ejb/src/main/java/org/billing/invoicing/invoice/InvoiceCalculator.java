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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
     * Two steps: the calls are first summed by their finest grain (destination, success, reverse
     * billing) in one hash aggregate with few aggregates per row, then the few hundred sums are grouped
     * three ways. Summing every FILTER variant per call directly costs about twice as much.
     */
    private static final String CALLS_SQL = """
            SELECT a.*, co.name AS country, n.name AS network
            FROM (
                SELECT GROUPING(g.prefix, g.country_id, g.network_id, g.rate) AS level,
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
                    SELECT c.{prefix} AS prefix, c.dst_country_id AS country_id, c.dst_network_id AS network_id,
                           c.{rate} AS rate, c.success, c.{reverse} AS reverse,
                           count(*) AS calls,
                           coalesce(sum(c.duration), 0) AS duration,
                           coalesce(sum(c.{billed}), 0) AS billed,
                           coalesce(sum(c.{price}), 0) AS amount,
                           min(c.time_start) AS first_call,
                           max(c.time_start) AS last_call
                    FROM cdr c
                    WHERE c.{account} = ? AND c.time_start >= ? AND c.time_start < ? {attempts}
                    GROUP BY 1, 2, 3, 4, 5, 6
                ) g
                GROUP BY GROUPING SETS (
                    (g.prefix, g.country_id, g.network_id, g.rate),
                    (g.country_id, g.network_id, g.rate),
                    ())
            ) a
            LEFT JOIN country co ON co.id = a.country_id
            LEFT JOIN network n ON n.id = a.network_id
            ORDER BY a.level, a.dst_prefix, co.name, n.name, a.rate
            """;

    private static final String SERVICES_SQL = """
            SELECT s.id AS service_id, s.name AS service, count(*) AS transactions, sum(t.amount) AS amount,
                   coalesce(sum(t.amount) FILTER (WHERE t.amount > 0), 0) AS spent,
                   coalesce(-sum(t.amount) FILTER (WHERE t.amount < 0), 0) AS earned
            FROM service_transaction t
            JOIN service s ON s.id = t.service_id
            WHERE t.account_id = ? AND t.created_at >= ? AND t.created_at < ?
            GROUP BY s.id, s.name
            ORDER BY s.name, s.id
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

    private static final Map<CallSide, String> CALLS_SQL_BY_SIDE = new EnumMap<>(CallSide.class);

    static {
        for (CallSide side : CallSide.values()) {
            CALLS_SQL_BY_SIDE.put(side, CALLS_SQL
                    .replace("{prefix}", side.prefixColumn())
                    .replace("{rate}", side.rateColumn())
                    .replace("{billed}", side.billedDurationColumn())
                    .replace("{price}", side.priceColumn())
                    .replace("{reverse}", side.reverseBillingColumn())
                    .replace("{account}", side.accountColumn())
                    .replace("{attempts}", side.lastAttemptsOnly() ? "AND c.is_last_cdr" : ""));
        }
    }

    /**
     * Call it inside a transaction, which sets two things for itself only: the memory the aggregation
     * needs to hash in memory ({@code work_mem} defaults to 4 MB, which spills 100 k calls to disk),
     * and a plan made for the actual account and period (after five executions the driver's prepared
     * statement would get a generic plan, blind to how many calls the account has).
     *
     * @param paymentModel the account's payment model: a PREPAY account's customer invoice has
     *                     charges, subscriptions and corrections, and its amount counts the corrections
     */
    public InvoiceFigures calculate(Connection connection, long accountId, Direction direction,
                                    PaymentModel paymentModel, BillingPeriod period) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT set_config('work_mem', '" + AGGREGATION_WORK_MEM + "', true),"
                    + " set_config('plan_cache_mode', 'force_custom_plan', true)");
        }
        CallSide side = CallSide.of(direction);
        Map<DetailTable, List<CallLine>> tables = new EnumMap<>(DetailTable.class);
        DetailTable.callTables(side).forEach(table -> tables.put(table, new ArrayList<>()));
        CallTotals calls = CallTotals.NONE;
        try (PreparedStatement statement = connection.prepareStatement(CALLS_SQL_BY_SIDE.get(side))) {
            bindAccountAndPeriod(statement, accountId, period);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    int level = row.getInt("level");
                    if (level == TOTAL_LEVEL) {
                        calls = totals(row, side);
                    } else {
                        addLines(row, level == DESTINATION_LEVEL, side, tables);
                    }
                }
            }
        }
        List<ServiceLine> serviceLines = new ArrayList<>();
        ServiceTotals services = ServiceTotals.NONE;
        if (direction == Direction.CUSTOMER) {
            services = services(connection, accountId, period, serviceLines);
        }
        PrepayDetails prepay = PrepayTable.belongTo(direction, paymentModel)
                ? prepayDetails(connection, accountId, period)
                : PrepayDetails.NONE;
        return new InvoiceFigures(direction, calls, services, tables, serviceLines, prepay);
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
        return new CallTotals(row.getLong("calls"), row.getLong("succ_calls"), row.getLong("duration"),
                row.getLong("billed"), originated ? normal : reverse, originated ? reverse : normal,
                instant(row, "first_call"), instant(row, "last_call"),
                instant(row, "first_succ"), instant(row, "last_succ"));
    }

    private static void addLines(ResultSet row, boolean byDestination, CallSide side,
                                 Map<DetailTable, List<CallLine>> tables) throws SQLException {
        String prefix = byDestination ? row.getString("dst_prefix") : null;
        Long countryId = nullableLong(row, "country_id");
        Long networkId = nullableLong(row, "network_id");
        String country = row.getString("country");
        String network = row.getString("network");
        BigDecimal rate = row.getBigDecimal("rate");
        DetailTable.Grouping grouping = byDestination ? DetailTable.Grouping.DESTINATION : DetailTable.Grouping.NETWORK;
        long successful = row.getLong("succ_calls");
        tables.get(DetailTable.of(side, grouping, false)).add(new CallLine(prefix, countryId, country, networkId, network, rate,
                row.getLong("calls"), successful, row.getLong("duration"), row.getLong("billed"),
                row.getBigDecimal("amount"), instant(row, "first_call"), instant(row, "last_call")));
        if (successful > 0) {
            tables.get(DetailTable.of(side, grouping, true)).add(new CallLine(prefix, countryId, country, networkId, network,
                    rate, successful, successful, row.getLong("succ_duration"), row.getLong("succ_billed"),
                    row.getBigDecimal("succ_amount"), instant(row, "first_succ"), instant(row, "last_succ")));
        }
    }

    private static ServiceTotals services(Connection connection, long accountId, BillingPeriod period,
                                          List<ServiceLine> lines) throws SQLException {
        long count = 0;
        BigDecimal spent = BigDecimal.ZERO;
        BigDecimal earned = BigDecimal.ZERO;
        try (PreparedStatement statement = connection.prepareStatement(SERVICES_SQL)) {
            bindAccountAndPeriod(statement, accountId, period);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    ServiceLine line = new ServiceLine(row.getLong("service_id"), row.getString("service"),
                            row.getLong("transactions"), row.getBigDecimal("amount"));
                    lines.add(line);
                    count += line.transactionsCount();
                    spent = spent.add(row.getBigDecimal("spent"));
                    earned = earned.add(row.getBigDecimal("earned"));
                }
            }
        }
        return new ServiceTotals(count, spent, earned);
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
                    charges.add(new ChargeLine(charges.size() + 1, row.getLong("id"), row.getLong("service_id"),
                            subscriptionId, row.getString("description"), row.getBigDecimal("quantity"),
                            nullableInteger(row, "duration_months"), row.getBigDecimal("unit_price"),
                            row.getBigDecimal("discount"), row.getBigDecimal("taxes"), row.getBigDecimal("amount"),
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
                        subscriptions.add(new SubscriptionLine(row.getLong("id"), row.getString("name"),
                                row.getString("status")));
                    }
                }
            }
        }
        List<CorrectionLine> corrections = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(CORRECTIONS_SQL)) {
            bindAccountAndPeriod(statement, accountId, period);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    corrections.add(new CorrectionLine(corrections.size() + 1, row.getLong("id"),
                            row.getString("description"), row.getBigDecimal("amount"),
                            InvoiceViews.at(instant(row, "approved_at"), zone)));
                }
            }
        }
        return new PrepayDetails(charges, subscriptions, corrections);
    }
}
