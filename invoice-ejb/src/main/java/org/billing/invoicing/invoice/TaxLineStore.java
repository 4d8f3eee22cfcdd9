package org.billing.invoicing.invoice;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.billing.invoicing.tax.LegalLine;
import org.billing.invoicing.tax.LegalTotals;
import org.billing.invoicing.tax.VatGroup;

/**
 * The legal lines and the VAT breakdown of invoices (V17), written with the invoice in batched statements
 * and read back for its views, documents and credit note.
 */
final class TaxLineStore {

    /** An invoice's stored lines and VAT breakdown. */
    record Rows(List<LegalLine> lines, List<VatGroup> breakdown) {

        static final Rows NONE = new Rows(List.of(), List.of());
    }

    private TaxLineStore() {}

    static void insert(Connection connection, long invoiceId, LegalTotals totals) throws SQLException {
        insertAll(connection, List.of(invoiceId), java.util.Collections.singletonList(totals));
    }

    /** The rows of many invoices, {@code totals} in the order of {@code invoiceIds}; a null total writes none. */
    static void insertAll(Connection connection, List<Long> invoiceIds, List<LegalTotals> totals) throws SQLException {
        try (PreparedStatement lines = connection.prepareStatement("INSERT INTO inv_tax_lines"
                        + " (invoice_id, line_no, description, net_amount, vat_category, vat_rate)"
                        + " VALUES (?, ?, ?, ?, ?, ?)");
                PreparedStatement groups = connection.prepareStatement("INSERT INTO inv_vat_breakdown"
                        + " (invoice_id, line_no, vat_category, vat_rate, taxable_amount, vat_amount, exemption_reason)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int lineCount = 0;
            int groupCount = 0;
            for (int i = 0; i < invoiceIds.size(); i++) {
                LegalTotals invoice = totals.get(i);
                if (invoice == null) {
                    continue;
                }
                for (LegalLine line : invoice.lines()) {
                    lines.setLong(1, invoiceIds.get(i));
                    lines.setInt(2, line.lineNo());
                    lines.setString(3, line.description());
                    lines.setBigDecimal(4, line.netAmount());
                    lines.setString(5, line.category());
                    lines.setBigDecimal(6, line.rate());
                    lines.addBatch();
                    lineCount++;
                }
                int no = 0;
                for (VatGroup group : invoice.breakdown()) {
                    groups.setLong(1, invoiceIds.get(i));
                    groups.setInt(2, ++no);
                    groups.setString(3, group.category());
                    groups.setBigDecimal(4, group.rate());
                    groups.setBigDecimal(5, group.taxableAmount());
                    groups.setBigDecimal(6, group.vatAmount());
                    groups.setString(7, group.exemptionReason());
                    groups.addBatch();
                    groupCount++;
                }
            }
            if (lineCount > 0) {
                lines.executeBatch();
            }
            if (groupCount > 0) {
                groups.executeBatch();
            }
        }
    }

    static Rows read(Connection connection, long invoiceId) throws SQLException {
        List<LegalLine> lines = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT line_no, description, net_amount, vat_category, vat_rate FROM inv_tax_lines"
                        + " WHERE invoice_id = ? ORDER BY line_no")) {
            select.setLong(1, invoiceId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    lines.add(new LegalLine(
                            row.getInt(1), row.getString(2), row.getBigDecimal(3), row.getString(4), rate(row, 5)));
                }
            }
        }
        List<VatGroup> breakdown = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT vat_category, vat_rate, taxable_amount, vat_amount, exemption_reason FROM inv_vat_breakdown"
                        + " WHERE invoice_id = ? ORDER BY line_no")) {
            select.setLong(1, invoiceId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    breakdown.add(new VatGroup(
                            row.getString(1),
                            rate(row, 2),
                            row.getBigDecimal(3),
                            row.getBigDecimal(4),
                            row.getString(5)));
                }
            }
        }
        return new Rows(lines, breakdown);
    }

    private static BigDecimal rate(ResultSet row, int column) throws SQLException {
        return row.getBigDecimal(column);
    }
}
