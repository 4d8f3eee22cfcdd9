package org.billing.invoicing.invoice;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A row of INV_CORRECTIONS_TABLE (seed 002, "Corrections"): a balance correction of a prepay account
 * approved in the invoice's period.
 *
 * @param lineNo the correction's serial number in the invoice ("#"), 1..n by {@code approvedAt}, then correction id
 * @param correctionId the platform's {@code balance_correction.id}
 * @param amount signed and unrounded: positive increased the account's balance, negative reduced it
 * @param approvedAt when a manager approved it, in the account's zone
 */
public record CorrectionLine(
        int lineNo, long correctionId, String description, BigDecimal amount, OffsetDateTime approvedAt)
        implements Serializable {

    private static final long serialVersionUID = 1L;
}
