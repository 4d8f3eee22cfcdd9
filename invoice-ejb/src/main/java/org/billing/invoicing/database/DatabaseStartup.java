package org.billing.invoicing.database;

import java.time.Clock;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Brings the database up to date when the module starts: the Flyway migrations, then, for the
 * standalone run, the demo data into an empty database.
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
        migrate(dataSource);
        if (Settings.demoData()) {
            // TODO demo data: wired once the generator lands
            LOG.info(() -> "Demo data requested at " + clock.instant());
        }
    }

    public static void migrate(DataSource dataSource) {
        var result = Flyway.configure(DatabaseStartup.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }
}
