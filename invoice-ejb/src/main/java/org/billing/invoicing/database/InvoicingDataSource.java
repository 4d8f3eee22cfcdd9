package org.billing.invoicing.database;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.ds.common.BaseDataSource;

/**
 * The data source class the server's connection pool is built on (see {@link DatabaseStartup}). It
 * connects to the PostgreSQL named by {@code INVOICING_DB_URL} / {@code _USER} / {@code _PASSWORD},
 * or, when {@code INVOICING_DB_EMBEDDED=true} asks for it instead, to the embedded database, so that
 * the same WAR runs on a plain Payara Micro with no server configuration. With neither it connects
 * nowhere and says which setting is missing.
 *
 * <p>The pool sets the usual data source properties on it; they are accepted and ignored, since the
 * settings above decide.
 */
public class InvoicingDataSource implements DataSource {

    private static DataSource target;

    private static synchronized DataSource target() throws SQLException {
        if (target == null) {
            if (Settings.databaseUrl().isPresent()) {
                target = postgres(Settings.databaseUrl().get());
            } else if (Settings.embeddedDatabaseAsked()) {
                target = EmbeddedDatabase.dataSource();
            } else {
                throw new SQLException(Settings.NO_DATABASE, "08001");
            }
            if (target instanceof BaseDataSource postgres) {
                // A batch of inserts travels as multi-row INSERTs: automatic invoicing writes thousands of
                // detail rows per transaction.
                postgres.setReWriteBatchedInserts(true);
                // No statement, lock wait or silent socket may hold a pooled connection for ever.
                DatabaseTimeouts.configured().applyTo(postgres);
            }
        }
        return target;
    }

    private static DataSource postgres(String url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(Settings.databaseUser());
        dataSource.setPassword(Settings.databasePassword());
        return dataSource;
    }

    /**
     * The database as the migration user ({@code invoicing.db.migration-user}), with the timeouts of the
     * pool, when one is set and the database is PostgreSQL by URL; empty otherwise (the runtime user migrates).
     */
    static Optional<DataSource> migrationTarget() {
        if (Settings.migrationUser().isEmpty() || Settings.databaseUrl().isEmpty()) {
            return Optional.empty();
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(Settings.databaseUrl().get());
        dataSource.setUser(Settings.migrationUser().get());
        dataSource.setPassword(Settings.migrationPassword());
        DatabaseTimeouts.configured().applyTo(dataSource);
        return Optional.of(dataSource);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return target().getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return target().getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // The driver logs through java.util.logging.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // Connections are made by the target data source with its own timeouts.
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return target().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || target().isWrapperFor(type);
    }

    // Properties a pool sets on any data source class; the settings decide instead.

    public void setUrl(String url) {}

    public void setUser(String user) {}

    public void setPassword(String password) {}

    public void setServerName(String serverName) {}

    public void setPortNumber(int portNumber) {}

    public void setDatabaseName(String databaseName) {}

    public void setDescription(String description) {}
}
