package org.billing.invoicing.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.invoice.InvoiceCursor;
import org.billing.invoicing.invoice.InvoiceFilter;
import org.billing.invoicing.invoice.InvoiceListQuery;
import org.billing.invoicing.invoice.InvoiceState;
import org.billing.invoicing.it.Http;
import org.billing.invoicing.it.PayaraMicro;
import org.billing.invoicing.it.Users;
import org.billing.invoicing.testing.GeneratedInvoices;
import org.billing.invoicing.testing.PostgresDatabase;

/**
 * The benchmark of issue 14, "The invoice list at a carrier's size" (not a test: it prints figures).
 *
 * <p>1,000,000 invoices of 1,000 accounts generated with SQL, then over REST on Payara Micro, each
 * under 32 concurrent clients for a fixed number of requests (pages of 50, newest first): the first
 * page, a deep page by cursor (anywhere in the million), page 500, a filtered page (one account and
 * direction) and a search (a part of a number). Prints median, p99 and throughput per request, and the
 * plans PostgreSQL runs them with. Target: p99 at most 50 ms for each.
 *
 * <p>Run: {@code mvn -B -Pbench-list -DskipTests verify -pl invoice-web} (see the README).
 */
public final class ListBenchmark {

    private static final int INVOICES = Integer.getInteger("bench.invoices", 1_000_000);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 32);
    private static final int REQUESTS = Integer.getInteger("bench.requests", 3_200);
    private static final int WARM_UP = Integer.getInteger("bench.warmup", 1_000);
    private static final int PAGE = 50;
    private static final int CONTRACTORS = 200;
    private static final int ACCOUNTS_EACH = 5;
    private static final String INVOICES_PATH = "api/v1/invoices?size=" + PAGE;

    public static void main(String[] args) throws Exception {
        try (PostgresDatabase database = PostgresDatabase.startMigrated()) {
            List<String> cursors = generate(database);
            explain(database, cursors.get(0));
            if (Boolean.getBoolean("bench.explainOnly")) {
                return;
            }
            // Options of the server's JVM (none by default: the JVM's own defaults), e.g. -XX:+UseParallelGC, and
            // of Payara Micro itself, e.g. --postbootcommandfile with asadmin commands that tune it.
            try (PayaraMicro server = PayaraMicro.start(
                    PayaraMicro.options("bench.server.jvm"),
                    database.environment(),
                    "api/v1/accounts",
                    PayaraMicro.options("bench.server.options").toArray(String[]::new))) {
                if (Integer.getInteger("bench.holdMinutes", 0) > 0) {
                    hold(server, Duration.ofMinutes(Integer.getInteger("bench.holdMinutes")));
                    return;
                }
                Http http = new Http(server.baseUri()).as(Users.VIEWER);
                List<Scenario> scenarios = List.of(
                        new Scenario("first page, no filter", i -> INVOICES_PATH),
                        new Scenario(
                                "deep page by cursor (anywhere in the list)",
                                i -> INVOICES_PATH + "&cursor=" + cursors.get(i % cursors.size())),
                        new Scenario("page 500, no filter", i -> INVOICES_PATH + "&page=500"),
                        new Scenario(
                                "one account and direction, first page",
                                i -> INVOICES_PATH + "&accountId="
                                        + (1 + random(i).nextInt(CONTRACTORS * ACCOUNTS_EACH)) + "&direction="
                                        + (i % 2 == 0 ? "CUSTOMER" : "VENDOR")),
                        new Scenario("dates: a past week (14,000 invoices)", i -> {
                            java.time.LocalDate from = java.time.LocalDate.parse("2020-01-01")
                                    .plusDays(random(i).nextInt(490));
                            return INVOICES_PATH + "&from=" + from + "&to=" + from.plusDays(6);
                        }),
                        new Scenario(
                                "search q=GEN-<4 digits> (number)",
                                i -> INVOICES_PATH + "&q="
                                        + encode("GEN-" + (1000 + random(i).nextInt(9000)))),
                        new Scenario(
                                "search q=<account name>",
                                i -> INVOICES_PATH + "&q="
                                        + encode("Generated account "
                                                + (1 + random(i).nextInt(CONTRACTORS)) + "-"
                                                + (1 + random(i).nextInt(ACCOUNTS_EACH)))));
                System.out.printf(
                        Locale.ROOT,
                        "%n%d invoices; %d concurrent clients, %d requests each scenario"
                                + " (after %d to warm up), pages of %d:%n",
                        INVOICES,
                        CLIENTS,
                        REQUESTS,
                        WARM_UP,
                        PAGE);
                System.out.printf(
                        Locale.ROOT,
                        "%-44s %10s %10s %10s %12s  %s%n",
                        "request",
                        "median ms",
                        "p99 ms",
                        "max ms",
                        "requests/s",
                        "p99 <= 50 ms");
                for (Scenario scenario : scenarios) {
                    // One client first: the first requests of a fresh server set up JPA, the pool and the JIT.
                    for (int i = 0; i < 20; i++) {
                        http.get(scenario.path().apply(REQUESTS + i));
                    }
                    run(http, scenario, WARM_UP);
                    Result result = run(http, scenario, REQUESTS);
                    System.out.printf(
                            Locale.ROOT,
                            "%-44s %10.1f %10.1f %10.1f %12.0f  %s%n",
                            scenario.name(),
                            result.percentile(50),
                            result.percentile(99),
                            result.percentile(100),
                            result.throughput(),
                            result.percentile(99) <= 50 ? "met" : "MISSED");
                }
            }
        }
    }

    /**
     * {@code -Dbench.holdMinutes=N}: instead of the scenarios, the generated list served for N minutes, for a
     * profiler or a load tool of one's own.
     */
    private static void hold(PayaraMicro server, Duration duration) throws InterruptedException {
        System.out.printf(
                Locale.ROOT,
                "%nServing %s for %s (user %s, password %s).%n",
                server.baseUri().resolve(INVOICES_PATH),
                duration,
                Users.VIEWER.username(),
                Users.VIEWER.password());
        Thread.sleep(duration.toMillis());
    }

    private record Scenario(String name, IntFunction<String> path) {}

    private record Result(List<Long> nanos, Duration elapsed) {
        double percentile(int p) {
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
            return sorted.get(Math.max(0, index)) / 1e6;
        }

        double throughput() {
            return nanos.size() / (elapsed.toNanos() / 1e9);
        }
    }

    private static SplittableRandom random(int i) {
        return new SplittableRandom(i * 7919L);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** {@code requests} requests from {@code CLIENTS} threads, each as soon as its previous one answered. */
    private static Result run(Http http, Scenario scenario, int requests) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>(requests));
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long started = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        String path = scenario.path().apply(i);
                        long start = System.nanoTime();
                        Http.Response response = http.get(path);
                        nanos.add(System.nanoTime() - start);
                        if (response.status() != 200) {
                            throw new IllegalStateException(path + ": " + response.status() + " " + response.text());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clients.shutdown();
        }
        return new Result(nanos, Duration.ofNanos(System.nanoTime() - started));
    }

    /** The accounts and invoices, analysed and vacuumed (as autovacuum would); cursors spread over the list. */
    private static List<String> generate(PostgresDatabase database) throws Exception {
        long started = System.nanoTime();
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            GeneratedInvoices.accounts(connection, CONTRACTORS, ACCOUNTS_EACH);
            for (long first = 1; first <= INVOICES; first += 100_000) {
                GeneratedInvoices.insert(connection, first, Math.min(100_000, INVOICES - first + 1));
            }
            statement.execute("VACUUM ANALYZE invoice");
            statement.execute("VACUUM invoice"); // once more: the visibility map of the newest pages
            System.out.printf(
                    Locale.ROOT,
                    "Generated %d invoices of %d accounts in %d ms%n",
                    INVOICES,
                    CONTRACTORS * ACCOUNTS_EACH,
                    (System.nanoTime() - started) / 1_000_000);
            List<String> cursors = new ArrayList<>();
            SplittableRandom random = new SplittableRandom(42);
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT created_at, id FROM invoice ORDER BY created_at DESC, id DESC OFFSET ? LIMIT 1")) {
                for (int i = 0; i < 200; i++) {
                    // The first, for the plans: 25,000 deep, or half-way down a smaller list (-Dbench.invoices).
                    select.setInt(1, i == 0 ? Math.min(25_000, INVOICES / 2) : random.nextInt(INVOICES - PAGE));
                    try (ResultSet row = select.executeQuery()) {
                        row.next();
                        cursors.add(new InvoiceCursor(
                                        row.getObject(1, java.time.OffsetDateTime.class)
                                                .toInstant(),
                                        row.getLong(2))
                                .encode());
                    }
                }
            }
            return cursors;
        }
    }

    /** The plans of the list's statements on the million, as the service runs them (a transaction each). */
    private static void explain(PostgresDatabase database, String cursor) throws Exception {
        record Shape(String name, InvoiceFilter filter, InvoiceCursor after, long offset) {}
        InvoiceCursor deep = InvoiceCursor.decode(cursor, "cursor");
        List<Shape> shapes = List.of(
                new Shape("first page", InvoiceFilter.any(), null, 0),
                new Shape("cursor 25,000 deep", InvoiceFilter.any(), deep, 0),
                new Shape("page 500", InvoiceFilter.any(), null, 500L * PAGE),
                new Shape(
                        "account 17, vendor",
                        new InvoiceFilter(17L, null, Direction.VENDOR, null, null, null, null, null),
                        null,
                        0),
                new Shape(
                        "state PENDING",
                        new InvoiceFilter(null, null, null, InvoiceState.PENDING, null, null, null, null),
                        null,
                        0),
                new Shape(
                        "dates 2021-03-01..2021-03-07",
                        new InvoiceFilter(
                                null,
                                null,
                                null,
                                null,
                                null,
                                java.time.LocalDate.parse("2021-03-01"),
                                java.time.LocalDate.parse("2021-03-07"),
                                null),
                        null,
                        0),
                new Shape(
                        "search GEN-4242",
                        new InvoiceFilter(null, null, null, null, null, null, null, null, "GEN-4242"),
                        null,
                        0),
                new Shape(
                        "search Generated account 17-3",
                        new InvoiceFilter(null, null, null, null, null, null, null, null, "Generated account 17-3"),
                        null,
                        0));
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            for (Shape shape : shapes) {
                InvoiceListQuery query = InvoiceListQuery.of(connection, shape.filter());
                InvoiceListQuery.Total total = query.total(connection);
                query.page(connection, shape.after(), shape.offset(), PAGE, total);
                System.out.printf(
                        Locale.ROOT,
                        "%n== %s: page (total %d%s)%n%s",
                        shape.name(),
                        total.count(),
                        total.exact() ? "" : ", more than",
                        query.explainPage(connection, shape.after(), shape.offset(), PAGE, total));
                System.out.printf(
                        Locale.ROOT, "== %s: bounded total%n%s", shape.name(), query.explainTotal(connection));
                connection.commit();
            }
        }
        System.out.println("(at " + Instant.now() + ")");
    }
}
