package org.billing.invoicing.invoice;

import static org.billing.invoicing.common.Jdbc.instant;
import static org.billing.invoicing.common.Jdbc.nullableLong;
import static org.billing.invoicing.common.Jdbc.setInstant;
import static org.billing.invoicing.common.Jdbc.setLong;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores and reads the detail tables of an invoice. The rows are aggregates (a few per destination),
 * written in one JDBC batch per table inside the transaction that creates the invoice.
 */
public final class InvoiceLineStore {

    private static final String CALL_COLUMNS = "dst_prefix, country_id, country, network_id, network, rate, "
            + "calls_count, successful_calls_count, calls_duration, billing_duration, amount, first_call_at, last_call_at";

    public void insert(Connection connection, long invoiceId, InvoiceFigures figures) throws SQLException {
        for (var entry : figures.callTables().entrySet()) {
            insertCallLines(connection, invoiceId, entry.getKey(), entry.getValue());
        }
        insertServiceLines(connection, invoiceId, figures.serviceLines());
    }

    private static void insertCallLines(Connection connection, long invoiceId, DetailTable table, List<CallLine> lines)
            throws SQLException {
        if (lines.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO " + table.sqlTable() + " (invoice_id, line_no, " + CALL_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int lineNo = 0;
            for (CallLine line : lines) {
                statement.setLong(1, invoiceId);
                statement.setInt(2, ++lineNo);
                statement.setString(3, line.dstPrefix());
                setLong(statement, 4, line.countryId());
                statement.setString(5, line.country());
                setLong(statement, 6, line.networkId());
                statement.setString(7, line.network());
                statement.setBigDecimal(8, line.rate());
                statement.setLong(9, line.callsCount());
                statement.setLong(10, line.successfulCallsCount());
                statement.setLong(11, line.callsDuration());
                statement.setLong(12, line.billingDuration());
                statement.setBigDecimal(13, line.amount());
                setInstant(statement, 14, line.firstCallAt());
                setInstant(statement, 15, line.lastCallAt());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void insertServiceLines(Connection connection, long invoiceId, List<ServiceLine> lines)
            throws SQLException {
        if (lines.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO " + DetailTable.INV_SRV_DATA_TABLE.sqlTable()
                + " (invoice_id, line_no, service_id, service, transactions_count, amount) VALUES (?, ?, ?, ?, ?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int lineNo = 0;
            for (ServiceLine line : lines) {
                statement.setLong(1, invoiceId);
                statement.setInt(2, ++lineNo);
                statement.setLong(3, line.serviceId());
                statement.setString(4, line.service());
                statement.setLong(5, line.transactionsCount());
                statement.setBigDecimal(6, line.amount());
                statement.addBatch();
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
                    lines.add(new CallLine(row.getString("dst_prefix"), nullableLong(row, "country_id"),
                            row.getString("country"), nullableLong(row, "network_id"), row.getString("network"),
                            row.getBigDecimal("rate"), row.getLong("calls_count"),
                            row.getLong("successful_calls_count"), row.getLong("calls_duration"),
                            row.getLong("billing_duration"), row.getBigDecimal("amount"),
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
                    lines.add(new ServiceLine(row.getLong("service_id"), row.getString("service"),
                            row.getLong("transactions_count"), amount));
                }
            }
        }
        return lines;
    }



}
