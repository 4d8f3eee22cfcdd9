package org.billing.invoicing.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.billing.invoicing.database.DatabaseStartup;

/**
 * A real PostgreSQL for a test class, with the module's migrations applied. Each test class gets a
 * fresh server in a temporary directory: no state is shared between classes.
 */
public final class PostgresDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private PostgresDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static PostgresDatabase startMigrated() {
        try {
            PostgresDatabase database = new PostgresDatabase(EmbeddedPostgres.builder().start());
            DatabaseStartup.migrate(database.dataSource());
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
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
