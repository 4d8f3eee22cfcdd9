package org.billing.invoicing.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.billing.invoicing.demo.DemoData;
import org.billing.invoicing.demo.DemoDataSpec;
import org.billing.invoicing.demo.DemoDataSummary;
import org.billing.invoicing.demo.DemoDataSummary.HeavyAccount;
import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.invoice.InvoiceCalculator;
import org.billing.invoicing.it.Http;
import org.billing.invoicing.it.PayaraMicro;
import org.billing.invoicing.period.BillingPeriod;
import org.billing.invoicing.platform.PaymentModel;
import org.billing.invoicing.testing.PostgresDatabase;

/**
 * The benchmark of issue "Invoices from CDRs, end to end" (not a test: it prints figures).
 *
 * <p>On 2 M generated CDRs: the median time of Calculate for one account with 100 k CDRs in its month
 * (target: at most 100 ms), in the calculator itself and over REST on the deployed WAR; then the time
 * to create the invoices of every account and direction for that month over REST, next to the best
 * single SQL statement that produces the same figures for all of them, and their ratio.
 *
 * <p>Run: {@code mvn -B -Pbench -DskipTests verify} (see the README).
 */
public final class CalculationBenchmark {

    private static final int WARM_UP = 5;
    private static final int RUNS = 31;

    public static void main(String[] args) throws Exception {
        try (PostgresDatabase database = PostgresDatabase.startMigrated()) {
            DemoDataSummary data = new DemoData(DemoDataSpec.benchmark(Clock.systemUTC())).writeTo(database.dataSource());
            System.out.print(data.describe());
            HeavyAccount heavy = data.findHeavyAccount().orElseThrow();
            LocalDate first = heavy.month().atDay(1);
            LocalDate last = heavy.month().atEndOfMonth();
            BillingPeriod period = BillingPeriod.ofDays(first, last, ZoneId.of(heavy.timezone()));

            List<Duration> direct = timeDirectCalculation(database, heavy.accountId(), period);
            List<Duration> covered = withCoveringIndexes(database,
                    () -> timeDirectCalculation(database, heavy.accountId(), period));
            try (PayaraMicro server = PayaraMicro.start(database.environment(), "api/v1/accounts")) {
                Http http = new Http(server.baseUri()).as(org.billing.invoicing.it.Users.ADMIN);
                JsonObject request = request(heavy.accountId(), Direction.CUSTOMER, first, last);
                List<Duration> overRest = time(() -> check(http.post("api/v1/invoices/calculate", request), 200));

                long started = System.nanoTime();
                int created = 0;
                for (long accountId : data.accountIds()) {
                    for (Direction direction : Direction.values()) {
                        check(http.post("api/v1/invoices", request(accountId, direction, first, last)), 201);
                        created++;
                    }
                }
                Duration createAll = Duration.ofNanos(System.nanoTime() - started);
                Duration singleStatement = timeSingleStatement(database, first, last);

                System.out.printf(Locale.ROOT, "%nCalculate, account %d, %d CDRs in %s (%s):%n", heavy.accountId(),
                        heavy.lastAttemptCdrs(), heavy.month(), heavy.timezone());
                System.out.printf(Locale.ROOT, "  calculator (SQL + mapping): median %s ms, p90 %s ms%n",
                        millis(median(direct)), millis(percentile(direct, 90)));
                System.out.printf(Locale.ROOT, "  calculator, with the optional covering indexes: median %s ms, p90 %s ms%n",
                        millis(median(covered)), millis(percentile(covered, 90)));
                System.out.printf(Locale.ROOT, "  over REST on Payara Micro:  median %s ms, p90 %s ms  (target <= 100 ms: %s)%n",
                        millis(median(overRest)), millis(percentile(overRest, 90)),
                        median(overRest).toMillis() <= 100 ? "met" : "MISSED");
                System.out.printf(Locale.ROOT, "Create all invoices of %s (%d accounts x 2 directions = %d):%n",
                        heavy.month(), data.accountIds().size(), created);
                System.out.printf(Locale.ROOT, "  over REST, one after the other: %s ms%n", millis(createAll));
                System.out.printf(Locale.ROOT, "  best single SQL statement, same figures: %s ms%n", millis(singleStatement));
                System.out.printf(Locale.ROOT, "  ratio create-all / single statement: %.2f%n",
                        createAll.toNanos() / (double) singleStatement.toNanos());
            }
        }
    }

    /** The account's payment model, as the service passes it: a prepay account's charges are read too. */
    private static PaymentModel paymentModel(Connection connection, long accountId) throws Exception {
        try (PreparedStatement select = connection.prepareStatement("SELECT payment_model FROM account WHERE id = ?")) {
            select.setLong(1, accountId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return PaymentModel.valueOf(row.getString(1));
            }
        }
    }

    private static List<Duration> timeDirectCalculation(PostgresDatabase database, long accountId, BillingPeriod period)
            throws Exception {
        InvoiceCalculator calculator = new InvoiceCalculator();
        try (Connection connection = database.connection()) {
            PaymentModel model = paymentModel(connection, accountId);
            // As in the service: each calculation in a transaction of its own.
            connection.setAutoCommit(false);
            return time(() -> {
                calculator.calculate(connection, accountId, Direction.CUSTOMER, model, period);
                connection.commit();
            });
        }
    }

    /**
     * Measures with the indexes of {@code db/optional/cdr_covering_indexes.sql}, then drops them again,
     * so that the rest of the benchmark runs on the platform contract's indexes alone.
     */
    private static List<Duration> withCoveringIndexes(PostgresDatabase database, Measurement measurement)
            throws Exception {
        String script;
        try (var in = CalculationBenchmark.class.getResourceAsStream("/db/optional/cdr_covering_indexes.sql")) {
            script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        try (Connection connection = database.connection(); var statement = connection.createStatement()) {
            statement.execute(script);
            // Index-only scans need the visibility map, which VACUUM sets.
            statement.execute("VACUUM ANALYZE cdr");
            try {
                return measurement.run();
            } finally {
                statement.execute("DROP INDEX cdr_customer_invoicing_idx, cdr_vendor_invoicing_idx");
            }
        }
    }

    private interface Measurement {
        List<Duration> run() throws Exception;
    }

    /**
     * Every figure of every account's customer and vendor invoice for the month (each account in its
     * own zone), in one statement: the same groupings as the calculator, over all accounts at once.
     */
    private static Duration timeSingleStatement(PostgresDatabase database, LocalDate first, LocalDate last)
            throws Exception {
        String side = """
                SELECT '%1$s' AS direction, c.%2$s AS account_id,
                       GROUPING(c.%3$s, c.dst_country_id, c.dst_network_id, c.%4$s) AS level,
                       c.%3$s AS prefix, c.dst_country_id, c.dst_network_id, c.%4$s AS rate,
                       count(*) AS calls, count(*) FILTER (WHERE c.success) AS succ_calls,
                       sum(c.duration) AS duration, sum(c.duration) FILTER (WHERE c.success) AS succ_duration,
                       sum(c.%5$s) AS billed, sum(c.%5$s) FILTER (WHERE c.success) AS succ_billed,
                       sum(c.%6$s) AS amount, sum(c.%6$s) FILTER (WHERE c.success) AS succ_amount,
                       sum(c.%6$s) FILTER (WHERE NOT c.%7$s) AS normal_amount,
                       sum(c.%6$s) FILTER (WHERE c.%7$s) AS reverse_amount,
                       min(c.time_start) AS first_call, max(c.time_start) AS last_call,
                       min(c.time_start) FILTER (WHERE c.success) AS first_succ,
                       max(c.time_start) FILTER (WHERE c.success) AS last_succ
                FROM cdr c JOIN bounds b ON b.id = c.%2$s AND c.time_start >= b.t0 AND c.time_start < b.t1
                WHERE c.time_start >= ? AND c.time_start < ? %8$s
                GROUP BY GROUPING SETS ((c.%2$s, c.%3$s, c.dst_country_id, c.dst_network_id, c.%4$s),
                                        (c.%2$s, c.dst_country_id, c.dst_network_id, c.%4$s), (c.%2$s))
                """;
        String sql = "WITH bounds AS (SELECT a.id, ?::timestamp AT TIME ZONE a.timezone AS t0,"
                + " ?::timestamp AT TIME ZONE a.timezone AS t1 FROM account a)\n"
                + side.formatted("CUSTOMER", "customer_acc_id", "destination_prefix", "destination_next_rate",
                        "customer_duration", "customer_price", "destination_reverse_billing", "AND c.is_last_cdr")
                + "UNION ALL\n"
                + side.formatted("VENDOR", "vendor_acc_id", "dialpeer_prefix", "dialpeer_next_rate",
                        "vendor_duration", "vendor_price", "dialpeer_reverse_billing", "")
                + """
                UNION ALL
                SELECT 'SERVICES', t.account_id, GROUPING(t.service_id), NULL, NULL, NULL, NULL, count(*), NULL,
                       NULL, NULL, NULL, NULL, sum(t.amount), NULL, sum(t.amount) FILTER (WHERE t.amount > 0),
                       -sum(t.amount) FILTER (WHERE t.amount < 0), NULL, NULL, NULL, NULL
                FROM service_transaction t JOIN bounds b ON b.id = t.account_id
                     AND t.created_at >= b.t0 AND t.created_at < b.t1
                GROUP BY GROUPING SETS ((t.account_id, t.service_id), (t.account_id))
                """;
        // Zones lie within UTC-12 and UTC+14: these bounds let the database prune partitions.
        java.time.Instant widestStart = first.atStartOfDay(java.time.ZoneOffset.ofHours(14)).toInstant();
        java.time.Instant widestEnd = last.plusDays(1).atStartOfDay(java.time.ZoneOffset.ofHours(-12)).toInstant();
        List<Duration> runs = new ArrayList<>();
        try (Connection connection = database.connection()) {
            for (int run = 0; run < 3; run++) {
                long started = System.nanoTime();
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setString(1, first.atStartOfDay().toString());
                    statement.setString(2, last.plusDays(1).atStartOfDay().toString());
                    for (int parameter = 3; parameter <= 6; parameter += 2) {
                        org.billing.invoicing.common.Jdbc.setInstant(statement, parameter, widestStart);
                        org.billing.invoicing.common.Jdbc.setInstant(statement, parameter + 1, widestEnd);
                    }
                    long rows = 0;
                    try (ResultSet result = statement.executeQuery()) {
                        while (result.next()) {
                            rows++;
                        }
                    }
                    if (rows == 0) {
                        throw new IllegalStateException("The single statement found nothing");
                    }
                }
                runs.add(Duration.ofNanos(System.nanoTime() - started));
            }
        }
        return Collections.min(runs);
    }

    private static JsonObject request(long accountId, Direction direction, LocalDate first, LocalDate last) {
        return Json.createObjectBuilder().add("accountId", accountId).add("direction", direction.name())
                .add("startDate", first.toString()).add("endDate", last.toString()).build();
    }

    private static Http.Response check(Http.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("Expected " + status + ": " + response.status() + " " + response.text());
        }
        return response;
    }

    private interface Action {
        void run() throws Exception;
    }

    private static List<Duration> time(Action action) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            action.run();
        }
        List<Duration> times = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long started = System.nanoTime();
            action.run();
            times.add(Duration.ofNanos(System.nanoTime() - started));
        }
        Collections.sort(times);
        return times;
    }

    private static Duration median(List<Duration> sorted) {
        return sorted.get(sorted.size() / 2);
    }

    private static Duration percentile(List<Duration> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
    }

    private static String millis(Duration duration) {
        return String.format(Locale.ROOT, "%.1f", duration.toNanos() / 1_000_000.0);
    }
}
