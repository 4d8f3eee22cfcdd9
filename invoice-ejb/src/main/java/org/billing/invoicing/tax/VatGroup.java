package org.billing.invoicing.tax;

import java.math.BigDecimal;

/**
 * One row of the VAT breakdown (EN 16931 BG-23): the lines of one category and rate summed, and the VAT
 * of that sum, rounded once for the group (not line by line).
 *
 * @param exemptionReason why no VAT is charged (BT-120) for AE, E and O; null for S and Z
 */
public record VatGroup(
        String category, BigDecimal rate, BigDecimal taxableAmount, BigDecimal vatAmount, String exemptionReason) {

    VatGroup negated() {
        return new VatGroup(category, rate, taxableAmount.negate(), vatAmount.negate(), exemptionReason);
    }
}
