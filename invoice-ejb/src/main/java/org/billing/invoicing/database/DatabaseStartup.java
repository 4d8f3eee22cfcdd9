package org.billing.invoicing.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;

/**
 * Brings the database up to date when the module starts: the Flyway migrations, then, for the
 * standalone run, the demo data into an empty database. The migrations run as
 * {@code invoicing.db.migration-user} when it is set (the owner of the tables), else as the runtime user.
 */
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "org.billing.invoicing.database.InvoicingDataSource",
        minPoolSize = 1,
        maxPoolSize = 32,
        // Some pools need a password property, even for a database that asks for none.
        password = "unused")
@Singleton
@Startup
public class DatabaseStartup {

    private static final Logger LOG = Logger.getLogger(DatabaseStartup.class.getName());

    @Resource(lookup = Database.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private Clock clock;

    /** Flyway commits each migration itself, so no container transaction may surround it. */
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void start() {
        try {
            Settings.requireDatabase();
        } catch (IllegalStateException e) {
            // One clear line in the log, above the server's report of the failed deployment.
            LOG.severe(e.getMessage());
            throw e;
        }
        migrate(InvoicingDataSource.migrationTarget()
                .map(owner -> {
                    LOG.info(() -> "Migrations applied as "
                            + Settings.migrationUser().orElseThrow() + " (invoicing.db.migration-user);"
                            + " the module runs as " + Settings.databaseUser());
                    return owner;
                })
                .orElse(dataSource));
        if (Settings.demoData()) {
            loadDemoData();
        }
    }

    /**
     * The demo data goes only into a database that holds no platform data yet, and only where the
     * {@code invoice-demo} module is deployed (the standalone WAR); elsewhere the log says it is missing.
     */
    private void loadDemoData() {
        Optional<DemoDataLoader> loader = ServiceLoader.load(
                        DemoDataLoader.class, Thread.currentThread().getContextClassLoader())
                .findFirst();
        if (loader.isEmpty()) {
            LOG.warning("Demo data was asked for (invoicing.demo.data, or the embedded database), but the"
                    + " invoice-demo module is not deployed with this application: no demo data loaded.");
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (loader.get().holdsPlatformData(connection)) {
                LOG.info("The database already holds platform data: no demo data loaded.");
                return;
            }
            String summary = loader.get().load(connection, clock);
            LOG.info(() -> "Demo data loaded:\n" + summary);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not load the demo data", e);
        }
    }

    /**
     * Applies the migrations. On the platform's database, which holds its own tables (and maybe its own
     * Flyway history) before the module comes, the module keeps a history of its own and starts it
     * from nothing: V1 then finds the platform's tables and only checks them.
     */
    public static void migrate(DataSource dataSource) {
        var result = Flyway.configure(DatabaseStartup.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .table("invoicing_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
    }
}
