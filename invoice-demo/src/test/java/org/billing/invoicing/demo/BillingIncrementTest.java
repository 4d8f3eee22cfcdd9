package org.billing.invoicing.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BillingIncrementTest {

    @Test
    void unansweredCallsBillNothing() {
        assertEquals(0, BillingIncrement.PER_MINUTE.billedSeconds(0));
    }

    @Test
    void perMinuteRoundsUpToWholeMinutes() {
        assertEquals(60, BillingIncrement.PER_MINUTE.billedSeconds(1));
        assertEquals(60, BillingIncrement.PER_MINUTE.billedSeconds(60));
        assertEquals(120, BillingIncrement.PER_MINUTE.billedSeconds(61));
    }

    @Test
    void perSecondBillsTheDuration() {
        assertEquals(1, BillingIncrement.PER_SECOND.billedSeconds(1));
        assertEquals(7_200, BillingIncrement.PER_SECOND.billedSeconds(7_200));
    }

    @Test
    void thirtyThenSixBillsTheFirstIntervalWholeThenSixSecondBlocks() {
        assertEquals(30, BillingIncrement.HALF_MINUTE_THEN_SIX.billedSeconds(4));
        assertEquals(30, BillingIncrement.HALF_MINUTE_THEN_SIX.billedSeconds(30));
        assertEquals(36, BillingIncrement.HALF_MINUTE_THEN_SIX.billedSeconds(31));
        assertEquals(36, BillingIncrement.HALF_MINUTE_THEN_SIX.billedSeconds(36));
        assertEquals(42, BillingIncrement.HALF_MINUTE_THEN_SIX.billedSeconds(37));
    }

    @Test
    void intervalsArePositive() {
        assertThrows(IllegalArgumentException.class, () -> new BillingIncrement(0, 60));
    }
}
