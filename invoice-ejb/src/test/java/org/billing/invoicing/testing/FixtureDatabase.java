package org.billing.invoicing.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL for one test class, migrated and holding the fixtures given, stopped after the class:
 * {@code @RegisterExtension static final FixtureDatabase database = new FixtureDatabase("/fixtures/march-2026.sql");}
 * Its start comes before the class's own {@code @BeforeAll} methods, which may add to it.
 */
public final class FixtureDatabase implements BeforeAllCallback, AfterAllCallback {

    private final List<String> fixtures;
    private PostgresDatabase database;

    public FixtureDatabase(String... fixtures) {
        this.fixtures = List.of(fixtures);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        database = PostgresDatabase.startMigrated();
        for (String fixture : fixtures) {
            database.run(fixture);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        database.close();
    }

    public Connection connection() throws SQLException {
        return database.connection();
    }

    public DataSource dataSource() {
        return database.dataSource();
    }

    public void run(String resource) throws SQLException {
        database.run(resource);
    }
}
