package org.billing.invoicing.period;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A period of automatic invoicing: local days, the last included whole; {@code partial} when a month
 * boundary cut it short (an Auto partial invoice).
 */
public record AutoPeriod(LocalDate firstDay, LocalDate lastDay, boolean partial) {

    public BillingPeriod in(ZoneId zone) {
        return BillingPeriod.ofDays(firstDay, lastDay, zone);
    }

    /**
     * An automatic invoice waits until the longest call that started in its period has surely ended
     * and been rated: until {@code end + maxCallDuration}.
     */
    public boolean isDue(ZoneId zone, Duration maxCallDuration, Instant now) {
        return !in(zone).end().plus(maxCallDuration).isAfter(now);
    }
}
