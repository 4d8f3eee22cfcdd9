package org.billing.invoicing.demo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The questions asked of the database before writing, and the statistics refreshed after. */
final class TargetDatabase {

    /** Serializes concurrent generators (two instances starting at once): the second sees the first's data. */
    private static final long LOCK_KEY = 0x64656d6f64617461L; // "demodata"

    private final Connection connection;

    TargetDatabase(Connection connection) {
        this.connection = connection;
    }

    /** Any contractor, account or CDR: the database is in use (or already has the demo data). */
    boolean holdsPlatformData() throws SQLException {
        return queryBoolean("SELECT EXISTS (SELECT 1 FROM contractor) OR EXISTS (SELECT 1 FROM account) "
                + "OR EXISTS (SELECT 1 FROM cdr)");
    }

    void lockForTransaction() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
        }
    }

    IdBase highestIds() throws SQLException {
        return new IdBase(
                maxId("country"),
                maxId("network"),
                maxId("contractor"),
                maxId("account"),
                maxId("service"),
                maxId("subscription"),
                maxId("service_transaction"),
                maxId("balance_correction"),
                maxId("cdr"));
    }

    void analyze() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE country, network, contractor, account, service, subscription, "
                    + "service_transaction, balance_correction, cdr");
        }
    }

    private long maxId(String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT coalesce(max(id), 0) FROM " + table)) {
            row.next();
            return row.getLong(1);
        }
    }

    private boolean queryBoolean(String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getBoolean(1);
        }
    }
}
