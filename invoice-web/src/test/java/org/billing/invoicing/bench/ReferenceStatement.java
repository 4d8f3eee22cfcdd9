package org.billing.invoicing.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.billing.invoicing.common.Jdbc;
import org.billing.invoicing.testing.PostgresDatabase;

/**
 * The yardstick of the benchmarks that make many invoices at once: the best set-based SQL producing the
 * same figures as the invoices of every account and direction for a span of days, timed on the database.
 */
final class ReferenceStatement {

    /** Times of the statement taken; the best counts. */
    static final int RUNS = 3;

    private ReferenceStatement() {}

    /**
     * Every figure of every account's customer and vendor invoice for the days {@code first} to {@code last}
     * (each account in its own zone), in one statement: the same groupings as the calculator, over all
     * accounts at once. Runs it {@value #RUNS} times, reading every row, and returns the best time.
     */
    static Duration best(PostgresDatabase database, LocalDate first, LocalDate last) throws Exception {
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
                + side.formatted(
                        "CUSTOMER",
                        "customer_acc_id",
                        "destination_prefix",
                        "destination_next_rate",
                        "customer_duration",
                        "customer_price",
                        "destination_reverse_billing",
                        "AND c.is_last_cdr")
                + "UNION ALL\n"
                + side.formatted(
                        "VENDOR",
                        "vendor_acc_id",
                        "dialpeer_prefix",
                        "dialpeer_next_rate",
                        "vendor_duration",
                        "vendor_price",
                        "dialpeer_reverse_billing",
                        "")
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
        Instant widestStart = first.atStartOfDay(ZoneOffset.ofHours(14)).toInstant();
        Instant widestEnd =
                last.plusDays(1).atStartOfDay(ZoneOffset.ofHours(-12)).toInstant();
        List<Duration> runs = new ArrayList<>();
        try (Connection connection = database.connection()) {
            for (int run = 0; run < RUNS; run++) {
                long started = System.nanoTime();
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setString(1, first.atStartOfDay().toString());
                    statement.setString(2, last.plusDays(1).atStartOfDay().toString());
                    for (int parameter = 3; parameter <= 6; parameter += 2) {
                        Jdbc.setInstant(statement, parameter, widestStart);
                        Jdbc.setInstant(statement, parameter + 1, widestEnd);
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
}
