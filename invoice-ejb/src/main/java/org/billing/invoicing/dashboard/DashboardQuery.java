package org.billing.invoicing.dashboard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.billing.invoicing.generation.AutoInvoicingOverview;
import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.invoice.InvoiceListQuery;

/**
 * The SQL of the month at a glance. It reads the invoices' own figures (never the calls) through the indexes
 * of V9 and V15, and counts exactly what the lists its figures open show: the conditions are those of the
 * invoice list ({@link InvoiceListQuery}) and of the automatic invoicing overview ({@link AutoInvoicingOverview}).
 */
public final class DashboardQuery {

    /** Months shown, the current one included. */
    public static final int MONTHS = 12;

    /**
     * Issued amounts per month of the first day, direction and currency: {@code invoice_issued_month_idx} (V15).
     * Summed per account first, so that the join to the accounts and the grouping by currency see a few thousand
     * groups rather than every invoice of the twelve months.
     */
    static final String INVOICED = """
                SELECT to_char(m.month, 'YYYY-MM') AS month, m.direction, a.currency,
                       sum(m.amount) AS amount, sum(m.documents) AS documents
                FROM (SELECT date_trunc('month', i.first_day::timestamp) AS month, i.direction, i.account_id,
                             sum(i.amount) AS amount, count(*) AS documents
                      FROM invoice i
                      WHERE i.state <> 'PENDING' AND i.first_day >= ? AND i.first_day < ?
                      GROUP BY 1, 2, 3) m
                JOIN account a ON a.id = m.account_id
                GROUP BY m.month, m.direction, a.currency ORDER BY m.month, m.direction, a.currency
                """;

    /** Calls and billed seconds of the issued invoices, credited ones left out, per month and direction. */
    static final String TRAFFIC = """
                SELECT to_char(date_trunc('month', i.first_day::timestamp), 'YYYY-MM') AS month, i.direction,
                       sum(i.calls_count) AS calls, sum(i.billing_duration) AS billed
                FROM invoice i
                WHERE i.state <> 'PENDING' AND i.kind = 'INVOICE' AND i.first_day >= ? AND i.first_day < ?
                  AND NOT EXISTS (SELECT 1 FROM invoice note WHERE note.credited_invoice_id = i.id)
                GROUP BY date_trunc('month', i.first_day::timestamp), i.direction ORDER BY 1, 2
                """;

    private DashboardQuery() {}

    /** The figures of the twelve months up to {@code current}. */
    public static MonthAtAGlance read(Connection connection, YearMonth current) throws SQLException {
        YearMonth first = current.minusMonths(MONTHS - 1L);
        List<String> months = new ArrayList<>(MONTHS);
        for (YearMonth month = first; !month.isAfter(current); month = month.plusMonths(1)) {
            months.add(month.toString());
        }
        LocalDate from = first.atDay(1);
        LocalDate until = current.plusMonths(1).atDay(1);
        return new MonthAtAGlance(
                months,
                invoiced(connection, from, until),
                traffic(connection, from, until),
                count(connection, "SELECT count(*) FROM invoice i WHERE i.state = 'PENDING'"),
                count(connection, "SELECT count(*) FROM invoice i WHERE " + InvoiceListQuery.DOCUMENT_FAILED),
                count(connection, "SELECT count(*) FROM invoice i WHERE " + InvoiceListQuery.EMAIL_FAILED),
                AutoInvoicingOverview.count(connection, AutoInvoicingOverview.Filter.failingOnly()),
                count(connection, "SELECT count(*) FROM invoice i WHERE " + InvoiceListQuery.DRIFTED));
    }

    private static List<MonthAtAGlance.Invoiced> invoiced(Connection connection, LocalDate from, LocalDate until)
            throws SQLException {
        List<MonthAtAGlance.Invoiced> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(INVOICED)) {
            select.setObject(1, from);
            select.setObject(2, until);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new MonthAtAGlance.Invoiced(
                            row.getString("month"),
                            Direction.valueOf(row.getString("direction")),
                            row.getString("currency"),
                            row.getBigDecimal("amount"),
                            row.getLong("documents")));
                }
            }
        }
        return rows;
    }

    private static List<MonthAtAGlance.Traffic> traffic(Connection connection, LocalDate from, LocalDate until)
            throws SQLException {
        List<MonthAtAGlance.Traffic> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(TRAFFIC)) {
            select.setObject(1, from);
            select.setObject(2, until);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new MonthAtAGlance.Traffic(
                            row.getString("month"),
                            Direction.valueOf(row.getString("direction")),
                            row.getLong("calls"),
                            row.getLong("billed")));
                }
            }
        }
        return rows;
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql);
                ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
