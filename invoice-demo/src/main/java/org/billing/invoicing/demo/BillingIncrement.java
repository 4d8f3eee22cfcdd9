package org.billing.invoicing.demo;

/** Billing intervals of a rate: the first {@code initial} seconds are billed whole, then blocks of {@code next}. */
record BillingIncrement(int initial, int next) {

    static final BillingIncrement PER_MINUTE = new BillingIncrement(60, 60);
    static final BillingIncrement PER_SECOND = new BillingIncrement(1, 1);
    static final BillingIncrement HALF_MINUTE_THEN_SIX = new BillingIncrement(30, 6);

    BillingIncrement {
        if (initial < 1 || next < 1) {
            throw new IllegalArgumentException("billing intervals must be positive: " + initial + "/" + next);
        }
    }

    /** Billed seconds of an answered duration; an unanswered call (0 s) bills nothing. */
    int billedSeconds(int duration) {
        if (duration <= 0) {
            return 0;
        }
        if (duration <= initial) {
            return initial;
        }
        int blocks = (duration - initial + next - 1) / next;
        return initial + blocks * next;
    }
}
