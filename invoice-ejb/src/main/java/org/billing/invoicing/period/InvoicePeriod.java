package org.billing.invoicing.period;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * How often an account is invoiced automatically. Each kind cuts the calendar of the account's time
 * zone into consecutive periods; the "split by new month" kinds cut a week that straddles a month in
 * two, and such a cut-short period is invoiced as Auto partial.
 */
public enum InvoicePeriod {
    DAILY,
    /** ISO weeks, Monday to Sunday. */
    WEEKLY,
    /** Two ISO weeks, counted from the Monday {@link #BIWEEKLY_ANCHOR}. */
    BIWEEKLY,
    MONTHLY,
    WEEKLY_SPLIT_BY_MONTH,
    BIWEEKLY_SPLIT_BY_MONTH,
    /** The 1st to the 15th, and the 16th to the end of the month. */
    SEMIMONTHLY;

    /**
     * Fortnights start on the Mondays an even number of weeks from this one (2024-01-01 began ISO
     * week 1 of 2024), so that every account's fortnights line up.
     */
    public static final LocalDate BIWEEKLY_ANCHOR = LocalDate.of(2024, 1, 1);

    /** The period of this kind that holds {@code day}. */
    public AutoPeriod periodOf(LocalDate day) {
        return switch (this) {
            case DAILY -> whole(day, day);
            case WEEKLY -> week(day);
            case BIWEEKLY -> fortnight(day);
            case MONTHLY -> whole(day.withDayOfMonth(1), day.with(TemporalAdjusters.lastDayOfMonth()));
            case WEEKLY_SPLIT_BY_MONTH -> splitByMonth(week(day), day);
            case BIWEEKLY_SPLIT_BY_MONTH -> splitByMonth(fortnight(day), day);
            case SEMIMONTHLY ->
                day.getDayOfMonth() <= 15
                        ? whole(day.withDayOfMonth(1), day.withDayOfMonth(15))
                        : whole(day.withDayOfMonth(16), day.with(TemporalAdjusters.lastDayOfMonth()));
        };
    }

    /** The period that follows {@code period}. */
    public AutoPeriod after(AutoPeriod period) {
        return periodOf(period.lastDay().plusDays(1));
    }

    private static AutoPeriod week(LocalDate day) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return whole(monday, monday.plusDays(6));
    }

    private static AutoPeriod fortnight(LocalDate day) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        long weeks = ChronoUnit.WEEKS.between(BIWEEKLY_ANCHOR, monday);
        LocalDate start = BIWEEKLY_ANCHOR.plusWeeks(Math.floorDiv(weeks, 2) * 2);
        return whole(start, start.plusDays(13));
    }

    private static AutoPeriod splitByMonth(AutoPeriod period, LocalDate day) {
        LocalDate first = period.firstDay().getMonth() == day.getMonth() ? period.firstDay() : day.withDayOfMonth(1);
        LocalDate last = period.lastDay().getMonth() == day.getMonth()
                ? period.lastDay()
                : day.with(TemporalAdjusters.lastDayOfMonth());
        return new AutoPeriod(first, last, !first.equals(period.firstDay()) || !last.equals(period.lastDay()));
    }

    private static AutoPeriod whole(LocalDate first, LocalDate last) {
        return new AutoPeriod(first, last, false);
    }
}
