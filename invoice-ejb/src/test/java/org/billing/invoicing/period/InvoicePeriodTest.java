package org.billing.invoicing.period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InvoicePeriodTest {

    private static AutoPeriod whole(String first, String last) {
        return new AutoPeriod(LocalDate.parse(first), LocalDate.parse(last), false);
    }

    private static AutoPeriod partial(String first, String last) {
        return new AutoPeriod(LocalDate.parse(first), LocalDate.parse(last), true);
    }

    private static List<AutoPeriod> from(InvoicePeriod kind, String day, int count) {
        List<AutoPeriod> periods = new ArrayList<>();
        AutoPeriod period = kind.periodOf(LocalDate.parse(day));
        for (int i = 0; i < count; i++) {
            periods.add(period);
            period = kind.after(period);
        }
        return periods;
    }

    @Test
    void dailyPeriodsAreDays() {
        assertEquals(
                List.of(whole("2026-02-28", "2026-02-28"), whole("2026-03-01", "2026-03-01")),
                from(InvoicePeriod.DAILY, "2026-02-28", 2));
    }

    @Test
    void weeksAreIsoWeeksFromMonday() {
        // 2026-03-01 is a Sunday: its ISO week began on Monday 2026-02-23.
        assertEquals(
                List.of(whole("2026-02-23", "2026-03-01"), whole("2026-03-02", "2026-03-08")),
                from(InvoicePeriod.WEEKLY, "2026-03-01", 2));
    }

    @Test
    void fortnightsLineUpFromTheAnchor() {
        // 2026-03-02 is 113 weeks after 2024-01-01: odd, so its fortnight began a week earlier.
        assertEquals(
                List.of(whole("2026-02-23", "2026-03-08"), whole("2026-03-09", "2026-03-22")),
                from(InvoicePeriod.BIWEEKLY, "2026-03-02", 2));
        assertEquals(whole("2023-12-18", "2023-12-31"), InvoicePeriod.BIWEEKLY.periodOf(LocalDate.parse("2023-12-25")));
    }

    @Test
    void monthsRunFromTheFirstToTheLastDay() {
        assertEquals(
                List.of(whole("2028-02-01", "2028-02-29"), whole("2028-03-01", "2028-03-31")),
                from(InvoicePeriod.MONTHLY, "2028-02-10", 2));
    }

    @Test
    void aWeekSplitByANewMonthGivesTwoPartialPeriods() {
        assertEquals(
                List.of(
                        partial("2026-03-01", "2026-03-01"),
                        whole("2026-03-02", "2026-03-08"),
                        whole("2026-03-09", "2026-03-15"),
                        whole("2026-03-16", "2026-03-22"),
                        whole("2026-03-23", "2026-03-29"),
                        partial("2026-03-30", "2026-03-31"),
                        partial("2026-04-01", "2026-04-05")),
                from(InvoicePeriod.WEEKLY_SPLIT_BY_MONTH, "2026-03-01", 7));
    }

    @Test
    void aFortnightSplitByANewMonth() {
        assertEquals(
                List.of(
                        partial("2026-03-01", "2026-03-08"),
                        whole("2026-03-09", "2026-03-22"),
                        partial("2026-03-23", "2026-03-31"),
                        partial("2026-04-01", "2026-04-05")),
                from(InvoicePeriod.BIWEEKLY_SPLIT_BY_MONTH, "2026-03-01", 4));
    }

    @Test
    void semiMonthlyPeriodsAreTheFirstAndSecondHalves() {
        assertEquals(
                List.of(
                        whole("2026-02-01", "2026-02-15"),
                        whole("2026-02-16", "2026-02-28"),
                        whole("2026-03-01", "2026-03-15")),
                from(InvoicePeriod.SEMIMONTHLY, "2026-02-03", 3));
    }

    @ParameterizedTest
    @EnumSource(InvoicePeriod.class)
    void periodsFollowEachOtherWithoutGapOrOverlap(InvoicePeriod kind) {
        AutoPeriod period = kind.periodOf(LocalDate.parse("2025-12-20"));
        for (int i = 0; i < 60; i++) {
            AutoPeriod next = kind.after(period);
            assertEquals(period.lastDay().plusDays(1), next.firstDay(), kind + " after " + period);
            assertTrue(!next.lastDay().isBefore(next.firstDay()));
            assertEquals(next, kind.periodOf(next.lastDay()), "the period of its own last day");
            period = next;
        }
    }

    @Test
    void aPeriodIsDueOnceItsLongestCallHasEnded() {
        AutoPeriod march = whole("2026-03-01", "2026-03-31");
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // March ends in Berlin at 2026-03-31T22:00Z; calls may last up to 2 hours.
        Duration twoHours = Duration.ofSeconds(7_200);

        assertFalse(march.isDue(berlin, twoHours, Instant.parse("2026-03-31T23:59:59Z")));
        assertTrue(march.isDue(berlin, twoHours, Instant.parse("2026-04-01T00:00:00Z")));
    }
}
