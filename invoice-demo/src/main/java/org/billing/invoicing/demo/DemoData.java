package org.billing.invoicing.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import javax.sql.DataSource;

import org.postgresql.PGConnection;

/**
 * Generates a realistic, reproducible set of platform data (contractors, accounts, services, CDRs...)
 * into a PostgreSQL database with the platform schema, for the demo run, benchmarks and the command line.
 *
 * <p>Everything is written in one transaction: a failure or a refusal leaves nothing behind. CDRs are
 * streamed into COPY as they are generated, never held in memory.
 */
public final class DemoData {

    private final DemoDataSpec spec;

    public DemoData(DemoDataSpec spec) {
        this.spec = spec;
    }

    /** Whether the database already holds platform data, in which case only a forced run writes. */
    public static boolean holdsPlatformData(Connection connection) throws SQLException {
        return new TargetDatabase(connection).holdsPlatformData();
    }

    /**
     * @throws DemoDataRefusedException the database holds platform data and the spec is not forced
     */
    public DemoDataSummary writeTo(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return writeTo(connection);
        }
    }

    /**
     * Writes on the connection in a transaction of its own (the connection must not be in one) and
     * restores its auto-commit mode afterwards.
     *
     * @throws DemoDataRefusedException the database holds platform data and the spec is not forced
     */
    public DemoDataSummary writeTo(Connection connection) throws SQLException {
        long started = System.nanoTime();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            DemoDataSummary summary = write(connection);
            connection.commit();
            new TargetDatabase(connection).analyze();
            connection.commit();
            return summary.withElapsed(Duration.ofNanos(System.nanoTime() - started));
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private DemoDataSummary write(Connection connection) throws SQLException {
        TargetDatabase database = new TargetDatabase(connection);
        database.lockForTransaction();
        if (!spec.force() && database.holdsPlatformData()) {
            throw new DemoDataRefusedException("The database already holds platform data (contractor, account or cdr "
                    + "rows); demo data is written only into an empty one. Force it to add the demo data anyway.");
        }
        IdBase ids = database.highestIds();
        DemoPeriod period = DemoPeriod.of(spec.clock(), spec.months());
        List<String> partitions = new CdrPartitions(connection).createMonthly(period.utcMonths());

        // Each part draws from its own generator, so that changing one part leaves the others as they were.
        SplittableRandom random = new SplittableRandom(spec.seed());
        SplittableRandom partiesRandom = random.split();
        SplittableRandom tariffsRandom = random.split();
        SplittableRandom activityRandom = random.split();
        SplittableRandom trafficRandom = random.split();

        Destinations destinations = Destinations.catalogue(ids);
        Parties parties = Parties.generate(spec.accounts(), ids, partiesRandom);
        Tariffs tariffs = Tariffs.generate(parties.accounts(), destinations.all(), tariffsRandom);
        ServiceActivity activity = ServiceActivity.generate(parties, period, ids, activityRandom);
        PGConnection pg = connection.unwrap(PGConnection.class);
        new PlatformRows(pg).write(destinations, parties, activity);

        Traffic.Result traffic;
        try (CopyWriter out = CopyWriter.open(pg, Calls.TABLE, Calls.COLUMNS)) {
            traffic = Traffic.write(
                    out, spec, period, parties, new Calls(parties, destinations, tariffs, ids.cdr()), trafficRandom);
        }
        return new DemoDataSummary(
                spec.seed(),
                period,
                destinations.countries().size(),
                destinations.networks().size(),
                parties.contractors().size(),
                ids(parties.accounts()),
                ids(parties.customers()),
                ids(parties.vendors()),
                activity.services().size(),
                activity.subscriptions().size(),
                activity.transactions().size(),
                activity.corrections().size(),
                traffic.calls(),
                traffic.cdrs(),
                traffic.heavyAccount(),
                partitions,
                Duration.ZERO);
    }

    private static List<Long> ids(List<Parties.Account> accounts) {
        return accounts.stream().map(Parties.Account::id).toList();
    }
}
