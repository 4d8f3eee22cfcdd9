package org.billing.invoicing.tax;

import java.math.BigDecimal;

/**
 * An invoice line as the legal document prints it (EN 16931 BG-25): its net amount rounded to the
 * currency's minor unit, and the VAT category (UNTDID 5305: S, Z, AE, E, O) and rate it is taxed at.
 *
 * @param category null when the buyer's tax treatment is not set
 * @param rate percent; null for category O (not subject to VAT, BR-O-05) and when no treatment is set
 */
public record LegalLine(int lineNo, String description, BigDecimal netAmount, String category, BigDecimal rate) {

    LegalLine negated() {
        return new LegalLine(lineNo, description, netAmount.negate(), category, rate);
    }
}
