package org.billing.invoicing.invoice;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * A line of the invoice as a tax document: one per call section, per service, reverse-billing earnings
 * on their own; its net amount rounded to the currency's minor unit.
 *
 * @param vatCategory the EN 16931 VAT category (S, Z, AE, E, O); null when the buyer's treatment is not set
 * @param vatRate percent; null for O and when no treatment is set
 */
public record TaxLineView(int lineNo, String description, BigDecimal netAmount, String vatCategory, BigDecimal vatRate)
        implements Serializable {}
