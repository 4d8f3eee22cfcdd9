package org.billing.invoicing.invoice;

import static org.billing.invoicing.common.Jdbc.instant;
import static org.billing.invoicing.common.Jdbc.nullableInteger;
import static org.billing.invoicing.common.Jdbc.nullableLong;
import static org.billing.invoicing.common.Jdbc.setInstant;
import static org.billing.invoicing.common.Jdbc.setInteger;
import static org.billing.invoicing.common.Jdbc.setLong;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.billing.invoicing.common.CopyRows;

/**
 * Stores and reads the detail tables of an invoice. The rows are aggregates (a few per destination),
 * written in one JDBC batch per table inside the transaction that creates the invoice; a prepay
 * invoice's charges, subscriptions and corrections are copied the same way (seed 002), so that the
 * issued invoice keeps them as they were.
 */
public final class InvoiceLineStore {

    private static final String CALL_COLUMNS = "dst_prefix, country_id, country, network_id, network, rate, "
            + "calls_count, successful_calls_count, calls_duration, billing_duration, amount, first_call_at, last_call_at";
    private static final String CHARGE_COLUMNS = "line_no, transaction_id, service_id, subscription_id, description,"
            + " quantity, duration_months, unit_price, discount, taxes, amount, created_at";

    public void insert(Connection connection, long invoiceId, InvoiceFigures figures) throws SQLException {
        insertAll(connection, List.of(invoiceId), List.of(figures));
    }

    /**
     * The detail tables of many invoices at once (automatic invoicing writes a chunk in one transaction):
     * one JDBC batch per table across all of them.
     */
    public void insertAll(Connection connection, List<Long> invoiceIds, List<InvoiceFigures> figures)
            throws SQLException {
        for (DetailTable table : DetailTable.values()) {
            if (table.isCallTable()) {
                insertCallLines(connection, invoiceIds, table, figures);
            }
        }
        insertServiceLines(connection, invoiceIds, figures);
        for (int i = 0; i < invoiceIds.size(); i++) {
            insertPrepay(connection, invoiceIds.get(i), figures.get(i));
        }
    }

    private static void insertPrepay(Connection connection, long invoiceId, InvoiceFigures figures)
            throws SQLException {
        insertCharges(connection, invoiceId, figures.prepay().charges());
        insertSubscriptions(connection, invoiceId, figures.prepay().subscriptions());
        insertCorrections(connection, invoiceId, figures.prepay().corrections());
    }

    private static void insertCallLines(
            Connection connection, List<Long> invoiceIds, DetailTable table, List<InvoiceFigures> figures)
            throws SQLException {
        CopyRows rows = new CopyRows(table.sqlTable() + " (invoice_id, line_no, " + CALL_COLUMNS + ")");
        for (int i = 0; i < invoiceIds.size(); i++) {
            int lineNo = 0;
            for (CallLine line : figures.get(i).callTables().getOrDefault(table, List.of())) {
                rows.add(invoiceIds.get(i))
                        .add(++lineNo)
                        .add(line.dstPrefix())
                        .add(line.countryId())
                        .add(line.country())
                        .add(line.networkId())
                        .add(line.network())
                        .add(line.rate())
                        .add(line.callsCount())
                        .add(line.successfulCallsCount())
                        .add(line.callsDuration())
                        .add(line.billingDuration())
                        .add(line.amount())
                        .add(line.firstCallAt())
                        .add(line.lastCallAt())
                        .endRow();
            }
        }
        rows.send(connection);
    }

    private static void insertServiceLines(Connection connection, List<Long> invoiceIds, List<InvoiceFigures> figures)
            throws SQLException {
        if (figures.stream().allMatch(f -> f.serviceLines().isEmpty())) {
            return;
        }
        String sql = "INSERT INTO " + DetailTable.INV_SRV_DATA_TABLE.sqlTable()
                + " (invoice_id, line_no, service_id, service, transactions_count, amount) VALUES (?, ?, ?, ?, ?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < invoiceIds.size(); i++) {
                int lineNo = 0;
                for (ServiceLine line : figures.get(i).serviceLines()) {
                    statement.setLong(1, invoiceIds.get(i));
                    statement.setInt(2, ++lineNo);
                    statement.setLong(3, line.serviceId());
                    statement.setString(4, line.service());
                    statement.setLong(5, line.transactionsCount());
                    statement.setBigDecimal(6, line.amount());
                    statement.addBatch();
                }
            }
            statement.executeBatch();
        }
    }

    public List<CallLine> callLines(Connection connection, long invoiceId, DetailTable table) throws SQLException {
        if (!table.isCallTable()) {
            throw new IllegalArgumentException(table + " is not a call table");
        }
        String sql = "SELECT " + CALL_COLUMNS + " FROM " + table.sqlTable() + " WHERE invoice_id = ? ORDER BY line_no";
        List<CallLine> lines = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, invoiceId);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    lines.add(new CallLine(
                            row.getString("dst_prefix"),
                            nullableLong(row, "country_id"),
                            row.getString("country"),
                            nullableLong(row, "network_id"),
                            row.getString("network"),
                            row.getBigDecimal("rate"),
                            row.getLong("calls_count"),
                            row.getLong("successful_calls_count"),
                            row.getLong("calls_duration"),
                            row.getLong("billing_duration"),
                            row.getBigDecimal("amount"),
                            instant(row, "first_call_at"),
                            instant(row, "last_call_at")));
                }
            }
        }
        return lines;
    }

    public List<ServiceLine> serviceLines(Connection connection, long invoiceId) throws SQLException {
        String sql = "SELECT service_id, service, transactions_count, amount FROM "
                + DetailTable.INV_SRV_DATA_TABLE.sqlTable() + " WHERE invoice_id = ? ORDER BY line_no";
        List<ServiceLine> lines = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, invoiceId);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    BigDecimal amount = row.getBigDecimal("amount");
                    lines.add(new ServiceLine(
                            row.getLong("service_id"),
                            row.getString("service"),
                            row.getLong("transactions_count"),
                            amount));
                }
            }
        }
        return lines;
    }

    private static void insertCharges(Connection connection, long invoiceId, List<ChargeLine> charges)
            throws SQLException {
        if (charges.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO " + PrepayTable.INV_CHARGES_TABLE.sqlTable() + " (invoice_id, " + CHARGE_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (ChargeLine charge : charges) {
                statement.setLong(1, invoiceId);
                statement.setInt(2, charge.lineNo());
                statement.setLong(3, charge.transactionId());
                statement.setLong(4, charge.serviceId());
                setLong(statement, 5, charge.subscriptionId());
                statement.setString(6, charge.description());
                statement.setBigDecimal(7, charge.quantity());
                setInteger(statement, 8, charge.durationMonths());
                statement.setBigDecimal(9, charge.unitPrice());
                statement.setBigDecimal(10, charge.discount());
                statement.setBigDecimal(11, charge.taxes());
                statement.setBigDecimal(12, charge.amount());
                setInstant(statement, 13, charge.createdAt().toInstant());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void insertSubscriptions(Connection connection, long invoiceId, List<SubscriptionLine> subscriptions)
            throws SQLException {
        if (subscriptions.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO " + PrepayTable.INV_SUBSCRIPTIONS_TABLE.sqlTable()
                + " (invoice_id, line_no, subscription_id, name, status) VALUES (?, ?, ?, ?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int lineNo = 0;
            for (SubscriptionLine subscription : subscriptions) {
                statement.setLong(1, invoiceId);
                statement.setInt(2, ++lineNo);
                statement.setLong(3, subscription.subscriptionId());
                statement.setString(4, subscription.name());
                statement.setString(5, subscription.status());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void insertCorrections(Connection connection, long invoiceId, List<CorrectionLine> corrections)
            throws SQLException {
        if (corrections.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO " + PrepayTable.INV_CORRECTIONS_TABLE.sqlTable()
                + " (invoice_id, line_no, correction_id, description, amount, approved_at) VALUES (?, ?, ?, ?, ?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (CorrectionLine correction : corrections) {
                statement.setLong(1, invoiceId);
                statement.setInt(2, correction.lineNo());
                statement.setLong(3, correction.correctionId());
                statement.setString(4, correction.description());
                statement.setBigDecimal(5, correction.amount());
                setInstant(statement, 6, correction.approvedAt().toInstant());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** The rows of one of a prepay invoice's groups, times in {@code zone} (the invoice's). */
    public List<?> prepayLines(Connection connection, long invoiceId, PrepayTable table, ZoneId zone)
            throws SQLException {
        return switch (table) {
            case INV_CHARGES_TABLE -> charges(connection, invoiceId, zone);
            case INV_SUBSCRIPTIONS_TABLE -> subscriptions(connection, invoiceId);
            case INV_CORRECTIONS_TABLE -> corrections(connection, invoiceId, zone);
        };
    }

    public List<ChargeLine> charges(Connection connection, long invoiceId, ZoneId zone) throws SQLException {
        String sql = "SELECT " + CHARGE_COLUMNS + " FROM " + PrepayTable.INV_CHARGES_TABLE.sqlTable()
                + " WHERE invoice_id = ? ORDER BY line_no";
        List<ChargeLine> charges = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, invoiceId);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    charges.add(new ChargeLine(
                            row.getInt("line_no"),
                            row.getLong("transaction_id"),
                            row.getLong("service_id"),
                            nullableLong(row, "subscription_id"),
                            row.getString("description"),
                            row.getBigDecimal("quantity"),
                            nullableInteger(row, "duration_months"),
                            row.getBigDecimal("unit_price"),
                            row.getBigDecimal("discount"),
                            row.getBigDecimal("taxes"),
                            row.getBigDecimal("amount"),
                            InvoiceViews.at(instant(row, "created_at"), zone)));
                }
            }
        }
        return charges;
    }

    public List<SubscriptionLine> subscriptions(Connection connection, long invoiceId) throws SQLException {
        String sql = "SELECT subscription_id, name, status FROM " + PrepayTable.INV_SUBSCRIPTIONS_TABLE.sqlTable()
                + " WHERE invoice_id = ? ORDER BY line_no";
        List<SubscriptionLine> subscriptions = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, invoiceId);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    subscriptions.add(new SubscriptionLine(
                            row.getLong("subscription_id"), row.getString("name"), row.getString("status")));
                }
            }
        }
        return subscriptions;
    }

    public List<CorrectionLine> corrections(Connection connection, long invoiceId, ZoneId zone) throws SQLException {
        String sql = "SELECT line_no, correction_id, description, amount, approved_at FROM "
                + PrepayTable.INV_CORRECTIONS_TABLE.sqlTable() + " WHERE invoice_id = ? ORDER BY line_no";
        List<CorrectionLine> corrections = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, invoiceId);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    corrections.add(new CorrectionLine(
                            row.getInt("line_no"),
                            row.getLong("correction_id"),
                            row.getString("description"),
                            row.getBigDecimal("amount"),
                            InvoiceViews.at(instant(row, "approved_at"), zone)));
                }
            }
        }
        return corrections;
    }
}
