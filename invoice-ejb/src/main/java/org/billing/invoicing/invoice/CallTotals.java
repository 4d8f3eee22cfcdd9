package org.billing.invoicing.invoice;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The calls of one side of an invoice, summed. {@code spent} and {@code earned} are as the account
 * sees them: reverse billing turns what would be spent into earnings and the other way round.
 */
public record CallTotals(
        long callsCount,
        long successfulCallsCount,
        long callsDuration,
        long billingDuration,
        BigDecimal spent,
        BigDecimal earned,
        Instant firstCallAt,
        Instant lastCallAt,
        Instant firstSuccessfulCallAt,
        Instant lastSuccessfulCallAt) {

    public static final CallTotals NONE =
            new CallTotals(0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, null, null, null, null);
}
