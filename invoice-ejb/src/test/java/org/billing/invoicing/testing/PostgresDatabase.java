package org.billing.invoicing.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.billing.invoicing.database.DatabaseStartup;

/**
 * A real PostgreSQL for a test class, from Maven artifacts (no Docker), with the module's migrations
 * applied. Each test class gets a fresh server in a temporary directory: no state is shared.
 */
public final class PostgresDatabase implements AutoCloseable {

    private static final String USER = "postgres";
    // The server trusts local connections, but Payara's connection pool insists on a password.
    private static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;

    private PostgresDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static PostgresDatabase startMigrated() {
        return startMigrated(Map.of());
    }

    /** The same with settings of the server, e.g. {@code shared_preload_libraries} for a benchmark's profile. */
    public static PostgresDatabase startMigrated(Map<String, String> serverConfig) {
        PostgresDatabase database = startEmpty(serverConfig);
        DatabaseStartup.migrate(database.dataSource());
        return database;
    }

    /** A server with nothing in it, e.g. to stand for the platform's own database before the module comes. */
    public static PostgresDatabase startEmpty() {
        return startEmpty(Map.of());
    }

    private static PostgresDatabase startEmpty(Map<String, String> serverConfig) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            serverConfig.forEach(builder::setServerConfig);
            return new PostgresDatabase(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public DataSource dataSource() {
        return postgres.getPostgresDatabase(Map.of("password", PASSWORD));
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    /** The environment through which the deployed module finds this database. */
    public Map<String, String> environment() {
        return Map.of("INVOICING_DB_URL", jdbcUrl(), "INVOICING_DB_USER", USER, "INVOICING_DB_PASSWORD", PASSWORD);
    }

    public Connection connection() throws SQLException {
        return dataSource().getConnection();
    }

    /** Runs a script of the test resources, e.g. {@code /fixtures/march-2026.sql}. */
    public void run(String resource) throws SQLException {
        try (InputStream in = PostgresDatabase.class.getResourceAsStream(resource);
                Connection connection = connection();
                Statement statement = connection.createStatement()) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + resource);
            }
            statement.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
