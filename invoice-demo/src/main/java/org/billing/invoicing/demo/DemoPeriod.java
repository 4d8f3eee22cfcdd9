package org.billing.invoicing.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The half-open span {@code [start, end)} the generated activity falls into. */
public record DemoPeriod(Instant start, Instant end) {

    /** Shortest period worth generating: calls need room for their routing attempts. */
    private static final long MIN_SECONDS = 3_600;

    public DemoPeriod {
        if (end.getEpochSecond() - start.getEpochSecond() < MIN_SECONDS) {
            throw new IllegalArgumentException("the period " + start + " .. " + end + " is shorter than an hour");
        }
    }

    /** From the first day of the month {@code months} months before the clock's current month, to now. */
    public static DemoPeriod of(Clock clock, int months) {
        Instant now = clock.instant();
        Instant start = YearMonth.from(now.atZone(clock.getZone()))
                .minusMonths(months)
                .atDay(1)
                .atStartOfDay(clock.getZone())
                .toInstant();
        return new DemoPeriod(start, now);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    /** The UTC calendar months the period touches: the cdr partitions it needs. */
    List<YearMonth> utcMonths() {
        List<YearMonth> months = new ArrayList<>();
        YearMonth last = YearMonth.from(end.atOffset(ZoneOffset.UTC));
        for (YearMonth m = YearMonth.from(start.atOffset(ZoneOffset.UTC)); !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }
}
