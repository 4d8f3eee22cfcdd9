package org.billing.invoicing.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.billing.invoicing.demo.DemoData;
import org.billing.invoicing.demo.DemoDataSpec;
import org.billing.invoicing.demo.DemoDataSummary;
import org.billing.invoicing.it.Http;
import org.billing.invoicing.it.PayaraMicro;
import org.billing.invoicing.it.Users;
import org.billing.invoicing.testing.PostgresDatabase;

/**
 * The benchmark of issue "Automatic invoicing at scale" (not a test: it prints figures).
 *
 * <p>Generates {@code bench.cdrs} CDRs (default 10,000,000) over one past month for {@code bench.accounts}
 * accounts (default 1,000), sets every account to monthly automatic invoicing in both directions from the
 * first day of that month, and starts one run of automatic invoicing on the packaged WAR (Payara Micro,
 * heap limited to {@code bench.heap}, default {@code 512m}; the schedule off). It times the run from the
 * POST to its end, samples the server's used heap while it runs, checks that it made exactly one invoice
 * per account and direction, and compares its time with the best set-based SQL producing the same figures
 * for all of them ({@link ReferenceStatement}; target: at most half of it, never more than it).
 *
 * <p>Run: {@code mvn -B -Pbench-generation -DskipTests verify -pl invoice-web -am}, with e.g.
 * {@code -Dbench.cdrs=1000000 -Dbench.accounts=1000} for another size (see the README). Other system
 * properties: {@code bench.heap} (the server's {@code -Xmx}), {@code bench.server.jvm} (further options of
 * the server's JVM, e.g. {@code -Xlog:gc:file=gc.log}), {@code bench.timeout.minutes} (default 180).
 * While the run works it prints its progress every 15 s; an answer other than 200 to the run's GET is
 * printed and polling goes on, unless 40 come in a row.
 */
public final class GenerationBenchmark {

    private static final Duration POLL = Duration.ofMillis(250);
    /** How often the state of the run is printed while it works. */
    private static final Duration PROGRESS = Duration.ofSeconds(15);
    /** Answers other than 200 to the run's GET tolerated in a row (10 s of polling) before giving up. */
    private static final int MAX_REFUSED_IN_A_ROW = 40;

    private static final int LOG_TAIL_LINES = 40;
    private static final long MIB = 1024 * 1024;
    /** The longest call when an account sets none (the platform's {@code max_call_duration} default). */
    private static final long DEFAULT_MAX_CALL_SECONDS = 7_200;

    public static void main(String[] args) throws Exception {
        long cdrs = Long.getLong("bench.cdrs", 10_000_000L);
        int accounts = Integer.getInteger("bench.accounts", 1_000);
        String heap = System.getProperty("bench.heap", "512m");
        // Further options of the server's JVM, e.g. -Xlog:gc:file=gc.log to see its collections.
        List<String> jvmOptions = new ArrayList<>(List.of("-Xmx" + heap));
        jvmOptions.addAll(PayaraMicro.options("bench.server.jvm"));
        Duration timeout = Duration.ofMinutes(Long.getLong("bench.timeout.minutes", 180L));

        // The month before the current UTC month: whole in the past, and due in every zone once its end
        // plus the longest call has passed there (checked below, account by account).
        Instant now = Instant.now();
        YearMonth month = YearMonth.from(now.atOffset(ZoneOffset.UTC)).minusMonths(1);
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        Clock clock = Clock.fixed(
                month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);

        boolean statements = Boolean.parseBoolean(System.getProperty("bench.statements", "false"));
        try (PostgresDatabase database = PostgresDatabase.startMigrated(
                statements
                        ? Map.of("shared_preload_libraries", "pg_stat_statements", "pg_stat_statements.track", "all")
                        : Map.of())) {
            DemoDataSummary data = new DemoData(new DemoDataSpec(42, accounts, cdrs, 1, 0, false, clock))
                    .writeTo(database.dataSource());
            System.out.print(data.describe());
            checkOnlyTheMonthIsDue(database, month, Instant.now());
            settle(database);
            int settings = invoiceMonthly(database, data.accountIds(), first);
            long expected = 2L * data.accountIds().size();
            System.out.printf(
                    Locale.ROOT,
                    "Automatic invoicing set to MONTHLY from %s for %d account-directions%n",
                    first,
                    settings);

            Map<String, String> environment = new HashMap<>(database.environment());
            environment.put("INVOICING_AUTO_ENABLED", "false");
            JsonObject run;
            Duration runTime;
            long peakHeap;
            long invoices;
            Path log;
            try (PayaraMicro server = PayaraMicro.start(jvmOptions, environment, "api/v1/accounts")) {
                log = server.log();
                Http http = new Http(server.baseUri()).as(Users.ADMIN);
                ServerMetrics metrics = new ServerMetrics(server.baseUri().resolve("/metrics"));
                long idleHeap = metrics.usedHeap().orElse(-1);
                if (idleHeap < 0) {
                    throw new IllegalStateException("No used heap in " + metrics.uri + ":\n" + metrics.text());
                }
                System.out.printf(
                        Locale.ROOT,
                        "Payara Micro up (%s; max heap %s MiB, used %s MiB before the run,"
                                + " read from %s as \"%s\"); log %s%n",
                        String.join(" ", jvmOptions),
                        mib(metrics.maxHeap().orElse(-1)),
                        mib(idleHeap),
                        metrics.uri,
                        metrics.usedHeapName(),
                        log);
                awaitQuiet(server);
                System.out.printf(Locale.ROOT, "Load average before the run: %.2f%n", loadAverage());
                Duration serverCpuBefore = server.cpuTime();
                Duration compilerCpuBefore = server.compilerCpuTime().orElse(Duration.ZERO);
                long[] machineBefore = machineCpuTicks();

                if (statements) {
                    DatabaseStatements.reset(database);
                }
                long started = System.nanoTime();
                Http.Response posted = check(http.post("api/v1/generation-runs", JsonValue.EMPTY_JSON_OBJECT), 202);
                String location = posted.header("Location").orElseThrow(() -> new IllegalStateException("No Location"));
                String path = "api/v1/generation-runs/" + location.substring(location.lastIndexOf('/') + 1);
                peakHeap = idleHeap;
                Instant deadline = Instant.now().plus(timeout);
                long nextProgress = started + PROGRESS.toNanos();
                int refusedInARow = 0;
                int refused = 0;
                while (true) {
                    long used = metrics.usedHeap().orElse(0);
                    peakHeap = Math.max(peakHeap, used);
                    Http.Response answer = http.get(path);
                    if (answer.status() != 200) {
                        // Say what the server answered and go on polling, unless it keeps refusing.
                        refused++;
                        System.out.printf(
                                Locale.ROOT,
                                "  %6.1f s  GET %s answered %d %s (used heap %s MiB)%n",
                                seconds(started),
                                path,
                                answer.status(),
                                answer.text(),
                                mib(used));
                        if (++refusedInARow >= MAX_REFUSED_IN_A_ROW) {
                            throw new IllegalStateException("GET " + path + " answered " + answer.status() + " "
                                    + refusedInARow + " times in a row. Last lines of " + log + ":\n" + tail(log));
                        }
                        Thread.sleep(POLL.toMillis());
                        continue;
                    }
                    refusedInARow = 0;
                    run = answer.jsonObject();
                    String status = run.getString("status");
                    if (!status.equals("STARTED") && !status.equals("STARTING")) {
                        break;
                    }
                    if (System.nanoTime() >= nextProgress) {
                        nextProgress += PROGRESS.toNanos();
                        System.out.printf(
                                Locale.ROOT,
                                "  %6.1f s  %s%s, used heap %s MiB (peak %s MiB)%n",
                                seconds(started),
                                status,
                                run.containsKey("done") && run.containsKey("due")
                                        ? " " + run.getInt("done") + "/" + run.getInt("due")
                                        : "",
                                mib(used),
                                mib(peakHeap));
                    }
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("The run did not end within " + timeout + ": " + run);
                    }
                    Thread.sleep(POLL.toMillis());
                }
                runTime = Duration.ofNanos(System.nanoTime() - started);
                Duration serverCpu = server.cpuTime().minus(serverCpuBefore);
                String compilers = server.compilerCpuTime()
                        .map(time -> String.format(
                                Locale.ROOT,
                                " (its JIT compilers %.1f s)",
                                time.minus(compilerCpuBefore).toNanos() / 1e9))
                        .orElse("");
                long[] machineAfter = machineCpuTicks();
                System.out.printf(
                        Locale.ROOT,
                        "Load average at the end of the run: %.2f%s; the server's JVM used %.1f s of CPU"
                                + " during it%s%s%n",
                        loadAverage(),
                        refused == 0 ? "" : "; the run's GET was refused " + refused + " times",
                        serverCpu.toNanos() / 1e9,
                        compilers,
                        machineBefore.length == 0 || machineAfter.length == 0
                                ? ""
                                : String.format(
                                        Locale.ROOT,
                                        "; the machine's %d cores were busy %.1f s of %.1f s",
                                        Runtime.getRuntime().availableProcessors(),
                                        (machineAfter[0] - machineBefore[0]) / 100.0,
                                        (machineAfter[1] - machineBefore[1]) / 100.0));
                peakHeap = Math.max(peakHeap, metrics.usedHeap().orElse(0));
                invoices = check(http.get("api/v1/invoices?size=1"), 200)
                        .jsonObject()
                        .getJsonNumber("total")
                        .longValue();
            }
            System.out.println("Run: " + run);
            if (statements) {
                System.out.print(DatabaseStatements.top(database, 15));
            }
            long outOfMemory = countLines(log, "OutOfMemoryError");
            if (outOfMemory > 0) {
                System.out.printf(
                        Locale.ROOT, "The server's log names OutOfMemoryError %d times: %s%n", outOfMemory, log);
            }

            Duration reference = ReferenceStatement.best(database, first, last);
            double ratio = runTime.toNanos() / (double) reference.toNanos();
            String target = ratio <= 0.5 ? "met" : ratio <= 1.0 ? "MISSED (within 1.0)" : "MISSED (worse than 1.0)";

            System.out.printf(
                    Locale.ROOT, "%nAutomatic invoicing of %s, one run (%s):%n", month, run.getString("status"));
            System.out.printf(Locale.ROOT, "  CDRs:                               %,d%n", data.cdrs());
            System.out.printf(
                    Locale.ROOT,
                    "  accounts:                           %,d%n",
                    data.accountIds().size());
            System.out.printf(
                    Locale.ROOT,
                    "  invoices created:                   %,d (expected %,d: %s)%n",
                    invoices,
                    expected,
                    invoices == expected ? "ok" : "WRONG");
            System.out.printf(Locale.ROOT, "  run time, POST to end:              %,d ms%n", runTime.toMillis());
            System.out.printf(
                    Locale.ROOT,
                    "  reference SQL, best of %d:           %,d ms%n",
                    ReferenceStatement.RUNS,
                    reference.toMillis());
            System.out.printf(
                    Locale.ROOT,
                    "  ratio run / reference:              %.2f (target <= 0.5, never > 1.0: %s)%n",
                    ratio,
                    target);
            System.out.printf(
                    Locale.ROOT, "  invoices per second:                %.1f%n", invoices / (runTime.toNanos() / 1e9));
            System.out.printf(
                    Locale.ROOT,
                    "  peak used heap of the server:       %s MiB (target <= 512 MiB: %s; -Xmx%s)%n",
                    mib(peakHeap),
                    peakHeap <= 512 * MIB ? "met" : "MISSED",
                    heap);
            if (Boolean.parseBoolean(System.getProperty("bench.routes", "true"))) {
                int threads = Runtime.getRuntime().availableProcessors();
                System.out.print(AggregationRoutes.describe(
                        AggregationRoutes.compare(database.dataSource(), first, last, threads, 1_000), threads));
            }

            if (!run.getString("status").equals("COMPLETED")) {
                throw new IllegalStateException("The run ended " + run.getString("status") + ": " + run);
            }
            if (invoices != expected) {
                throw new IllegalStateException("Expected " + expected + " invoices, found " + invoices);
            }
        }
    }

    /**
     * Fails unless, for every account, the month is due now (its end in the account's zone plus its longest
     * call has passed) and the next month is not, so that one run makes exactly one invoice per direction.
     */
    private static void checkOnlyTheMonthIsDue(PostgresDatabase database, YearMonth month, Instant now)
            throws Exception {
        try (Connection connection = database.connection();
                PreparedStatement select =
                        connection.prepareStatement("SELECT id, timezone, max_call_duration FROM account");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                ZoneId zone = ZoneId.of(row.getString(2));
                long maxCall = row.getObject(3) == null ? DEFAULT_MAX_CALL_SECONDS : row.getLong(3);
                Instant due = month.plusMonths(1)
                        .atDay(1)
                        .atStartOfDay(zone)
                        .toInstant()
                        .plusSeconds(maxCall);
                Instant nextDue = month.plusMonths(2)
                        .atDay(1)
                        .atStartOfDay(zone)
                        .toInstant()
                        .plusSeconds(maxCall);
                if (now.isBefore(due) || !now.isBefore(nextDue)) {
                    throw new IllegalStateException("Account " + row.getLong(1) + " (" + zone + "): " + month
                            + " is due from " + due + " and the next month from " + nextDue + "; now is " + now
                            + ". Run the benchmark when only " + month + " is due.");
                }
            }
        }
    }

    /**
     * Vacuums the freshly loaded calls, as the platform's autovacuum has long done to last month's calls in
     * production: without it, the first statement to read them (the run's) would pay for setting every row's
     * hint bits, and the reference, timed after it, would not.
     */
    private static void settle(PostgresDatabase database) throws Exception {
        long started = System.nanoTime();
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("VACUUM (ANALYZE) cdr");
        }
        System.out.printf(
                Locale.ROOT, "Calls vacuumed (hint bits set, as in production) in %.1f s%n", seconds(started));
    }

    /** Every account MONTHLY in both directions from {@code from}, straight into the table (no REST calls). */
    private static int invoiceMonthly(PostgresDatabase database, List<Long> accountIds, LocalDate from)
            throws Exception {
        try (Connection connection = database.connection();
                PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO account_auto_invoicing (account_id, direction, invoice_period, generate_from, updated_at)
                     SELECT a.id, d.direction, 'MONTHLY', ?, now()
                     FROM unnest(?::bigint[]) AS a(id) CROSS JOIN (VALUES ('CUSTOMER'), ('VENDOR')) AS d(direction)
                     """)) {
            insert.setObject(1, from);
            insert.setArray(2, connection.createArrayOf("bigint", accountIds.toArray()));
            return insert.executeUpdate();
        }
    }

    /**
     * Waits until the freshly started server has finished starting: for some seconds after it answers it is
     * still busy (4 to 6 s here), which a server invoicing on its quarter-hour schedule has long left behind.
     * Quiet: under 5 % of a core over two seconds; at most {@code -Dbench.quietSeconds} (120) of waiting,
     * {@code 0} not at all.
     */
    private static void awaitQuiet(PayaraMicro server) throws InterruptedException {
        int limit = Integer.getInteger("bench.quietSeconds", 120);
        long started = System.nanoTime();
        Duration window = Duration.ofSeconds(2);
        double share = 1;
        while (limit > 0 && seconds(started) < limit) {
            Duration before = server.cpuTime();
            Thread.sleep(window.toMillis());
            share = server.cpuTime().minus(before).toNanos() / (double) window.toNanos();
            if (share < 0.05) {
                break;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "Server quiet after %.0f s of waiting (%.0f %% of a core over the last 2 s; -Dbench.quietSeconds=%d)%n",
                seconds(started),
                share * 100,
                limit);
    }

    /**
     * Busy and total CPU time of the whole machine so far, in clock ticks (1/100 s), from Linux's {@code
     * /proc/stat}; empty elsewhere. Busy is all but idle and I/O wait.
     */
    private static long[] machineCpuTicks() {
        try {
            String[] fields =
                    Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // user, nice, system, idle, iowait, irq, softirq, steal; guest time is counted in user already.
            long total = 0;
            for (int i = 1; i <= 8 && i < fields.length; i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[0];
        }
    }

    /** The machine's load average over the last minute (the machine may be shared). */
    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    }

    private static long countLines(Path file, String text) throws IOException {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
            return lines.filter(line -> line.contains(text)).count();
        }
    }

    private static Http.Response check(Http.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("Expected " + status + ": " + response.status() + " " + response.text());
        }
        return response;
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "?" : String.format(Locale.ROOT, "%.1f", bytes / (double) MIB);
    }
}
