package org.billing.invoicing.period;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Objects;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;

/**
 * A billing period: the half-open interval of instants {@code [start, end)}, made from local days of
 * the account's time zone. A local day is 23 or 25 hours long on a daylight-saving change, which is
 * why the bounds are computed per zone and never as "start + n * 24h".
 */
public record BillingPeriod(Instant start, Instant end, ZoneId zone) {

    /** The longest manual period unless configured otherwise: one year. */
    public static final Period DEFAULT_MAX_LENGTH = Period.ofYears(1);

    public BillingPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("A billing period must end after it starts: " + start + " .. " + end);
        }
    }

    /**
     * The period from the start of {@code firstDay} to the end of {@code lastDay}, both local days of
     * {@code zone}: the last day is included whole (seed 003: 2010-01-01..2010-01-31 is all of January).
     */
    public static BillingPeriod ofDays(LocalDate firstDay, LocalDate lastDay, ZoneId zone) {
        if (lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("The last day " + lastDay + " is before the first day " + firstDay);
        }
        return new BillingPeriod(
                firstDay.atStartOfDay(zone).toInstant(),
                lastDay.plusDays(1).atStartOfDay(zone).toInstant(),
                zone);
    }

    /**
     * The period of a manual invoice: the days an operator picked, refused when inverted or when it
     * ends after {@code now} (calls of the future are not known yet).
     */
    public static BillingPeriod manual(LocalDate firstDay, LocalDate lastDay, ZoneId zone, Instant now) {
        return manual(firstDay, lastDay, zone, now, DEFAULT_MAX_LENGTH);
    }

    /**
     * The same, refused too when longer than {@code maxLength} (issue 11: a period of centuries scans
     * every partition of the calls and ties up a connection for as long): the day after the last one
     * may be at most {@code firstDay + maxLength}, so one year is 2026-03-01..2027-02-28 and
     * 2024-01-01..2024-12-31.
     */
    public static BillingPeriod manual(
            LocalDate firstDay, LocalDate lastDay, ZoneId zone, Instant now, Period maxLength) {
        if (lastDay.isBefore(firstDay)) {
            throw new InvoicingException(
                    ErrorCode.PERIOD_INVERTED,
                    "endDate",
                    "The end date " + lastDay + " is before the start date " + firstDay + ".");
        }
        LocalDate latestLastDay = firstDay.plus(maxLength).minusDays(1);
        if (lastDay.isAfter(latestLastDay)) {
            throw new InvoicingException(
                    ErrorCode.PERIOD_TOO_LONG,
                    "endDate",
                    "A period is at most " + maxLength
                            + " long (setting invoicing.invoice.max-period): from " + firstDay
                            + " the end date is at most "
                            + latestLastDay + ".");
        }
        BillingPeriod period = ofDays(firstDay, lastDay, zone);
        if (period.endsAfter(now)) {
            throw new InvoicingException(
                    ErrorCode.PERIOD_IN_FUTURE,
                    "endDate",
                    "The period ends at " + period.end().atZone(zone).toOffsetDateTime()
                            + ", which is still to come; the last day may be at most yesterday in " + zone + ".");
        }
        return period;
    }

    public LocalDate firstDay() {
        return LocalDate.ofInstant(start, zone);
    }

    /** The last local day the period covers whole. */
    public LocalDate lastDay() {
        return LocalDate.ofInstant(end, zone).minusDays(1);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    /** Half-open intervals overlap when each starts before the other ends: touching ones do not. */
    public boolean overlaps(BillingPeriod other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    public boolean endsAfter(Instant instant) {
        return end.isAfter(instant);
    }
}
