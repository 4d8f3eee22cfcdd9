package org.billing.invoicing.invoice;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A row of a call detail table as its readers see it, times in the account's zone. */
public record CallLineView(
        String dstPrefix,
        Long countryId,
        String country,
        Long networkId,
        String network,
        BigDecimal rate,
        long callsCount,
        long successfulCallsCount,
        long callsDuration,
        long billingDuration,
        BigDecimal amount,
        OffsetDateTime firstCallAt,
        OffsetDateTime lastCallAt)
        implements Serializable {

    private static final long serialVersionUID = 1L;
}
