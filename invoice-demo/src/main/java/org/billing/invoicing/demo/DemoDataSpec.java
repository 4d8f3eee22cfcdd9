package org.billing.invoicing.demo;

import java.time.Clock;
import java.util.Objects;

/**
 * What to generate. The same spec and the same clock instant give byte-identical data.
 *
 * @param seed             seed of every random choice
 * @param accounts         number of accounts, numbered 1..accounts in an empty database (at least 4)
 * @param cdrs             number of CDR rows (routing attempts, not calls)
 * @param months           the period starts on the first day of the month this many months before the
 *                         clock's current month (in the clock's zone) and ends at the clock's instant
 * @param heavyAccountCdrs 0, or the exact number of originated last-attempt CDRs that account 1 gets in
 *                         the last complete month of its own time zone (for benchmarks); its routing
 *                         attempts count towards {@code cdrs}
 * @param force            write even when the database already holds platform data (ids then continue
 *                         after the existing ones; nothing is deleted)
 * @param clock            "now"
 */
public record DemoDataSpec(
        long seed, int accounts, long cdrs, int months, long heavyAccountCdrs, boolean force, Clock clock) {

    public static final int MIN_ACCOUNTS = 4;

    public DemoDataSpec {
        Objects.requireNonNull(clock, "clock");
        if (accounts < MIN_ACCOUNTS) {
            throw new IllegalArgumentException("accounts must be at least " + MIN_ACCOUNTS + ": " + accounts);
        }
        if (cdrs < 0 || heavyAccountCdrs < 0 || months < 0) {
            throw new IllegalArgumentException("cdrs, heavyAccountCdrs and months must not be negative");
        }
        if (heavyAccountCdrs > cdrs) {
            throw new IllegalArgumentException(
                    "heavyAccountCdrs (" + heavyAccountCdrs + ") exceeds cdrs (" + cdrs + ")");
        }
        if (heavyAccountCdrs > 0 && months < 1) {
            throw new IllegalArgumentException("a heavy account needs months >= 1: its month is the last complete one");
        }
    }

    /** The one-command demo: 40 accounts, 200,000 CDRs over the last two months and the current one. */
    public static DemoDataSpec demo(Clock clock) {
        return new DemoDataSpec(42, 40, 200_000, 2, 0, false, clock);
    }

    /** The benchmark data: 2 million CDRs, account 1 originating 100,000 calls in the last complete month. */
    public static DemoDataSpec benchmark(Clock clock) {
        return new DemoDataSpec(42, 60, 2_000_000, 2, 100_000, false, clock);
    }

    public DemoDataSpec withSeed(long newSeed) {
        return new DemoDataSpec(newSeed, accounts, cdrs, months, heavyAccountCdrs, force, clock);
    }

    public DemoDataSpec withCdrs(long newCdrs) {
        return new DemoDataSpec(seed, accounts, newCdrs, months, heavyAccountCdrs, force, clock);
    }

    public DemoDataSpec withHeavyAccountCdrs(long newHeavyAccountCdrs) {
        return new DemoDataSpec(seed, accounts, cdrs, months, newHeavyAccountCdrs, force, clock);
    }

    public DemoDataSpec withForce(boolean newForce) {
        return new DemoDataSpec(seed, accounts, cdrs, months, heavyAccountCdrs, newForce, clock);
    }

    public boolean hasHeavyAccount() {
        return heavyAccountCdrs > 0;
    }
}
