package org.billing.invoicing.invoice;

import java.math.BigDecimal;

/**
 * The service transactions of a customer invoice: positive amounts are what the account spent,
 * negative ones (refunds, credits) what it earned, as an absolute value.
 */
public record ServiceTotals(long transactionsCount, BigDecimal spent, BigDecimal earned) {

    public static final ServiceTotals NONE = new ServiceTotals(0, BigDecimal.ZERO, BigDecimal.ZERO);
}
