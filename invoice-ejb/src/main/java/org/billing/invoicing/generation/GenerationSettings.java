package org.billing.invoicing.generation;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;

import org.billing.invoicing.database.Settings;

/**
 * How automatic invoicing runs (MicroProfile Config keys, or the same names as environment variables):
 * <ul>
 * <li>{@code invoicing.auto.threads}: partitions of a run, worked in parallel (default: the cores);</li>
 * <li>{@code invoicing.auto.chunk}: account-periods computed together by one statement per direction
 * (default 2,000: a month of 1,000 accounts in both directions): one scan of the period's calls,
 * which the database spreads over its parallel workers, serves them all, where an index scan per
 * account would visit the same heap pages again for every account, the calls of all accounts being
 * interleaved in time. The figures of a chunk are held in memory until written (about 30 KB an
 * invoice with a hundred destinations);</li>
 * <li>{@code invoicing.auto.lease-seconds}: how long a run or a claimed item stays a node's without a
 * heartbeat before another node or run takes over (default 120);</li>
 * <li>{@code invoicing.auto.max-periods-per-account}: periods of one account and direction one run takes
 * on when catching up (default 1,000); the rest is counted as deferred and left to the next run.</li>
 * </ul>
 */
public record GenerationSettings(int threads, int chunk, Duration lease, int maxPeriodsPerAccount) {

    /**
     * This process as runs and items name it: a new id at every start, so that a node restarted after a
     * crash never mistakes the dead process's work for its own.
     */
    public static final String NODE = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    public static GenerationSettings current() {
        return new GenerationSettings(
                positive("invoicing.auto.threads", Runtime.getRuntime().availableProcessors()),
                positive("invoicing.auto.chunk", 2_000),
                Duration.ofSeconds(positive("invoicing.auto.lease-seconds", 120)),
                positive("invoicing.auto.max-periods-per-account", 1_000));
    }

    /**
     * {@code invoicing.drift.periods}: after a run that created invoices, the drift of the issued invoices of
     * the last this many periods of each account and direction it invoiced is checked (issue 13); 0 checks
     * none. Default 2.
     */
    public static int driftPeriods() {
        String configured = Settings.value("invoicing.drift.periods").orElse(null);
        if (configured == null) {
            return 2;
        }
        try {
            int periods = Integer.parseInt(configured.trim());
            if (periods < 0) {
                throw new NumberFormatException("negative");
            }
            return periods;
        } catch (NumberFormatException e) {
            throw new IllegalStateException(
                    "The setting invoicing.drift.periods (INVOICING_DRIFT_PERIODS) is a whole"
                            + " number of periods, 0 for none; got '" + configured + "'.",
                    e);
        }
    }

    private static int positive(String key, int fallback) {
        return Settings.value(key).map(Integer::parseInt).filter(v -> v > 0).orElse(fallback);
    }
}
