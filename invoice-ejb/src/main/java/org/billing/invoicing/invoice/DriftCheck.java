package org.billing.invoicing.invoice;

import static org.billing.invoicing.common.Jdbc.instant;
import static org.billing.invoicing.common.Jdbc.setInstant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;

/**
 * The drift of issued invoices (issue 13): their periods recalculated now with the very statements
 * Calculate runs ({@link InvoiceCalculator#calculateAll}, many invoices in one statement per direction),
 * compared with what was issued for them, the invoice plus its issued supplementary invoices that are
 * not credited, row by row ({@link InvoiceTally}). The outcome of each check replaces the invoice's row
 * of {@code invoice_drift}. Runs on the caller's connection and transaction.
 */
final class DriftCheck {

    private static final String UPSERT = """
            INSERT INTO invoice_drift (invoice_id, checked_at, checked_by, drifted, calls_then, calls_now,
                duration_then, duration_now, billing_duration_then, billing_duration_now, amount_then, amount_now,
                rows_changed)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (invoice_id) DO UPDATE SET checked_at = excluded.checked_at, checked_by = excluded.checked_by,
                drifted = excluded.drifted, calls_then = excluded.calls_then, calls_now = excluded.calls_now,
                duration_then = excluded.duration_then, duration_now = excluded.duration_now,
                billing_duration_then = excluded.billing_duration_then,
                billing_duration_now = excluded.billing_duration_now, amount_then = excluded.amount_then,
                amount_now = excluded.amount_now, rows_changed = excluded.rows_changed
            """;

    /** What was issued for an invoice's period, and what the period gives now. */
    record Outcome(Invoice invoice, InvoiceTally then, InvoiceTally now) {

        /** Now minus then, with only the rows that changed: what a supplementary invoice bills. */
        InvoiceTally difference() {
            return now.minus(then);
        }

        boolean drifted() {
            return !difference().isZero();
        }
    }

    private final InvoiceCalculator calculator = new InvoiceCalculator();
    private final InvoiceLineStore lineStore = new InvoiceLineStore();

    /**
     * Checks issued invoices (kind INVOICE, not credited: the caller chose them) in one calculation;
     * the outcomes in the order given.
     */
    List<Outcome> check(EntityManager em, Connection connection, List<Invoice> invoices) throws SQLException {
        if (invoices.isEmpty()) {
            return List.of();
        }
        List<InvoiceCalculator.Calculation> calculations = invoices.stream()
                .map(invoice -> new InvoiceCalculator.Calculation(
                        invoice.getAccountId(), invoice.getDirection(), invoice.getPaymentModel(), invoice.period()))
                .toList();
        List<InvoiceFigures> now = calculator.calculateAll(connection, calculations);
        Map<Long, List<Invoice>> supplementaries =
                issuedSupplementaries(em, invoices.stream().map(Invoice::getId).toList());
        List<Outcome> outcomes = new ArrayList<>(invoices.size());
        for (int i = 0; i < invoices.size(); i++) {
            Invoice invoice = invoices.get(i);
            InvoiceTally then = stored(connection, invoice);
            for (Invoice supplementary : supplementaries.getOrDefault(invoice.getId(), List.of())) {
                then = then.plus(stored(connection, supplementary));
            }
            outcomes.add(new Outcome(invoice, then, InvoiceTally.of(now.get(i))));
        }
        return outcomes;
    }

    /** Replaces the invoice's last check with this one. */
    static void record(Connection connection, Outcome outcome, Instant at, String by) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            CallTotals then = outcome.then().calls();
            CallTotals now = outcome.now().calls();
            upsert.setLong(1, outcome.invoice().getId());
            setInstant(upsert, 2, at);
            upsert.setString(3, by);
            upsert.setBoolean(4, outcome.drifted());
            upsert.setLong(5, then.callsCount());
            upsert.setLong(6, now.callsCount());
            upsert.setLong(7, then.callsDuration());
            upsert.setLong(8, now.callsDuration());
            upsert.setLong(9, then.billingDuration());
            upsert.setLong(10, now.billingDuration());
            upsert.setBigDecimal(11, outcome.then().amount());
            upsert.setBigDecimal(12, outcome.now().amount());
            upsert.setInt(13, outcome.difference().rowCount());
            upsert.executeUpdate();
        }
    }

    /** A credited invoice is not checked any more: its last check goes with the credit. */
    static void forget(Connection connection, long invoiceId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM invoice_drift WHERE invoice_id = ?")) {
            delete.setLong(1, invoiceId);
            delete.executeUpdate();
        }
    }

    /** The invoice's last check, times in {@code invoice}'s zone. */
    static Optional<DriftView> last(Connection connection, Invoice invoice, Long pendingSupplementaryId)
            throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT * FROM invoice_drift WHERE invoice_id = ?")) {
            select.setLong(1, invoice.getId());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new DriftView(
                        invoice.getId(),
                        InvoiceViews.at(instant(row, "checked_at"), invoice.zone()),
                        row.getString("checked_by"),
                        row.getBoolean("drifted"),
                        row.getLong("calls_then"),
                        row.getLong("calls_now"),
                        row.getLong("duration_then"),
                        row.getLong("duration_now"),
                        row.getLong("billing_duration_then"),
                        row.getLong("billing_duration_now"),
                        row.getBigDecimal("amount_then"),
                        row.getBigDecimal("amount_now"),
                        row.getBigDecimal("amount_now").subtract(row.getBigDecimal("amount_then")),
                        row.getInt("rows_changed"),
                        pendingSupplementaryId));
            }
        }
    }

    private InvoiceTally stored(Connection connection, Invoice invoice) throws SQLException {
        Map<DetailTable, List<CallLine>> tables = new EnumMap<>(DetailTable.class);
        for (DetailTable table : DetailTable.callTables(CallSide.of(invoice.getDirection()))) {
            tables.put(table, lineStore.callLines(connection, invoice.getId(), table));
        }
        List<ServiceLine> services = invoice.getDirection() == Direction.CUSTOMER
                ? lineStore.serviceLines(connection, invoice.getId())
                : List.of();
        return InvoiceTally.of(invoice, tables, services);
    }

    /** The issued supplementary invoices of the originals that no credit note reverses. */
    private static Map<Long, List<Invoice>> issuedSupplementaries(EntityManager em, List<Long> originalIds) {
        Map<Long, List<Invoice>> byOriginal = new HashMap<>();
        for (int from = 0; from < originalIds.size(); from += 1_000) {
            em.createQuery(
                            "SELECT s FROM Invoice s WHERE s.supplementedInvoiceId IN :ids AND s.state <> :pending"
                                    + " AND NOT EXISTS (SELECT c.id FROM Invoice c WHERE c.creditedInvoiceId = s.id)"
                                    + " ORDER BY s.id",
                            Invoice.class)
                    .setParameter("ids", originalIds.subList(from, Math.min(originalIds.size(), from + 1_000)))
                    .setParameter("pending", InvoiceState.PENDING)
                    .getResultStream()
                    .forEach(s -> byOriginal
                            .computeIfAbsent(s.getSupplementedInvoiceId(), k -> new ArrayList<>())
                            .add(s));
        }
        return byOriginal;
    }
}
