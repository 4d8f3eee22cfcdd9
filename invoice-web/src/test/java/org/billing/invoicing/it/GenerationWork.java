package org.billing.invoicing.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.billing.invoicing.demo.DemoData;
import org.billing.invoicing.demo.DemoDataSpec;
import org.billing.invoicing.demo.DemoDataSummary;
import org.billing.invoicing.testing.PostgresDatabase;

/**
 * Work for automatic invoicing at scale, and the checks of what runs leave behind, shared by the fault
 * tests. The expectations are worked out here from the platform data and the settings alone (due periods
 * with {@code java.time}, figures with Calculate), never from the engine's own tables.
 */
final class GenerationWork {

    static final String RUNS = "api/v1/generation-runs";
    private static final Duration DEFAULT_MAX_CALL_DURATION = Duration.ofSeconds(7_200);
    static final List<String> DETAIL_TABLES = List.of(
            "inv_orig_dst",
            "inv_orig_dst_succ",
            "inv_orig_networks",
            "inv_orig_networks_succ",
            "inv_term_dst",
            "inv_term_dst_succ",
            "inv_term_networks",
            "inv_term_networks_succ",
            "inv_srv_data",
            "inv_charges",
            "inv_subscriptions",
            "inv_corrections");

    private GenerationWork() {}

    /** An account-period of one direction. */
    record Period(long accountId, String direction, LocalDate firstDay, LocalDate lastDay)
            implements Comparable<Period> {

        @Override
        public int compareTo(Period other) {
            int c = Long.compare(accountId, other.accountId);
            c = c != 0 ? c : direction.compareTo(other.direction);
            c = c != 0 ? c : firstDay.compareTo(other.firstDay);
            return c != 0 ? c : lastDay.compareTo(other.lastDay);
        }

        @Override
        public String toString() {
            return accountId + " " + direction + " " + firstDay + ".." + lastDay;
        }
    }

    /** What an invoice says of its period, figure for figure (amounts compared by value, not scale). */
    record Figures(
            String type,
            String amount,
            String origSpent,
            String origEarned,
            String termSpent,
            String termEarned,
            String servicesSpent,
            String servicesEarned,
            long serviceTransactions,
            long calls,
            long successfulCalls,
            long callsDuration,
            long billingDuration) {

        static String decimal(BigDecimal value) {
            return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
        }

        private static String sum(String a, String b) {
            return decimal(new BigDecimal(a).add(new BigDecimal(b)));
        }

        /** The figures of two adjacent periods together, as one invoice of both would show them. */
        Figures plus(Figures other) {
            return new Figures(
                    type,
                    sum(amount, other.amount),
                    sum(origSpent, other.origSpent),
                    sum(origEarned, other.origEarned),
                    sum(termSpent, other.termSpent),
                    sum(termEarned, other.termEarned),
                    sum(servicesSpent, other.servicesSpent),
                    sum(servicesEarned, other.servicesEarned),
                    serviceTransactions + other.serviceTransactions,
                    calls + other.calls,
                    successfulCalls + other.successfulCalls,
                    callsDuration + other.callsDuration,
                    billingDuration + other.billingDuration);
        }

        Figures typed(String newType) {
            return new Figures(
                    newType,
                    amount,
                    origSpent,
                    origEarned,
                    termSpent,
                    termEarned,
                    servicesSpent,
                    servicesEarned,
                    serviceTransactions,
                    calls,
                    successfulCalls,
                    callsDuration,
                    billingDuration);
        }
    }

    /**
     * Generates the demo platform data of last month and this one up to now (reproducible from the seed)
     * and invoices every account DAILY in both directions from the first day of the data: about
     * {@code accounts} x 2 x 55 account-periods are due. Returns the first day.
     */
    static LocalDate dailyForEveryAccount(PostgresDatabase database, int accounts, long cdrs) throws SQLException {
        DemoDataSummary data = new DemoData(new DemoDataSpec(42, accounts, cdrs, 1, 0, false, Clock.systemUTC()))
                .writeTo(database.dataSource());
        LocalDate from = LocalDate.ofInstant(data.period().start(), ZoneOffset.UTC);
        try (Connection connection = database.connection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO account_auto_invoicing"
                        + " (account_id, direction, invoice_period, generate_from, updated_at)"
                        + " SELECT a.id, d.direction, 'DAILY', ?, now() FROM account a"
                        + " CROSS JOIN (VALUES ('CUSTOMER'), ('VENDOR')) d (direction)")) {
            insert.setObject(1, from);
            insert.executeUpdate();
        }
        return from;
    }

    /**
     * Every period due at {@code now}, worked out from the settings and the accounts with java.time: each
     * local day from {@code generate_from} whose end plus the account's longest call has passed.
     */
    static Set<Period> duePeriods(PostgresDatabase database, Instant now) throws SQLException {
        Set<Period> due = new TreeSet<>();
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT s.account_id, s.direction, s.invoice_period,"
                        + " s.generate_from, a.timezone, a.max_call_duration FROM account_auto_invoicing s"
                        + " JOIN account a ON a.id = s.account_id")) {
            while (row.next()) {
                assertEquals("DAILY", row.getString("invoice_period"));
                ZoneId zone = ZoneId.of(row.getString("timezone"));
                int seconds = row.getInt("max_call_duration");
                Duration longestCall = row.wasNull() ? DEFAULT_MAX_CALL_DURATION : Duration.ofSeconds(seconds);
                for (LocalDate day = row.getObject("generate_from", LocalDate.class); ; day = day.plusDays(1)) {
                    Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
                    if (end.plus(longestCall).isAfter(now)) {
                        break;
                    }
                    due.add(new Period(row.getLong("account_id"), row.getString("direction"), day, day));
                }
            }
        }
        return due;
    }

    /** The stored invoices by period; fails if a period of an account and direction is invoiced twice. */
    static Map<Period, Figures> invoices(PostgresDatabase database) throws SQLException {
        Map<Period, Figures> invoices = new TreeMap<>();
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT * FROM invoice WHERE kind = 'INVOICE' ORDER BY id")) {
            while (row.next()) {
                Period period = new Period(
                        row.getLong("account_id"),
                        row.getString("direction"),
                        row.getObject("first_day", LocalDate.class),
                        row.getObject("last_day", LocalDate.class));
                Figures figures = new Figures(
                        row.getString("type"),
                        Figures.decimal(row.getBigDecimal("amount")),
                        Figures.decimal(row.getBigDecimal("orig_spent")),
                        Figures.decimal(row.getBigDecimal("orig_earned")),
                        Figures.decimal(row.getBigDecimal("term_spent")),
                        Figures.decimal(row.getBigDecimal("term_earned")),
                        Figures.decimal(row.getBigDecimal("srv_spent")),
                        Figures.decimal(row.getBigDecimal("srv_earned")),
                        row.getLong("srv_transactions_count"),
                        row.getLong("calls_count"),
                        row.getLong("successful_calls_count"),
                        row.getLong("calls_duration"),
                        row.getLong("billing_duration"));
                if (invoices.put(period, figures) != null) {
                    fail("The period " + period + " is invoiced twice");
                }
            }
        }
        return invoices;
    }

    /** What Calculate says of the period: the reference an automatic invoice must equal, figure for figure. */
    static Figures calculated(Http http, Period period) {
        Http.Response response = http.post(
                "api/v1/invoices/calculate",
                Json.createObjectBuilder()
                        .add("accountId", period.accountId())
                        .add("direction", period.direction())
                        .add("startDate", period.firstDay().toString())
                        .add("endDate", period.lastDay().toString())
                        .build());
        assertEquals(200, response.status(), () -> period + ": " + response.text());
        JsonObject invoice = response.jsonObject();
        return new Figures(
                "AUTO",
                decimal(invoice, "amount"),
                decimal(invoice, "origSpent"),
                decimal(invoice, "origEarned"),
                decimal(invoice, "termSpent"),
                decimal(invoice, "termEarned"),
                decimal(invoice, "servicesSpent"),
                decimal(invoice, "servicesEarned"),
                invoice.getJsonNumber("serviceTransactionsCount").longValue(),
                invoice.getJsonNumber("callsCount").longValue(),
                invoice.getJsonNumber("successfulCallsCount").longValue(),
                invoice.getJsonNumber("callsDuration").longValue(),
                invoice.getJsonNumber("billingDuration").longValue());
    }

    /** Each period of the sample is invoiced with the very figures Calculate gives for it. */
    static void assertAsCalculated(Http http, Map<Period, Figures> invoices, java.util.Collection<Period> sample) {
        List<String> differences = new ArrayList<>();
        for (Period period : sample) {
            Figures calculated = calculated(http, period);
            if (!calculated.equals(invoices.get(period))) {
                differences.add(period + ": invoiced " + invoices.get(period) + ", calculated " + calculated);
            }
        }
        assertTrue(
                differences.isEmpty(),
                () -> differences.size() + " of " + sample.size() + " invoices differ from Calculate: "
                        + differences.subList(0, Math.min(5, differences.size())));
    }

    /**
     * Every invoice at once: the invoices of each account and direction, adjacent days, add up to what
     * Calculate gives for their whole span, figure for figure; a lost, doubled or wrong day would show.
     */
    static void assertSumsAsCalculated(Http http, Map<Period, Figures> invoices) {
        Map<String, Period> spans = new TreeMap<>();
        Map<String, Figures> sums = new TreeMap<>();
        for (Map.Entry<Period, Figures> invoice : invoices.entrySet()) {
            Period p = invoice.getKey();
            String key = p.accountId() + " " + p.direction();
            Period span = spans.get(key);
            spans.put(
                    key,
                    span == null
                            ? p
                            : new Period(
                                    p.accountId(),
                                    p.direction(),
                                    span.firstDay().isBefore(p.firstDay()) ? span.firstDay() : p.firstDay(),
                                    span.lastDay().isAfter(p.lastDay()) ? span.lastDay() : p.lastDay()));
            sums.merge(key, invoice.getValue().typed("AUTO"), Figures::plus);
        }
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, Period> span : spans.entrySet()) {
            Figures calculated = calculated(http, span.getValue());
            if (!calculated.equals(sums.get(span.getKey()))) {
                differences.add(span.getValue() + ": invoices add up to " + sums.get(span.getKey()) + ", calculated "
                        + calculated);
            }
        }
        assertTrue(
                differences.isEmpty(),
                () -> differences.size() + " of " + spans.size() + " accounts and directions differ from Calculate: "
                        + differences.subList(0, Math.min(5, differences.size())));
    }

    private static String decimal(JsonObject object, String name) {
        return Figures.decimal(new BigDecimal(object.getString(name)));
    }

    /**
     * Nothing half-written: every invoice holds its period claim and was recorded by its run's item in
     * the same transaction, every item marked CREATED has its invoice, no detail row lacks its invoice,
     * the header's call counts are those of its destination table, and the numbers of closed invoices
     * have no gap (the counter row moved exactly as many times as invoices were numbered).
     */
    static void assertNothingHalfWritten(PostgresDatabase database) throws SQLException {
        Map<String, String> mustBeEmpty = new java.util.LinkedHashMap<>();
        mustBeEmpty.put(
                "invoices without their period claim",
                "SELECT i.id FROM invoice i"
                        + " WHERE NOT EXISTS (SELECT 1 FROM invoice_period_claim c WHERE c.invoice_id = i.id)");
        mustBeEmpty.put(
                "claims whose period is not their invoice's",
                "SELECT c.invoice_id FROM invoice_period_claim c"
                        + " JOIN invoice i ON i.id = c.invoice_id WHERE (c.account_id, c.direction, c.start_at, c.end_at)"
                        + " IS DISTINCT FROM (i.account_id, i.direction, i.start_at, i.end_at)");
        mustBeEmpty.put(
                "invoices no CREATED item records",
                "SELECT i.id FROM invoice i WHERE NOT EXISTS"
                        + " (SELECT 1 FROM generation_item g WHERE g.invoice_id = i.id AND g.status = 'CREATED')");
        mustBeEmpty.put(
                "CREATED items without their invoice",
                "SELECT g.id FROM generation_item g"
                        + " WHERE g.status = 'CREATED' AND NOT EXISTS (SELECT 1 FROM invoice i WHERE i.id = g.invoice_id"
                        + " AND i.account_id = g.account_id AND i.direction = g.direction AND i.first_day = g.first_day"
                        + " AND i.last_day = g.last_day)");
        mustBeEmpty.put(
                "items of another status holding an invoice",
                "SELECT g.id FROM generation_item g" + " WHERE g.status <> 'CREATED' AND g.invoice_id IS NOT NULL");
        for (String table : DETAIL_TABLES) {
            mustBeEmpty.put(
                    table + " rows without their invoice",
                    "SELECT d.invoice_id FROM " + table + " d"
                            + " WHERE NOT EXISTS (SELECT 1 FROM invoice i WHERE i.id = d.invoice_id)");
        }
        mustBeEmpty.put("invoices whose calls are not those of their destination table", """
                SELECT i.id FROM invoice i LEFT JOIN LATERAL (
                    SELECT coalesce(sum(calls_count), 0) AS calls, coalesce(sum(successful_calls_count), 0) AS ok
                    FROM inv_orig_dst d WHERE d.invoice_id = i.id AND i.direction = 'CUSTOMER'
                    UNION ALL
                    SELECT coalesce(sum(calls_count), 0), coalesce(sum(successful_calls_count), 0)
                    FROM inv_term_dst d WHERE d.invoice_id = i.id AND i.direction = 'VENDOR') t ON true
                GROUP BY i.id, i.calls_count, i.successful_calls_count
                HAVING sum(t.calls) <> i.calls_count OR sum(t.ok) <> i.successful_calls_count
                """);
        mustBeEmpty.put("series whose counter moved otherwise than its numbers", """
                SELECT series_id FROM (SELECT series_id, sum(next_number - 1) AS used FROM numbering_counter
                                       GROUP BY series_id) c
                FULL JOIN (SELECT series_id, count(*) AS n, count(DISTINCT number) AS distinct_numbers
                           FROM invoice WHERE number IS NOT NULL GROUP BY series_id) i USING (series_id)
                WHERE coalesce(c.used, 0) <> coalesce(i.n, 0) OR i.n <> i.distinct_numbers
                """);
        List<String> problems = new ArrayList<>();
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> check : mustBeEmpty.entrySet()) {
                try (ResultSet row = statement.executeQuery(check.getValue() + " LIMIT 5")) {
                    List<Long> ids = new ArrayList<>();
                    while (row.next()) {
                        ids.add(row.getLong(1));
                    }
                    if (!ids.isEmpty()) {
                        problems.add(check.getKey() + ": " + ids);
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), () -> "Half-written state: " + problems);
    }

    /**
     * Each period of the run was computed once: the calls the run counted as it aggregated chunks equal
     * the calls of the invoices it made. A chunk computed twice (claimed again by another partition or
     * node while its first worker was still at it) counts its calls twice.
     */
    static void assertComputedOnce(PostgresDatabase database, JsonObject run) throws SQLException {
        long invoiced = count(
                database,
                "SELECT coalesce(sum(i.calls_count), 0) FROM generation_item g"
                        + " JOIN invoice i ON i.id = g.invoice_id WHERE g.run_id = " + id(run)
                        + " AND g.status = 'CREATED'");
        assertEquals(
                invoiced,
                run.getJsonNumber("cdrs").longValue(),
                () -> "the run aggregated other calls than it invoiced, a chunk was worked twice: " + brief(run));
    }

    /** Counts rows of a query that returns one number. */
    static long count(PostgresDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Items by status of a run, from the database. */
    static Map<String, Long> itemsByStatus(PostgresDatabase database, long runId) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT status, count(*) FROM generation_item WHERE run_id = ? GROUP BY status")) {
            select.setLong(1, runId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    counts.put(row.getString(1), row.getLong(2));
                }
            }
        }
        return counts;
    }

    /**
     * Starts a Payara Micro node for each environment, all at the same time (a start costs 20 s or more,
     * so they boot side by side); if one fails, the others are closed.
     */
    @SafeVarargs
    static List<PayaraMicro> startNodes(Map<String, String>... environments) {
        List<java.util.concurrent.CompletableFuture<PayaraMicro>> starts = new ArrayList<>();
        for (Map<String, String> environment : environments) {
            starts.add(java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> PayaraMicro.start(environment, "api/v1/accounts")));
        }
        List<PayaraMicro> nodes = new ArrayList<>();
        RuntimeException failure = null;
        for (java.util.concurrent.CompletableFuture<PayaraMicro> start : starts) {
            try {
                nodes.add(start.join());
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            nodes.forEach(PayaraMicro::close);
            throw failure;
        }
        return nodes;
    }

    /** Run now as the administrator: 202 with the run that is going. */
    static JsonObject start(Http admin) {
        Http.Response response = admin.post(RUNS, JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(202, response.status(), response.text());
        return response.jsonObject();
    }

    static JsonObject run(Http http, long id) {
        Http.Response response = http.get(RUNS + "/" + id);
        assertEquals(200, response.status(), response.text());
        return response.jsonObject();
    }

    /** Polls the run until it is no longer STARTED. */
    static JsonObject awaitEnd(Http http, long id, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        JsonObject run = run(http, id);
        while (run.getString("status").equals("STARTED")) {
            if (Instant.now().isAfter(deadline)) {
                fail("Run " + id + " did not end within " + timeout + ": " + brief(run));
            }
            Thread.sleep(250);
            run = run(http, id);
        }
        return run;
    }

    /** The run without its list of failures, for messages. */
    static String brief(JsonObject run) {
        return run.getString("status") + " due=" + run.getInt("due") + " done=" + run.getInt("done") + " "
                + run.getString("result") + " deferred=" + run.getInt("deferred")
                + (run.containsKey("failures")
                                && !run.isNull("failures")
                                && !run.getJsonArray("failures").isEmpty()
                        ? " first failures "
                                + run.getJsonArray("failures")
                                        .subList(
                                                0,
                                                Math.min(
                                                        3,
                                                        run.getJsonArray("failures")
                                                                .size()))
                        : "");
    }

    static long id(JsonObject run) {
        return run.getJsonNumber("id").longValue();
    }
}
