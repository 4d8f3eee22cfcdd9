package org.billing.invoicing.invoice;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * A row of INV_SRV_DATA_TABLE: the service transactions of one service, their count and the signed
 * sum of their amounts (a refund service totals negative).
 */
public record ServiceLine(long serviceId, String service, long transactionsCount, BigDecimal amount)
        implements Serializable {}
