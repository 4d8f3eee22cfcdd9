package org.billing.invoicing.period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.billing.invoicing.period.DuePlanner.DuePeriods;
import org.junit.jupiter.api.Test;

/** The due periods of automatic invoicing, as a pure function of the settings, the claims and the clock. */
class DuePlannerTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Duration TWO_HOURS = Duration.ofHours(2);
    /** 2026-11-26 10:00 in Berlin. */
    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

    private static BillingPeriod days(String first, String last) {
        return BillingPeriod.ofDays(LocalDate.parse(first), LocalDate.parse(last), BERLIN);
    }

    @Test
    void aDailyAccountStartedLongAgoHasEveryUninvoicedDayDueNotOnlyItsFirst400() {
        LocalDate from = LocalDate.of(2026, 11, 26).minusDays(450);
        List<BillingPeriod> invoiced = new ArrayList<>();
        for (int day = 0; day < 400; day++) {
            invoiced.add(BillingPeriod.ofDays(from.plusDays(day), from.plusDays(day), BERLIN));
        }

        DuePeriods due = DuePlanner.due(InvoicePeriod.DAILY, from, BERLIN, TWO_HOURS, invoiced, NOW, 1_000);

        // 450 days from 'from' up to yesterday (2026-11-25) are over; 400 are invoiced, so 50 are due, but
        // yesterday ended at 00:00 today and is due once 02:00 has passed: it has (10:00). Today is not over.
        // Days from + 400 .. 2026-11-25: that is 450 - 400 = 50 days.
        assertEquals(50, due.periods().size());
        assertEquals(from.plusDays(400), due.periods().get(0).firstDay());
        assertEquals(LocalDate.of(2026, 11, 25), due.periods().get(49).lastDay());
        assertEquals(0, due.deferred());
    }

    @Test
    void theLastDayWaitsForTheLongestCallToEnd() {
        LocalDate from = LocalDate.of(2026, 11, 20);
        // 01:30 in Berlin on the 26th: the 25th ended 1.5 hours ago, its calls may last 2 hours.
        Instant early = Instant.parse("2026-11-26T00:30:00Z");

        DuePeriods due = DuePlanner.due(InvoicePeriod.DAILY, from, BERLIN, TWO_HOURS, List.of(), early, 100);

        assertEquals(
                LocalDate.of(2026, 11, 24),
                due.periods().get(due.periods().size() - 1).lastDay());
        assertEquals(5, due.periods().size());
    }

    @Test
    void everyPeriodKindIsCutFromItsFirstWholePeriod() {
        LocalDate from = LocalDate.of(2026, 9, 2);
        Instant now = Instant.parse("2026-11-01T12:00:00Z");

        assertEquals(
                List.of(
                        "2026-09-07..2026-09-13",
                        "2026-09-14..2026-09-20",
                        "2026-09-21..2026-09-27",
                        "2026-09-28..2026-10-04",
                        "2026-10-05..2026-10-11",
                        "2026-10-12..2026-10-18",
                        "2026-10-19..2026-10-25"),
                ranges(DuePlanner.due(InvoicePeriod.WEEKLY, from, BERLIN, TWO_HOURS, List.of(), now, 100)));
        // Fortnights counted from Monday 2024-01-01: 2026-09-07 is 140 weeks later (105 to 2026-01-05, 35 more).
        assertEquals(
                List.of("2026-09-07..2026-09-20", "2026-09-21..2026-10-04", "2026-10-05..2026-10-18"),
                ranges(DuePlanner.due(InvoicePeriod.BIWEEKLY, from, BERLIN, TWO_HOURS, List.of(), now, 100)));
        assertEquals(
                List.of("2026-10-01..2026-10-31"),
                ranges(DuePlanner.due(InvoicePeriod.MONTHLY, from, BERLIN, TWO_HOURS, List.of(), now, 100)));
        assertEquals(
                List.of("2026-09-16..2026-09-30", "2026-10-01..2026-10-15", "2026-10-16..2026-10-31"),
                ranges(DuePlanner.due(InvoicePeriod.SEMIMONTHLY, from, BERLIN, TWO_HOURS, List.of(), now, 100)));
        // Split by month: the week of 2026-09-28 is cut into 28-30 September and 1-4 October (Auto partial).
        DuePeriods split =
                DuePlanner.due(InvoicePeriod.WEEKLY_SPLIT_BY_MONTH, from, BERLIN, TWO_HOURS, List.of(), now, 100);
        assertEquals(
                List.of(
                        "2026-09-07..2026-09-13",
                        "2026-09-14..2026-09-20",
                        "2026-09-21..2026-09-27",
                        "2026-09-28..2026-09-30",
                        "2026-10-01..2026-10-04",
                        "2026-10-05..2026-10-11",
                        "2026-10-12..2026-10-18",
                        "2026-10-19..2026-10-25",
                        "2026-10-26..2026-10-31"),
                ranges(split));
        assertEquals(
                List.of(false, false, false, true, true, false, false, false, true),
                split.periods().stream().map(AutoPeriod::partial).toList());
        // The fortnight of 19 October is cut at the month's end; its November part is not over yet.
        assertEquals(
                List.of(
                        "2026-09-07..2026-09-20",
                        "2026-09-21..2026-09-30",
                        "2026-10-01..2026-10-04",
                        "2026-10-05..2026-10-18",
                        "2026-10-19..2026-10-31"),
                ranges(DuePlanner.due(
                        InvoicePeriod.BIWEEKLY_SPLIT_BY_MONTH, from, BERLIN, TWO_HOURS, List.of(), now, 100)));
    }

    @Test
    void aManualInvoiceInTheWayLeavesOnlyThePeriodsItDoesNotTouch() {
        LocalDate from = LocalDate.of(2026, 10, 1);
        Instant now = Instant.parse("2026-10-20T12:00:00Z");
        // A manual invoice of 6-9 October overlaps the week of 5-11 October only.
        List<BillingPeriod> manual = List.of(days("2026-10-06", "2026-10-09"));

        DuePeriods due = DuePlanner.due(InvoicePeriod.WEEKLY, from, BERLIN, TWO_HOURS, manual, now, 100);

        assertEquals(List.of("2026-10-12..2026-10-18"), ranges(due));
    }

    @Test
    void claimsInAnyOrderAndTouchingClaimsAreHandled() {
        LocalDate from = LocalDate.of(2026, 10, 1);
        Instant now = Instant.parse("2026-10-08T12:00:00Z");
        List<BillingPeriod> claims = List.of(
                days("2026-10-05", "2026-10-06"), days("2026-10-01", "2026-10-02"), days("2026-10-03", "2026-10-03"));

        DuePeriods due = DuePlanner.due(InvoicePeriod.DAILY, from, BERLIN, TWO_HOURS, claims, now, 100);

        // Days 1-3 and 5-6 are invoiced; 4 and 7 are due; the 8th is today.
        assertEquals(List.of("2026-10-04..2026-10-04", "2026-10-07..2026-10-07"), ranges(due));
    }

    @Test
    void aRunTakesOnAtMostItsBoundAndCountsTheRestAsDeferred() {
        LocalDate from = LocalDate.of(2026, 1, 1);
        Instant now = Instant.parse("2026-02-01T12:00:00Z");

        DuePeriods due = DuePlanner.due(InvoicePeriod.DAILY, from, BERLIN, TWO_HOURS, List.of(), now, 10);

        assertEquals(10, due.periods().size());
        assertEquals(LocalDate.of(2026, 1, 1), due.periods().get(0).firstDay());
        assertEquals(21, due.deferred());
        assertThrows(
                IllegalArgumentException.class,
                () -> DuePlanner.due(InvoicePeriod.DAILY, from, BERLIN, TWO_HOURS, List.of(), now, -1));
    }

    @Test
    void aDaylightSavingDayIsOneDueDayOf23Hours() {
        LocalDate from = LocalDate.of(2026, 3, 29);
        Instant now = Instant.parse("2026-03-30T12:00:00Z");

        DuePeriods due = DuePlanner.due(InvoicePeriod.DAILY, from, BERLIN, TWO_HOURS, List.of(), now, 10);

        assertEquals(1, due.periods().size());
        BillingPeriod day = due.periods().get(0).in(BERLIN);
        assertEquals(Duration.ofHours(23), Duration.between(day.start(), day.end()));
        assertTrue(due.periods().get(0).isDue(BERLIN, TWO_HOURS, now));
    }

    private static List<String> ranges(DuePeriods due) {
        return due.periods().stream()
                .map(p -> p.firstDay() + ".." + p.lastDay())
                .toList();
    }
}
