package org.billing.invoicing.demo;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The generator from the command line:
 * <pre>
 * java -cp ... org.billing.invoicing.demo.DemoDataCommand --url jdbc:postgresql://localhost/billing \
 *     --user U --password P [--seed 42] [--accounts 40] [--cdrs 200000] [--months 2] \
 *     [--heavy-account-cdrs 100000] [--now 2025-03-15T12:00:00Z] [--zone UTC] [--force]
 * </pre>
 * Exit status: 0 written, 2 refused (the database holds platform data), 64 bad arguments, 1 failure.
 */
public final class DemoDataCommand {

    static final int REFUSED = 2;
    static final int USAGE = 64;

    private static final String HELP = """
            Usage: DemoDataCommand --url JDBC_URL [--user U] [--password P] [--seed 42] [--accounts 40]
                                   [--cdrs 200000] [--months 2] [--heavy-account-cdrs N]
                                   [--now INSTANT] [--zone ZONE] [--force]
              --months N             from the 1st of the month N months back, to now
              --heavy-account-cdrs N account 1 gets exactly N originated last-attempt CDRs in the last
                                     complete month of its time zone
              --now, --zone          the clock (default: the system clock, UTC); fix --now to reproduce data
              --force                write even if the database holds platform data (ids continue after it)
            """;

    private DemoDataCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(HELP);
            return USAGE;
        }
        try (Connection connection = DriverManager.getConnection(options.url, options.user, options.password)) {
            out.printf("Writing demo data to %s ...%n", options.url);
            DemoDataSummary summary = new DemoData(options.spec).writeTo(connection);
            out.print(summary.describe());
            return 0;
        } catch (DemoDataRefusedException e) {
            err.println("Refused: " + e.getMessage());
            return REFUSED;
        } catch (SQLException | RuntimeException e) {
            err.println("Failed, nothing written: " + e);
            return 1;
        }
    }

    private record Options(String url, String user, String password, DemoDataSpec spec) {

        static Options parse(String[] args) {
            String url = null;
            String user = null;
            String password = null;
            long seed = 42;
            int accounts = 40;
            long cdrs = 200_000;
            int months = 2;
            long heavy = 0;
            boolean force = false;
            Instant now = null;
            ZoneId zone = ZoneOffset.UTC;
            List<String> rest = new ArrayList<>(List.of(args));
            while (!rest.isEmpty()) {
                String option = rest.remove(0);
                if (option.equals("--force")) {
                    force = true;
                    continue;
                }
                if (rest.isEmpty()) {
                    throw new IllegalArgumentException("missing value for " + option);
                }
                String value = rest.remove(0);
                try {
                    switch (option) {
                        case "--url" -> url = value;
                        case "--user" -> user = value;
                        case "--password" -> password = value;
                        case "--seed" -> seed = Long.parseLong(value);
                        case "--accounts" -> accounts = Integer.parseInt(value);
                        case "--cdrs" -> cdrs = Long.parseLong(value);
                        case "--months" -> months = Integer.parseInt(value);
                        case "--heavy-account-cdrs" -> heavy = Long.parseLong(value);
                        case "--now" -> now = Instant.parse(value);
                        case "--zone" -> zone = ZoneId.of(value);
                        default -> throw new IllegalArgumentException("unknown option " + option);
                    }
                } catch (java.time.DateTimeException | NumberFormatException e) {
                    throw new IllegalArgumentException("bad value for " + option + ": " + value);
                }
            }
            if (url == null) {
                throw new IllegalArgumentException("--url is required");
            }
            Clock clock = now == null ? Clock.system(zone) : Clock.fixed(now, zone);
            return new Options(
                    url, user, password, new DemoDataSpec(seed, accounts, cdrs, months, heavy, force, clock));
        }
    }
}
