package org.billing.invoicing.invoice;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A row of a call detail table: the calls of one group (destination prefix, country, network, rate;
 * or country, network, rate). {@code dstPrefix} is null in the network tables. Sums are unrounded.
 */
public record CallLine(
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
        Instant firstCallAt,
        Instant lastCallAt) {}
