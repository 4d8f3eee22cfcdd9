package org.billing.invoicing.period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BillingPeriodTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void theEndDateIsIncludedWhole() {
        // Seed 003: 2010-01-01..2010-01-31 is all of January, up to 23:59:59 and beyond.
        BillingPeriod january =
                BillingPeriod.ofDays(LocalDate.of(2010, 1, 1), LocalDate.of(2010, 1, 31), ZoneOffset.UTC);

        assertEquals(Instant.parse("2010-01-01T00:00:00Z"), january.start());
        assertEquals(Instant.parse("2010-02-01T00:00:00Z"), january.end());
        assertTrue(january.contains(Instant.parse("2010-01-31T23:59:59.999Z")));
        assertFalse(january.contains(Instant.parse("2010-02-01T00:00:00Z")));
        assertTrue(january.contains(january.start()));
    }

    @Test
    void boundsAreMidnightsOfTheAccountsZone() {
        BillingPeriod day = BillingPeriod.ofDays(LocalDate.of(2026, 7, 4), LocalDate.of(2026, 7, 4), NEW_YORK);

        assertEquals(Instant.parse("2026-07-04T04:00:00Z"), day.start());
        assertEquals(Instant.parse("2026-07-05T04:00:00Z"), day.end());
        assertEquals(LocalDate.of(2026, 7, 4), day.firstDay());
        assertEquals(LocalDate.of(2026, 7, 4), day.lastDay());
    }

    @Test
    void theDaySummerTimeStartsHas23Hours() {
        BillingPeriod day = BillingPeriod.ofDays(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 29), BERLIN);

        assertEquals(Duration.ofHours(23), Duration.between(day.start(), day.end()));
    }

    @Test
    void theDaySummerTimeEndsHas25Hours() {
        BillingPeriod day = BillingPeriod.ofDays(LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 25), BERLIN);

        assertEquals(Duration.ofHours(25), Duration.between(day.start(), day.end()));
    }

    @Test
    void aMonthWithTheSpringChangeIsOneHourShort() {
        BillingPeriod march = BillingPeriod.ofDays(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), BERLIN);

        assertEquals(Duration.ofHours(31 * 24 - 1), Duration.between(march.start(), march.end()));
        assertEquals(LocalDate.of(2026, 3, 31), march.lastDay());
    }

    @Test
    void aManualPeriodEndingBeforeItStartsIsInverted() {
        InvoicingException refused = assertThrows(
                InvoicingException.class,
                () -> BillingPeriod.manual(
                        LocalDate.of(2026, 3, 2),
                        LocalDate.of(2026, 3, 1),
                        BERLIN,
                        Instant.parse("2026-06-01T00:00:00Z")));

        assertEquals(ErrorCode.PERIOD_INVERTED, refused.code());
        assertEquals("endDate", refused.field());
    }

    @Test
    void aManualPeriodOfOneDayIsAllowed() {
        BillingPeriod day = BillingPeriod.manual(
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1), BERLIN, Instant.parse("2026-06-01T00:00:00Z"));

        assertEquals(Duration.ofHours(24), Duration.between(day.start(), day.end()));
    }

    @Test
    void aManualPeriodEndingInTheFutureIsRefused() {
        // Midnight after 2026-03-31 in Berlin is 22:00 UTC; one second before it the day is not over.
        Instant oneSecondBeforeTheEnd = Instant.parse("2026-03-31T21:59:59Z");

        InvoicingException refused = assertThrows(
                InvoicingException.class,
                () -> BillingPeriod.manual(
                        LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), BERLIN, oneSecondBeforeTheEnd));

        assertEquals(ErrorCode.PERIOD_IN_FUTURE, refused.code());
        assertEquals("endDate", refused.field());
    }

    @Test
    void aManualPeriodIsAtMostOneYearByDefault() {
        Instant later = Instant.parse("2030-01-01T00:00:00Z");
        assertEquals(
                LocalDate.of(2024, 12, 31),
                BillingPeriod.manual(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), BERLIN, later)
                        .lastDay());
        assertEquals(
                LocalDate.of(2027, 2, 28),
                BillingPeriod.manual(LocalDate.of(2026, 3, 1), LocalDate.of(2027, 2, 28), BERLIN, later)
                        .lastDay());

        InvoicingException refused = assertThrows(
                InvoicingException.class,
                () -> BillingPeriod.manual(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1), BERLIN, later));
        assertEquals(ErrorCode.PERIOD_TOO_LONG, refused.code());
        assertEquals("endDate", refused.field());
        assertTrue(refused.getMessage().contains("2024-12-31"), refused.getMessage());
    }

    @Test
    void theLongestManualPeriodIsASetting() {
        Instant later = Instant.parse("2030-01-01T00:00:00Z");
        assertEquals(
                ErrorCode.PERIOD_TOO_LONG,
                assertThrows(
                                InvoicingException.class,
                                () -> BillingPeriod.manual(
                                        LocalDate.of(2026, 1, 1),
                                        LocalDate.of(2026, 2, 1),
                                        BERLIN,
                                        later,
                                        java.time.Period.ofMonths(1)))
                        .code());
        assertEquals(
                LocalDate.of(2026, 1, 31),
                BillingPeriod.manual(
                                LocalDate.of(2026, 1, 1),
                                LocalDate.of(2026, 1, 31),
                                BERLIN,
                                later,
                                java.time.Period.ofMonths(1))
                        .lastDay());
    }

    @Test
    void aManualPeriodEndingRightNowIsAllowed() {
        BillingPeriod march = BillingPeriod.manual(
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), BERLIN, Instant.parse("2026-03-31T22:00:00Z"));

        assertEquals(Instant.parse("2026-03-31T22:00:00Z"), march.end());
    }

    /** Periods of days 1..31 of a month against another period, both in one zone. */
    @ParameterizedTest(name = "[{0}, {1}] against [{2}, {3}] overlaps: {4}")
    @CsvSource({
        "1, 10, 1, 10, true", // identical
        "1, 31, 5, 10, true", // containing
        "5, 10, 1, 31, true", // contained
        "1, 10, 10, 20, true", // straddling the end: day 10 is in both
        "10, 20, 1, 10, true", // straddling the start
        "1, 10, 11, 20, false", // touching: [1, 11) and [11, 21)
        "11, 20, 1, 10, false", // touching, the other way
        "1, 5, 20, 25, false" // apart
    })
    void overlapOfHalfOpenPeriods(int firstA, int lastA, int firstB, int lastB, boolean overlaps) {
        BillingPeriod a = BillingPeriod.ofDays(LocalDate.of(2026, 5, firstA), LocalDate.of(2026, 5, lastA), BERLIN);
        BillingPeriod b = BillingPeriod.ofDays(LocalDate.of(2026, 5, firstB), LocalDate.of(2026, 5, lastB), BERLIN);

        assertEquals(overlaps, a.overlaps(b));
        assertEquals(overlaps, b.overlaps(a));
    }

    @Test
    void theSameDaysInDifferentZonesOverlapByTheirInstants() {
        BillingPeriod mayInBerlin = BillingPeriod.ofDays(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31), BERLIN);
        BillingPeriod juneInNewYork =
                BillingPeriod.ofDays(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30), NEW_YORK);

        assertFalse(mayInBerlin.overlaps(juneInNewYork));
        BillingPeriod juneInBerlin = BillingPeriod.ofDays(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30), BERLIN);
        BillingPeriod mayInNewYork =
                BillingPeriod.ofDays(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31), NEW_YORK);
        // The last hours of May in New York are already June in Berlin.
        assertTrue(juneInBerlin.overlaps(mayInNewYork));
    }
}
