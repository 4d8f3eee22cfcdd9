package org.billing.invoicing.numbering;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.billing.invoicing.database.Settings;

/**
 * The time zone of the business that issues the invoices: the day of issue printed in a number
 * ({@code %year%}, {@code %mon%}, {@code %mday%}) and the year a yearly-restarting counter belongs to
 * are days of this zone, never of the account's, so that a series' numbers follow one calendar.
 */
public final class IssuerZone {

    public static final String SETTING = "invoicing.issuer.zone";

    private IssuerZone() {}

    /** {@code invoicing.issuer.zone}, an IANA zone such as {@code Europe/Berlin}; UTC when not set. */
    public static ZoneId fromSettings() {
        String configured = Settings.value(SETTING).orElse(null);
        if (configured == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(configured);
        } catch (DateTimeException e) {
            throw new IllegalStateException(
                    "The setting " + SETTING + " (INVOICING_ISSUER_ZONE) is an IANA time zone"
                            + " such as Europe/Berlin; got '" + configured + "'.",
                    e);
        }
    }

    /** The day of issue now in the issuer's zone. */
    public static LocalDate issueDay(Clock clock, ZoneId issuerZone) {
        return LocalDate.ofInstant(clock.instant(), issuerZone);
    }
}
