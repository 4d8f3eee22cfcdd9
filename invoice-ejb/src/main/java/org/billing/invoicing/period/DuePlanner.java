package org.billing.invoicing.period;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which periods of an account's automatic invoicing are due: every period from the first whole one
 * that starts on or after {@code generateFrom}, up to the last one whose calls have surely ended
 * ({@link AutoPeriod#isDue}), that no invoice claims yet. A pure function of its inputs.
 *
 * <p>It walks every period however long ago invoicing started (a daily account invoiced for years has
 * thousands), and bounds only what one run takes on: the periods beyond {@code limit} are counted in
 * {@link DuePeriods#deferred()}, never dropped, and the next run takes them.
 */
public final class DuePlanner {

    private DuePlanner() {}

    /** The due periods oldest first, at most {@code limit}; {@code deferred} counts the rest. */
    public record DuePeriods(List<AutoPeriod> periods, int deferred) {

        public DuePeriods {
            periods = List.copyOf(periods);
        }
    }

    /**
     * @param claimed the instants already invoiced for this account and direction (any order)
     */
    public static DuePeriods due(
            InvoicePeriod kind,
            LocalDate generateFrom,
            ZoneId zone,
            Duration maxCallDuration,
            List<BillingPeriod> claimed,
            Instant now,
            int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        List<BillingPeriod> taken = new ArrayList<>(claimed);
        taken.sort(Comparator.comparing(BillingPeriod::start));
        List<AutoPeriod> due = new ArrayList<>();
        int deferred = 0;
        int next = 0;
        AutoPeriod period = firstPeriod(kind, generateFrom);
        while (period.isDue(zone, maxCallDuration, now)) {
            BillingPeriod candidate = period.in(zone);
            // Claims ending before this candidate starts can overlap no later candidate either.
            while (next < taken.size() && !taken.get(next).end().isAfter(candidate.start())) {
                next++;
            }
            if (!overlapsFrom(taken, next, candidate)) {
                if (due.size() < limit) {
                    due.add(period);
                } else {
                    deferred++;
                }
            }
            period = kind.after(period);
        }
        return new DuePeriods(due, deferred);
    }

    /** The first whole period that starts on or after {@code generateFrom}. */
    public static AutoPeriod firstPeriod(InvoicePeriod kind, LocalDate generateFrom) {
        AutoPeriod period = kind.periodOf(generateFrom);
        return period.firstDay().isBefore(generateFrom) ? kind.after(period) : period;
    }

    private static boolean overlapsFrom(List<BillingPeriod> taken, int from, BillingPeriod candidate) {
        for (int i = from; i < taken.size() && taken.get(i).start().isBefore(candidate.end()); i++) {
            if (taken.get(i).overlaps(candidate)) {
                return true;
            }
        }
        return false;
    }
}
