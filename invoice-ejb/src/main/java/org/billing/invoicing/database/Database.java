package org.billing.invoicing.database;

/** The module's one data source. */
public final class Database {

    /** Defined by {@link DatabaseStartup}; the persistence unit and the JDBC code use it. */
    public static final String JNDI_NAME = "java:app/jdbc/invoicing";

    private Database() {}
}
