package org.billing.invoicing.invoice;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * A row of the VAT breakdown: the lines of one category and rate, and their VAT rounded once.
 *
 * @param exemptionReason why no VAT is charged (reverse charge, export, the exemption's ground); null for S, Z
 */
public record VatBreakdownView(
        String vatCategory, BigDecimal vatRate, BigDecimal taxableAmount, BigDecimal vatAmount, String exemptionReason)
        implements Serializable {}
