package org.billing.invoicing.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** A login attempt refused because its user name or its address is locked out until {@code until}. */
public record Lockout(Instant until, long retryAfterSeconds) {

    static Lockout until(Instant until, Clock clock) {
        long millis = Duration.between(clock.instant(), until).toMillis();
        return new Lockout(until, Math.max(1, (millis + 999) / 1000));
    }

    /** "14 minutes", "40 seconds": how long to wait, for a person. */
    public String waitText() {
        if (retryAfterSeconds >= 120) {
            return (retryAfterSeconds + 59) / 60 + " minutes";
        }
        return retryAfterSeconds + (retryAfterSeconds == 1 ? " second" : " seconds");
    }
}
