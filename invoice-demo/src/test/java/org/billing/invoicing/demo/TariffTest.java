package org.billing.invoicing.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class TariffTest {

    @Test
    void ratesAreMultiplesOfThreeUnitsOfTheirLastDecimal() {
        assertEquals(new BigDecimal("0.012345"), Tariff.perMinute(new BigDecimal("0.0123456")));
        assertEquals(new BigDecimal("0.0783"), Tariff.perMinute(new BigDecimal("0.07830")));
        assertEquals(new BigDecimal("0.0786"), Tariff.perMinute(new BigDecimal("0.07848")));
        assertEquals(new BigDecimal("115.92"), Tariff.perMinute(new BigDecimal("115.9301")));
        assertEquals(new BigDecimal("0.000003"), Tariff.perMinute(new BigDecimal("0.0000001")));
    }

    @Test
    void priceIsBilledMinutesTimesTheRateExactly() {
        Tariff tariff = Tariff.of("4930", new BigDecimal("0.012345"), BillingIncrement.PER_SECOND, false);

        assertEquals(new BigDecimal("0.00144025"), tariff.price(7)); // 7/60 x 0.012345, no rounding
        assertEquals(0, tariff.price(7).multiply(BigDecimal.valueOf(60)).compareTo(new BigDecimal("0.086415")));
        assertEquals(BigDecimal.ZERO, tariff.price(0));
    }

    @Test
    void everyBilledDurationGivesAFiniteDecimal() {
        Tariff tariff = Tariff.of("62811", new BigDecimal("0.0936"), BillingIncrement.PER_SECOND, false);
        for (int seconds = 1; seconds <= 7_200; seconds++) {
            tariff.price(seconds); // would throw ArithmeticException on a non-terminating quotient
        }
    }
}
