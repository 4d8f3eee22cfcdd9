package org.billing.invoicing.login;

import java.time.Duration;
import java.time.Instant;

/**
 * The failed logins of one user name or one client address: how many since {@code firstAt}, and, once
 * they reached the limit, until when every attempt is refused ({@code lockedUntil}, null when not locked).
 * A fixed lockout, not a growing delay: it ends by itself after the window, so an attacker who keeps
 * guessing can keep a user locked, but never lock anyone out for longer than he keeps at it.
 */
public record FailureCount(int failures, Instant firstAt, Instant lockedUntil) {

    /** The first failure. */
    public static FailureCount first(Instant now, int limit, Duration window) {
        return new FailureCount(1, now, limit <= 1 ? now.plus(window) : null);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /**
     * After one more failure at {@code now}: counted in the current window, or starting a new one when
     * the last window or lockout is over; locked for {@code window} when the count reaches {@code limit}.
     * A failure while locked is not counted (such an attempt is refused before its password is checked).
     */
    public FailureCount afterFailure(Instant now, int limit, Duration window) {
        if (lockedAt(now)) {
            return this;
        }
        boolean over = lockedUntil != null || !now.isBefore(firstAt.plus(window));
        if (over) {
            return first(now, limit, window);
        }
        int counted = failures + 1;
        return new FailureCount(counted, firstAt, counted >= limit ? now.plus(window) : null);
    }

    /** Whether the row may be forgotten: its window is over and it locks nothing. */
    public boolean staleAt(Instant now, Duration window) {
        return !lockedAt(now) && !now.isBefore(firstAt.plus(window));
    }
}
