package org.billing.invoicing.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class FailureCountTest {

    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");

    @Test
    void theFifthFailureWithinTheWindowLocksForTheWindow() {
        FailureCount count = FailureCount.first(T0, 5, WINDOW);
        for (int minute = 1; minute <= 3; minute++) {
            count = count.afterFailure(T0.plusSeconds(60L * minute), 5, WINDOW);
            assertNull(count.lockedUntil());
        }
        count = count.afterFailure(T0.plusSeconds(240), 5, WINDOW);
        assertEquals(5, count.failures());
        assertEquals(T0.plusSeconds(240).plus(WINDOW), count.lockedUntil());
        assertTrue(count.lockedAt(T0.plusSeconds(240).plus(WINDOW).minusMillis(1)));
        assertFalse(count.lockedAt(T0.plusSeconds(240).plus(WINDOW)));
    }

    @Test
    void failuresWhileLockedAreNotCountedAndDoNotExtendTheLockout() {
        FailureCount locked = new FailureCount(5, T0, T0.plus(WINDOW));
        assertEquals(locked, locked.afterFailure(T0.plusSeconds(600), 5, WINDOW));
    }

    @Test
    void aFailureAfterTheWindowOrTheLockoutStartsAgainFromOne() {
        FailureCount old = new FailureCount(4, T0, null);
        assertEquals(new FailureCount(1, T0.plus(WINDOW), null), old.afterFailure(T0.plus(WINDOW), 5, WINDOW));
        FailureCount expired = new FailureCount(5, T0, T0.plus(WINDOW));
        assertEquals(new FailureCount(1, T0.plus(WINDOW), null), expired.afterFailure(T0.plus(WINDOW), 5, WINDOW));
        assertTrue(expired.staleAt(T0.plus(WINDOW), WINDOW));
    }

    @Test
    void aLimitOfOneLocksAtTheFirstFailure() {
        assertEquals(T0.plus(WINDOW), FailureCount.first(T0, 1, WINDOW).lockedUntil());
    }
}
