package org.billing.invoicing.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

import org.billing.invoicing.database.DemoDataLoader;

/** The demo data the standalone run loads into its empty embedded database (registered as a service). */
public final class DemoDataAtStart implements DemoDataLoader {

    @Override
    public boolean holdsPlatformData(Connection connection) throws SQLException {
        return DemoData.holdsPlatformData(connection);
    }

    @Override
    public String load(Connection connection, Clock clock) throws SQLException {
        return new DemoData(DemoDataSpec.demo(clock)).writeTo(connection).describe();
    }
}
