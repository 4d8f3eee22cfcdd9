package org.billing.invoicing.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Spreads calls over a span with the rhythm of wholesale traffic: busy in the (European and
 * American) working day, quiet at night, lighter at weekends. {@link #at(double)} maps a fraction of
 * the traffic to the instant by which that much of it has happened, so ascending fractions give calls
 * in time order.
 */
final class CallTimeline {

    // Relative traffic per UTC hour of day.
    private static final double[] HOURLY = {
        0.30, 0.25, 0.22, 0.22, 0.28, 0.40, 0.60, 0.80, 0.95, 1.00, 1.00, 0.98,
        0.95, 1.00, 1.00, 0.98, 0.95, 0.90, 0.85, 0.75, 0.65, 0.55, 0.45, 0.36,
    };
    private static final double WEEKEND = 0.7;
    private static final long HOUR = 3_600;

    private final long[] bucketStart;
    private final double[] cumulative;
    private final long end;

    CallTimeline(Instant from, Instant to) {
        long start = from.getEpochSecond();
        end = to.getEpochSecond();
        if (end <= start) {
            throw new IllegalArgumentException("empty span " + from + " .. " + to);
        }
        int buckets = (int) (Math.floorDiv(end - 1, HOUR) - Math.floorDiv(start, HOUR) + 1);
        bucketStart = new long[buckets + 1];
        cumulative = new double[buckets + 1];
        for (int b = 0; b < buckets; b++) {
            long hour = (Math.floorDiv(start, HOUR) + b) * HOUR;
            bucketStart[b] = Math.max(start, hour);
            long length = Math.min(end, hour + HOUR) - bucketStart[b];
            cumulative[b + 1] = cumulative[b] + weight(hour) * length;
        }
        bucketStart[buckets] = end;
    }

    private static double weight(long hourStart) {
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(hourStart, 86_400));
        DayOfWeek dayOfWeek = day.getDayOfWeek();
        boolean weekend = dayOfWeek == DayOfWeek.SATURDAY || dayOfWeek == DayOfWeek.SUNDAY;
        return HOURLY[Instant.ofEpochSecond(hourStart).atOffset(ZoneOffset.UTC).getHour()] * (weekend ? WEEKEND : 1.0);
    }

    /** The epoch second by which {@code fraction} (0 inclusive .. 1 exclusive) of the traffic has started. */
    long at(double fraction) {
        double target = fraction * cumulative[cumulative.length - 1];
        int low = 0;
        int high = cumulative.length - 1;
        while (high - low > 1) { // cumulative[low] <= target < cumulative[high]
            int mid = (low + high) >>> 1;
            if (cumulative[mid] <= target) {
                low = mid;
            } else {
                high = mid;
            }
        }
        double share = (target - cumulative[low]) / (cumulative[low + 1] - cumulative[low]);
        long second = bucketStart[low] + (long) (share * (bucketStart[low + 1] - bucketStart[low]));
        return Math.min(second, end - 1);
    }
}
