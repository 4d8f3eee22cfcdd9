package org.billing.invoicing.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The currencies demo accounts keep their money in, with a fixed demo exchange rate. Every one is worth
 * at least 0.92 USD-units per USD, which keeps a customer's marked-up rate above any vendor's cost.
 */
enum DemoCurrency {
    USD("1", 2),
    EUR("0.92", 2),
    AUD("1.52", 2),
    IDR("16300", 0);

    private final BigDecimal perUsd;
    private final int scale;

    DemoCurrency(String perUsd, int scale) {
        this.perUsd = new BigDecimal(perUsd);
        this.scale = scale;
    }

    BigDecimal fromUsd(BigDecimal usd) {
        return usd.multiply(perUsd);
    }

    /** A money amount given in USD, converted and rounded to the currency's minor unit. */
    BigDecimal money(BigDecimal usd) {
        return fromUsd(usd).setScale(scale, RoundingMode.HALF_UP);
    }

    int scale() {
        return scale;
    }

    boolean fitsVendors() {
        return this == USD || this == EUR;
    }
}
