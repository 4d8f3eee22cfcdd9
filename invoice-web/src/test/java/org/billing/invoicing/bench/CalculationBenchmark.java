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
            DemoDataSummary data =
                    new DemoData(DemoDataSpec.benchmark(Clock.systemUTC())).writeTo(database.dataSource());
            System.out.print(data.describe());
            HeavyAccount heavy = data.findHeavyAccount().orElseThrow();
            LocalDate first = heavy.month().atDay(1);
            LocalDate last = heavy.month().atEndOfMonth();
            BillingPeriod period = BillingPeriod.ofDays(first, last, ZoneId.of(heavy.timezone()));

            List<Duration> direct = timeDirectCalculation(database, heavy.accountId(), period);
            List<Duration> covered =
                    withCoveringIndexes(database, () -> timeDirectCalculation(database, heavy.accountId(), period));
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
                Duration singleStatement = ReferenceStatement.best(database, first, last);

                System.out.printf(
                        Locale.ROOT,
                        "%nCalculate, account %d, %d CDRs in %s (%s):%n",
                        heavy.accountId(),
                        heavy.lastAttemptCdrs(),
                        heavy.month(),
                        heavy.timezone());
                System.out.printf(
                        Locale.ROOT,
                        "  calculator (SQL + mapping): median %s ms, p90 %s ms%n",
                        millis(median(direct)),
                        millis(percentile(direct, 90)));
                System.out.printf(
                        Locale.ROOT,
                        "  calculator, with the optional covering indexes: median %s ms, p90 %s ms%n",
                        millis(median(covered)),
                        millis(percentile(covered, 90)));
                System.out.printf(
                        Locale.ROOT,
                        "  over REST on Payara Micro:  median %s ms, p90 %s ms  (target <= 100 ms: %s)%n",
                        millis(median(overRest)),
                        millis(percentile(overRest, 90)),
                        median(overRest).toMillis() <= 100 ? "met" : "MISSED");
                System.out.printf(
                        Locale.ROOT,
                        "Create all invoices of %s (%d accounts x 2 directions = %d):%n",
                        heavy.month(),
                        data.accountIds().size(),
                        created);
                System.out.printf(Locale.ROOT, "  over REST, one after the other: %s ms%n", millis(createAll));
                System.out.printf(
                        Locale.ROOT, "  best single SQL statement, same figures: %s ms%n", millis(singleStatement));
                System.out.printf(
                        Locale.ROOT,
                        "  ratio create-all / single statement: %.2f%n",
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
        try (Connection connection = database.connection();
                var statement = connection.createStatement()) {
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

    private static JsonObject request(long accountId, Direction direction, LocalDate first, LocalDate last) {
        return Json.createObjectBuilder()
                .add("accountId", accountId)
                .add("direction", direction.name())
                .add("startDate", first.toString())
                .add("endDate", last.toString())
                .build();
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
