package org.billing.invoicing.demo;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

/** One real PostgreSQL per test class; every test gets fresh databases with the migrations applied. */
final class PostgresDatabases implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final AtomicInteger created = new AtomicInteger();

    PostgresDatabases() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    DataSource freshDatabase() throws SQLException {
        String name = "demo_" + created.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        DataSource dataSource = postgres.getDatabase("postgres", name);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return dataSource;
    }

    String jdbcUrl(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    String lastDatabaseName() {
        return "demo_" + created.get();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
