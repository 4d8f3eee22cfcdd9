package org.billing.invoicing.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class DemoPeriodTest {

    @Test
    void startsOnTheFirstOfTheMonthInTheClocksZone() {
        Clock clock = Clock.fixed(Instant.parse("2025-03-14T09:26:53Z"), ZoneId.of("Asia/Jakarta"));

        DemoPeriod period = DemoPeriod.of(clock, 2);

        assertEquals(Instant.parse("2024-12-31T17:00:00Z"), period.start());
        assertEquals(clock.instant(), period.end());
        assertEquals(
                List.of(YearMonth.of(2024, 12), YearMonth.of(2025, 1), YearMonth.of(2025, 2), YearMonth.of(2025, 3)),
                period.utcMonths());
    }

    @Test
    void zeroMonthsIsTheCurrentMonthSoFar() {
        Clock clock = Clock.fixed(Instant.parse("2025-03-14T09:26:53Z"), ZoneOffset.UTC);

        assertEquals(
                Instant.parse("2025-03-01T00:00:00Z"), DemoPeriod.of(clock, 0).start());
    }

    @Test
    void refusesAPeriodTooShortForCalls() {
        Clock clock = Clock.fixed(Instant.parse("2025-03-01T00:10:00Z"), ZoneOffset.UTC);

        assertThrows(IllegalArgumentException.class, () -> DemoPeriod.of(clock, 0));
    }
}
