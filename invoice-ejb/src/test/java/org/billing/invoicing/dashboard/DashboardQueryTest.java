package org.billing.invoicing.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.billing.invoicing.testing.GeneratedInvoices;
import org.billing.invoicing.testing.PostgresDatabase;
import org.junit.jupiter.api.Test;

/**
 * The month at a glance's SQL on a real PostgreSQL: the figures of a handful of invoices worked out by hand,
 * and the plan of the monthly statements on 200,000 invoices (an index-only scan of the twelve months, never
 * the whole table).
 */
class DashboardQueryTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    /**
     * The fixture's accounts 10 (EUR), 20 (USD) and 30 (EUR). Issued in March 2026: Acme wholesale's customer
     * invoice 10.565 (7 calls, 540 s) and Acme retail's closed one 2.5 (3 calls, 120 s), so customer EUR 13.065 of
     * two invoices, 10 calls, 660 s; Carrier B's vendor invoice 0.37 (8 calls) and its credit note -0.37, so
     * vendor USD 0.00 of two documents and no vendor calls (the credited invoice is left out, the credit note
     * carries none). Acme wholesale's November 1.00 (1 call, 60 s). Left out: its October 2025 (before the
     * twelve months) and its Pending April, which is counted as waiting.
     */
    @Test
    void theFiguresAreTheIssuedInvoicesPerMonthDirectionAndCurrency() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.startMigrated()) {
            database.run("/fixtures/march-2026.sql");
            try (Connection connection = database.connection();
                    Statement statement = connection.createStatement()) {
                insert(statement, 1, 10, "CUSTOMER", "APPROVED", "2026-03-01", "10.565", 7, 540, null);
                insert(statement, 2, 30, "CUSTOMER", "CLOSED", "2026-03-15", "2.5", 3, 120, null);
                insert(statement, 3, 20, "VENDOR", "APPROVED", "2026-03-01", "0.37", 8, 286, null);
                insert(statement, 4, 20, "VENDOR", "APPROVED", "2026-03-01", "-0.37", 8, 286, 3L);
                insert(statement, 5, 10, "CUSTOMER", "PENDING", "2026-04-01", "5", 2, 60, null);
                insert(statement, 6, 10, "CUSTOMER", "APPROVED", "2025-10-01", "99", 9, 900, null);
                insert(statement, 7, 10, "CUSTOMER", "APPROVED", "2026-11-01", "1.00", 1, 60, null);

                MonthAtAGlance figures = DashboardQuery.read(connection, NOVEMBER);

                assertEquals(12, figures.months().size());
                assertEquals("2025-12", figures.months().get(0));
                assertEquals("2026-11", figures.months().get(11));
                assertEquals(
                        List.of(
                                "2026-03 CUSTOMER EUR 13.065 2",
                                "2026-03 VENDOR USD 0.00 2",
                                "2026-11 CUSTOMER EUR 1.00 1"),
                        figures.invoiced().stream()
                                .map(i -> i.month() + " " + i.direction() + " " + i.currency() + " "
                                        + i.amount().toPlainString() + " " + i.documents())
                                .toList());
                assertEquals(
                        List.of("2026-03 CUSTOMER 10 660", "2026-11 CUSTOMER 1 60"),
                        figures.traffic().stream()
                                .map(t -> t.month() + " " + t.direction() + " " + t.calls() + " " + t.billedSeconds())
                                .toList());
                assertEquals(1, figures.pendingInvoices());
                assertEquals(0, figures.failedDocuments());
                assertEquals(0, figures.failedEmails());
                assertEquals(0, figures.failingAutomaticInvoicing());
                assertEquals(0, figures.driftedInvoices(), "no drift check found a difference");
            }
        }
    }

    @Test
    void theTwelveMonthsAreReadThroughTheirIndexNotTheWholeTable() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.startMigrated()) {
            database.run("/fixtures/march-2026.sql");
            try (Connection connection = database.connection();
                    Statement statement = connection.createStatement()) {
                GeneratedInvoices.accounts(connection, 50, 2);
                // 200,000 invoices of 103 accounts, one day each from 2020-01-01 to 2022-09: about 5,600 a month.
                GeneratedInvoices.insert(connection, 1, 200_000);
                statement.execute("VACUUM ANALYZE invoice");
                YearMonth current = YearMonth.of(2021, 6);
                for (String sql : List.of(DashboardQuery.INVOICED, DashboardQuery.TRAFFIC)) {
                    String plan = explain(
                            connection,
                            sql,
                            current.minusMonths(11).atDay(1),
                            current.plusMonths(1).atDay(1));
                    System.out.println(plan);
                    assertTrue(plan.contains("invoice_issued_month_idx"), plan);
                    assertFalse(plan.contains("Seq Scan on invoice i"), plan);
                }
                long started = System.nanoTime();
                MonthAtAGlance figures = DashboardQuery.read(connection, current);
                System.out.printf(
                        "The month at a glance of 200,000 invoices: %d ms%n",
                        (System.nanoTime() - started) / 1_000_000);
                assertEquals(
                        12,
                        figures.invoiced().stream()
                                .map(MonthAtAGlance.Invoiced::month)
                                .distinct()
                                .count());
            }
        }
    }

    private static String explain(Connection connection, String sql, LocalDate from, LocalDate until)
            throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
            explain.setObject(1, from);
            explain.setObject(2, until);
            try (ResultSet row = explain.executeQuery()) {
                while (row.next()) {
                    plan.append(row.getString(1)).append('\n');
                }
            }
        }
        return plan.toString();
    }

    private static void insert(
            Statement statement,
            long id,
            long account,
            String direction,
            String state,
            String firstDay,
            String amount,
            long calls,
            long billed,
            Long credited)
            throws SQLException {
        boolean issued = !"PENDING".equals(state);
        statement.execute(
                "INSERT INTO invoice (id, contractor_id, account_id, direction, state, type, start_at, end_at,"
                        + " time_zone, first_day, last_day, amount, orig_spent, orig_earned, term_spent, term_earned, srv_spent,"
                        + " srv_earned, srv_transactions_count, calls_count, successful_calls_count, calls_duration, billing_duration,"
                        + " created_at, kind, number, series_id, issued_at, issued_by, credited_invoice_id)"
                        + " SELECT " + id + ", a.contractor_id, a.id, '" + direction + "', '" + state
                        + "', 'MANUAL', date '"
                        + firstDay + "', date '" + firstDay + "' + 1, 'UTC', date '" + firstDay + "', date '" + firstDay
                        + "', "
                        + amount + ", 0, 0, 0, 0, 0, 0, 0, " + calls + ", " + calls + ", " + billed + ", " + billed
                        + ", now(), '"
                        + (credited == null ? "INVOICE" : "CREDIT_NOTE") + "', "
                        + (issued ? "'T-" + id + "', 1, now(), 'test'" : "NULL, NULL, NULL, NULL") + ", "
                        + (credited == null ? "NULL" : credited) + " FROM account a WHERE a.id = " + account);
    }
}
