package org.billing.invoicing.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

import org.billing.invoicing.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Issue 11: the deployment the README recommends, the tables owned by a migration role and the module
 * running as a user that may only read and write rows. The module still starts (the migrations find
 * nothing to do), and its user can neither switch the triggers that keep issued invoices off, nor
 * drop them, nor truncate a table, nor get past them.
 */
class RuntimeUserNotOwnerTest {

    private static PostgresDatabase database;
    private static DataSource runtime;

    @BeforeAll
    static void migratedByTheOwnerThenGrantedToTheRuntimeUser() throws Exception {
        database = PostgresDatabase.startEmpty();
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE invoicing_owner LOGIN PASSWORD 'owner'");
            statement.execute("CREATE ROLE invoicing_app LOGIN PASSWORD 'app'");
            statement.execute("CREATE SCHEMA invoicing AUTHORIZATION invoicing_owner");
            statement.execute("CREATE EXTENSION btree_gist");
            statement.execute("CREATE EXTENSION pg_trgm");
            statement.execute("ALTER ROLE invoicing_owner SET search_path = invoicing, public");
            statement.execute("ALTER ROLE invoicing_app SET search_path = invoicing, public");
            statement.execute("ALTER ROLE postgres SET search_path = invoicing, public");
        }
        DatabaseStartup.migrate(as("invoicing_owner", "owner"));
        database.run("/fixtures/march-2026.sql");
        try (Connection connection = as("invoicing_owner", "owner").getConnection();
                Statement statement = connection.createStatement()) {
            // The README's grants for the runtime user.
            statement.execute("GRANT USAGE ON SCHEMA invoicing TO invoicing_app");
            statement.execute(
                    "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA invoicing TO invoicing_app");
            statement.execute("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA invoicing TO invoicing_app");
            statement.execute(
                    "INSERT INTO invoice (id, contractor_id, account_id, direction, state, type, start_at,"
                            + " end_at, time_zone, first_day, last_day, amount, orig_spent, orig_earned, term_spent, term_earned,"
                            + " srv_spent, srv_earned, srv_transactions_count, calls_count, successful_calls_count, calls_duration,"
                            + " billing_duration, created_at) VALUES (1, 1, 10, 'CUSTOMER', 'PENDING', 'MANUAL', '2026-01-01Z',"
                            + " '2026-02-01Z', 'UTC', '2026-01-01', '2026-01-31', 5, 5, 0, 0, 0, 0, 0, 0, 1, 1, 60, 60, now())");
            statement.execute("INSERT INTO invoice_period_claim SELECT id, account_id, direction, start_at, end_at"
                    + " FROM invoice");
            statement.execute("UPDATE invoice SET state = 'APPROVED', number = 'INV-1', series_id = 1,"
                    + " issued_at = now() WHERE id = 1");
        }
        runtime = as("invoicing_app", "app");
    }

    @AfterAll
    static void stop() throws Exception {
        database.close();
    }

    private static DataSource as(String user, String password) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database.jdbcUrl());
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    private static SQLException refused(String sql) {
        return assertThrows(
                SQLException.class,
                () -> {
                    try (Connection connection = runtime.getConnection();
                            Statement statement = connection.createStatement()) {
                        statement.execute(sql);
                    }
                },
                sql);
    }

    @Test
    void theModuleStartsAsTheRuntimeUserOnceTheOwnerMigrated() {
        DatabaseStartup.migrate(runtime);
    }

    /** invoicing.db.migration-user: the module migrates as the owner and runs as the runtime user. */
    @Test
    void theMigrationUserSettingMigratesAsTheOwner() throws Exception {
        assertEquals(
                java.util.Optional.empty(), InvoicingDataSource.migrationTarget(), "no setting, no migration user");
        System.setProperty("invoicing.db.url", database.jdbcUrl());
        System.setProperty("invoicing.db.migration-user", "invoicing_owner");
        System.setProperty("invoicing.db.migration-password", "owner");
        try {
            DataSource owner = InvoicingDataSource.migrationTarget().orElseThrow();
            try (Connection connection = owner.getConnection();
                    Statement statement = connection.createStatement();
                    java.sql.ResultSet row = statement.executeQuery("SELECT current_user")) {
                row.next();
                assertEquals("invoicing_owner", row.getString(1));
            }
            DatabaseStartup.migrate(owner);
        } finally {
            System.clearProperty("invoicing.db.url");
            System.clearProperty("invoicing.db.migration-user");
            System.clearProperty("invoicing.db.migration-password");
        }
    }

    @Test
    void theRuntimeUserCannotSwitchOffDropOrTruncateItsWayPastTheProtection() {
        assertEquals(
                "42501",
                refused("ALTER TABLE invoice DISABLE TRIGGER invoice_issued_never_changes")
                        .getSQLState());
        assertEquals(
                "42501",
                refused("DROP TRIGGER invoice_issued_never_changes ON invoice").getSQLState());
        assertEquals("42501", refused("SET session_replication_role = replica").getSQLState());
        assertEquals("42501", refused("TRUNCATE invoice_event").getSQLState());
        assertEquals(
                "23000", refused("UPDATE invoice SET amount = 0 WHERE id = 1").getSQLState());
        assertEquals(
                "23000",
                refused("DELETE FROM invoice_period_claim WHERE invoice_id = 1").getSQLState());
    }
}
