package org.billing.invoicing.tax;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A contractor's tax profile as REST and the screens show it.
 *
 * @param vatCategory the EN 16931 VAT category its invoice lines carry: S, Z, AE, O or E
 */
public record BuyerTaxProfileView(
        long contractorId,
        String country,
        String vatId,
        TaxTreatment treatment,
        BigDecimal vatRate,
        String vatCategory,
        String exemptionReason,
        String buyerReference,
        Instant updatedAt,
        String updatedBy) {}
