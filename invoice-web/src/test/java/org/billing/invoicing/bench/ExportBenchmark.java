package org.billing.invoicing.bench;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.billing.invoicing.invoice.CallExport;
import org.billing.invoicing.it.Http;
import org.billing.invoicing.it.PayaraMicro;
import org.billing.invoicing.it.Users;
import org.billing.invoicing.testing.PostgresDatabase;

/**
 * The call detail export of issue 13 on one account with a million calls (not a test: it prints figures).
 *
 * <p>The March fixture's account 10 gets {@code bench.calls} (1,000,000) more originated calls in March 2026,
 * made with SQL; its invoice is created over REST on Payara Micro with a small heap ({@code bench.heap},
 * 256m), then {@code calls.csv} and {@code calls.csv.gz} are downloaded while the server's used heap is
 * sampled every 100 ms. It prints the lines, bytes, time and throughput of each, the used heap before,
 * its peak during the download and during as long an idle spell, and checks that the file has every call
 * once and that its amounts add up to the invoice's. Run: {@code mvn -B -Pbench-export -DskipTests verify
 * -pl invoice-web -am}.
 */
public final class ExportBenchmark {

    private static final long CALLS = Long.getLong("bench.calls", 1_000_000);
    private static final long MIB = 1024 * 1024;

    public static void main(String[] args) throws Exception {
        try (PostgresDatabase database = PostgresDatabase.startMigrated()) {
            database.run("/fixtures/march-2026.sql");
            long started = System.nanoTime();
            try (Connection connection = database.connection();
                    Statement statement = connection.createStatement()) {
                // Originated last attempts of account 10 spread over March (Berlin), prices and durations varied.
                statement.execute("INSERT INTO cdr (id, time_start, time_connect, duration, success, is_last_cdr,"
                        + " customer_acc_id, vendor_acc_id, customer_price, vendor_price, customer_duration,"
                        + " vendor_duration, destination_prefix, destination_next_rate, destination_reverse_billing,"
                        + " dialpeer_prefix, dialpeer_next_rate, dialpeer_reverse_billing, dst_country_id,"
                        + " dst_network_id)"
                        + " SELECT 1000000 + n, timestamptz '2026-03-01 00:00:00+01' + (n % 2592000) * interval '1 second',"
                        + " timestamptz '2026-03-01 00:00:05+01' + (n % 2592000) * interval '1 second', n % 600,"
                        + " n % 7 <> 0, true, 10, 20, (n % 1000) / 1000.0, (n % 500) / 1000.0, n % 660, n % 600,"
                        + " '4930', 0.12, false, '49', 0.12, false, 1, 11"
                        + " FROM generate_series(1, " + CALLS + ") AS n");
                statement.execute("ANALYZE cdr");
            }
            System.out.printf(Locale.ROOT, "%,d calls of account 10 made in %.1f s%n", CALLS, seconds(started));
            String heap = System.getProperty("bench.heap", "256m");
            try (PayaraMicro server =
                    PayaraMicro.start(List.of("-Xmx" + heap), database.environment(), "api/v1/accounts")) {
                Http operator = new Http(server.baseUri()).as(Users.OPERATOR);
                Http.Response created = operator.post(
                        "api/v1/invoices",
                        Json.createObjectBuilder()
                                .add("accountId", 10)
                                .add("direction", "CUSTOMER")
                                .add("startDate", "2026-03-01")
                                .add("endDate", "2026-03-31")
                                .build());
                if (created.status() != 201) {
                    throw new IllegalStateException("The invoice was not created: " + created.text());
                }
                JsonObject invoice = created.jsonObject();
                long id = invoice.getJsonNumber("id").longValue();
                ServerMetrics metrics = new ServerMetrics(server.baseUri().resolve("/metrics"));
                System.out.printf(
                        Locale.ROOT,
                        "Invoice %d: %,d calls, amount %s; server -Xmx%s (max heap %d MiB)%n",
                        id,
                        invoice.getJsonNumber("callsCount").longValue(),
                        invoice.getString("amount"),
                        heap,
                        metrics.maxHeap().orElse(-1) / MIB);
                for (String file : List.of("calls.csv", "calls.csv.gz")) {
                    download(server, id, file, metrics, invoice);
                }
            }
        }
    }

    private static void download(PayaraMicro server, long id, String file, ServerMetrics metrics, JsonObject invoice)
            throws Exception {
        long calls = invoice.getJsonNumber("callsCount").longValue();
        BigDecimal spent = new BigDecimal(invoice.getString("origSpent"));
        BigDecimal earned = new BigDecimal(invoice.getString("origEarned"));
        System.gc();
        long before = metrics.usedHeap().orElse(-1);
        AtomicLong peak = new AtomicLong(before);
        Thread sampler = sampler(metrics, peak);
        long started = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(server.baseUri().resolve("api/v1/invoices/" + id + "/" + file))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((Users.OPERATOR.username() + ":" + Users.OPERATOR.password())
                                                .getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofMinutes(10))
                .GET()
                .build();
        HttpResponse<InputStream> response =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        CountingStream counted = new CountingStream(response.body());
        long lines = 0;
        BigDecimal normal = BigDecimal.ZERO;
        BigDecimal reverse = BigDecimal.ZERO;
        int amountColumn = CallExport.COLUMNS.indexOf("amount");
        int reverseColumn = CallExport.COLUMNS.indexOf("reverse_billing");
        try (InputStream body = file.endsWith(".gz") ? new GZIPInputStream(counted) : counted;
                BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (!String.join(",", CallExport.COLUMNS).equals(header)) {
                throw new IllegalStateException("Unexpected header: " + header);
            }
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines++;
                BigDecimal price = new BigDecimal(field(line, amountColumn));
                if (field(line, reverseColumn).startsWith("t")) {
                    reverse = reverse.add(price);
                } else {
                    normal = normal.add(price);
                }
            }
        }
        double took = seconds(started);
        sampler.interrupt();
        sampler.join();
        long during = peak.get();
        // As long an idle spell, for the heap's own swings (metrics requests, timers, the collector).
        peak.set(metrics.usedHeap().orElse(-1));
        Thread idle = sampler(metrics, peak);
        Thread.sleep((long) (took * 1000));
        idle.interrupt();
        idle.join();
        if (response.statusCode() != 200
                || lines != calls
                || normal.compareTo(spent) != 0
                || reverse.compareTo(earned) != 0) {
            throw new IllegalStateException(file + ": status " + response.statusCode() + ", " + lines + " lines for "
                    + calls + " calls, amounts " + normal + " and " + reverse + " reverse for " + spent + " and "
                    + earned);
        }
        System.out.printf(
                Locale.ROOT,
                "%-13s %,11d lines %,7d MiB in %5.1f s (%,.0f lines/s); used heap before %d MiB,"
                        + " peak while downloading %d MiB, peak over as long idle %d MiB; amounts add up to %s%n",
                file,
                lines,
                counted.count / MIB,
                took,
                lines / took,
                before / MIB,
                during / MIB,
                peak.get() / MIB,
                normal.subtract(reverse).toPlainString());
    }

    /**
     * The field at {@code index} of a CSV line whose fields hold no comma (the fixture's country and network
     * names have none).
     */
    private static String field(String line, int index) {
        int from = 0;
        for (int i = 0; i < index; i++) {
            from = line.indexOf(',', from) + 1;
        }
        int to = line.indexOf(',', from);
        return to < 0 ? line.substring(from) : line.substring(from, to);
    }

    private static Thread sampler(ServerMetrics metrics, AtomicLong peak) {
        Thread thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    peak.accumulateAndGet(metrics.usedHeap().orElse(0), Math::max);
                } catch (IllegalStateException interruptedWhileAsking) {
                    return;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** Counts the bytes that came over the wire. */
    private static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws java.io.IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
