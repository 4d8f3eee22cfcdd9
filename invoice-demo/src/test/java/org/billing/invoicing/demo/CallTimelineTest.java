package org.billing.invoicing.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class CallTimelineTest {

    private static final Instant FROM = Instant.parse("2025-01-06T00:20:00Z"); // a Monday
    private static final Instant TO = Instant.parse("2025-01-13T00:00:00Z");
    private final CallTimeline timeline = new CallTimeline(FROM, TO);

    @Test
    void mapsTheWholeTrafficOntoTheSpanInOrder() {
        assertEquals(FROM.getEpochSecond(), timeline.at(0));
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < 10_000; i++) {
            long second = timeline.at(i / 10_000.0);
            assertTrue(second >= previous && second >= FROM.getEpochSecond() && second < TO.getEpochSecond());
            previous = second;
        }
        assertTrue(timeline.at(Math.nextDown(1.0)) < TO.getEpochSecond());
    }

    @Test
    void theWorkingDayIsBusierThanTheNight() {
        long nightStart = Instant.parse("2025-01-07T02:00:00Z").getEpochSecond();
        long dayStart = Instant.parse("2025-01-07T10:00:00Z").getEpochSecond();
        int night = 0;
        int day = 0;
        for (int i = 0; i < 100_000; i++) {
            long second = timeline.at(i / 100_000.0);
            night += second >= nightStart && second < nightStart + 3_600 ? 1 : 0;
            day += second >= dayStart && second < dayStart + 3_600 ? 1 : 0;
        }
        assertTrue(day > 3 * night, day + " calls in a day hour, " + night + " in a night hour");
    }
}
