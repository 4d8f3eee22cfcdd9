package org.billing.invoicing.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A per-minute rate for one prefix in one account's deck.
 *
 * <p>Rates are whole multiples of 3 units of their last decimal (0.012345 = 4115 x 0.000003), so that
 * {@code billed seconds / 60 x rate} is always a finite decimal: prices are exact, with no rounding rule
 * to invent, just as the platform stores them raw.
 */
record Tariff(String prefix, BigDecimal rate, String rateText, BillingIncrement increment, boolean reverseBilling) {

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
    private static final BigDecimal SMALL = new BigDecimal("0.05");
    private static final BigDecimal LARGE = BigDecimal.valueOf(100);

    static Tariff of(String prefix, BigDecimal rate, BillingIncrement increment, boolean reverseBilling) {
        BigDecimal exactRate = perMinute(rate);
        return new Tariff(prefix, exactRate, exactRate.toPlainString(), increment, reverseBilling);
    }

    /** The nearest rate with 6, 4 or 2 decimals (by size) that is a multiple of 3 units of its last decimal. */
    static BigDecimal perMinute(BigDecimal value) {
        int scale = value.compareTo(SMALL) < 0 ? 6 : value.compareTo(LARGE) < 0 ? 4 : 2;
        BigDecimal unit = BigDecimal.valueOf(3, scale);
        return value.divide(unit, 0, RoundingMode.HALF_UP).max(BigDecimal.ONE).multiply(unit);
    }

    /** Billed minutes times the rate, exactly. */
    BigDecimal price(int billedSeconds) {
        return billedSeconds == 0
                ? BigDecimal.ZERO
                : rate.multiply(BigDecimal.valueOf(billedSeconds)).divide(SIXTY);
    }
}
