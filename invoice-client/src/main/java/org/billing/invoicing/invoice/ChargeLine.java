package org.billing.invoicing.invoice;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A row of INV_CHARGES_TABLE (seed 002, "Charges"): one service transaction of a prepay account's
 * invoice, as the platform recorded it. Money is unrounded; {@code durationMonths} and {@code unitPrice}
 * are null for pay-as-you-go (external) plans, as the platform leaves them.
 *
 * @param lineNo the charge's serial number in the invoice ("#"), 1..n by {@code createdAt}, then transaction id
 * @param transactionId the platform's {@code service_transaction.id}
 * @param subscriptionId the subscription charged, or null (a one-off fee)
 * @param amount positive: the account spent; negative: it was refunded
 * @param createdAt when the platform made the charge, in the account's zone
 */
public record ChargeLine(
        int lineNo,
        long transactionId,
        long serviceId,
        Long subscriptionId,
        String description,
        BigDecimal quantity,
        Integer durationMonths,
        BigDecimal unitPrice,
        BigDecimal discount,
        BigDecimal taxes,
        BigDecimal amount,
        OffsetDateTime createdAt)
        implements Serializable {

    private static final long serialVersionUID = 1L;
}
