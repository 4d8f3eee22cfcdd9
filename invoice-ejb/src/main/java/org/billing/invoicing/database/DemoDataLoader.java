package org.billing.invoicing.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/**
 * The demo data of the standalone run, loaded at start into an empty database. It lives in the
 * {@code invoice-demo} module, which only the standalone WAR carries: the EJB jar the platform deploys
 * holds no generator. {@link DatabaseStartup} finds it with {@link java.util.ServiceLoader}.
 */
public interface DemoDataLoader {

    /** Whether the database already holds the platform's data (contractors, accounts or calls). */
    boolean holdsPlatformData(Connection connection) throws SQLException;

    /** Writes the demo data as of the clock's today; answers what it wrote, for the log. */
    String load(Connection connection, Clock clock) throws SQLException;
}
