package org.billing.invoicing.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Many invoice rows written by one SQL statement ({@code generate_series}), for tests and benchmarks of
 * the invoice list: no CDRs, no detail tables, figures that mean nothing. Spread over the accounts in
 * the database, both directions, one day each; one in ten Pending, the others Approved and numbered
 * {@code GEN-<n>} (customer series 1, vendor series 2); one in twenty Manual, the others Auto; created
 * 30 seconds apart from 2024-01-01, so older than anything made through the application now. Ids come
 * from {@code invoice_seq} like the application's, so they never collide with the invoices it makes.
 */
public final class GeneratedInvoices {

    private GeneratedInvoices() {}

    /** Inserts {@code count} invoices numbered from {@code firstNumber}; answers how many were written. */
    public static long insert(Connection connection, long firstNumber, long count) throws SQLException {
        String sql = """
                WITH accounts AS (
                    SELECT row_number() OVER (ORDER BY id) - 1 AS k, id, contractor_id, timezone, payment_model
                    FROM account),
                     n AS (SELECT count(*) AS c FROM accounts)
                INSERT INTO invoice (id, contractor_id, account_id, direction, state, type, start_at, end_at, time_zone,
                                     first_day, last_day, amount, orig_spent, orig_earned, term_spent, term_earned,
                                     srv_spent, srv_earned, srv_transactions_count, calls_count,
                                     successful_calls_count, calls_duration, billing_duration, created_at,
                                     number, series_id, issued_at, issued_by, created_by, payment_model)
                SELECT nextval('invoice_seq'), a.contractor_id, a.id,
                       CASE WHEN (g / n.c) % 2 = 0 THEN 'CUSTOMER' ELSE 'VENDOR' END,
                       CASE WHEN g % 10 = 0 THEN 'PENDING' ELSE 'APPROVED' END,
                       CASE WHEN g % 20 = 1 THEN 'MANUAL' ELSE 'AUTO' END,
                       day::timestamptz, (day + 1)::timestamptz, 'UTC', day, day,
                       g % 1000, g % 1000, 0, 0, 0, 0, 0, 0, g % 100, g % 90, g % 100 * 60, g % 100 * 60,
                       timestamptz '2024-01-01T00:00:00Z' + g * interval '30 seconds',
                       CASE WHEN g % 10 = 0 THEN NULL ELSE 'GEN-' || g END,
                       CASE WHEN g % 10 = 0 THEN NULL WHEN (g / n.c) % 2 = 0 THEN 1 ELSE 2 END,
                       CASE WHEN g % 10 = 0 THEN NULL
                            ELSE timestamptz '2024-01-01T00:00:00Z' + g * interval '30 seconds' END,
                       CASE WHEN g % 10 = 0 THEN NULL ELSE 'generator' END,
                       'generator', a.payment_model
                FROM generate_series(?::bigint, ?::bigint) g
                CROSS JOIN n
                JOIN accounts a ON a.k = g % n.c
                CROSS JOIN LATERAL (SELECT date '2020-01-01' + (g / (2 * n.c))::int AS day) d
                """;
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setLong(1, firstNumber);
            insert.setLong(2, firstNumber + count - 1);
            return insert.executeUpdate();
        }
    }

    /** Contractors and accounts to spread invoices over: ids after those there, names {@code Generated ...}. */
    public static void accounts(Connection connection, int contractors, int accountsEach) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO contractor (id, name, address, phones, email, is_customer, is_vendor)
                    SELECT base.m + c, 'Generated contractor ' || c, 'Street ' || c, '+1 555 ' || c,
                           'billing' || c || '@example.com', true, true
                    FROM generate_series(1, %d) c, (SELECT coalesce(max(id), 0) AS m FROM contractor) base
                    """.formatted(contractors));
            statement.execute("""
                    INSERT INTO account (id, contractor_id, name, balance, currency, timezone, payment_model)
                    SELECT base.m + row_number() OVER (ORDER BY c.id, k), c.id,
                           'Generated account ' || c.id || '-' || k, 0, 'EUR', 'UTC',
                           CASE WHEN k %% 3 = 0 THEN 'PREPAY' ELSE 'POSTPAY' END
                    FROM contractor c CROSS JOIN generate_series(1, %d) k,
                         (SELECT coalesce(max(id), 0) AS m FROM account) base
                    WHERE c.name LIKE 'Generated contractor %%'
                    """.formatted(accountsEach));
        }
    }
}
