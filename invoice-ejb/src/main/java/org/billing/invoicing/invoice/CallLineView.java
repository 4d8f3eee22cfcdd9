package org.billing.invoicing.invoice;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

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
        OffsetDateTime lastCallAt) {

    public static CallLineView of(CallLine line, ZoneId zone) {
        return new CallLineView(line.dstPrefix(), line.countryId(), line.country(), line.networkId(), line.network(),
                line.rate(), line.callsCount(), line.successfulCallsCount(), line.callsDuration(),
                line.billingDuration(), line.amount(), InvoiceView.at(line.firstCallAt(), zone),
                InvoiceView.at(line.lastCallAt(), zone));
    }

    public static List<CallLineView> of(List<CallLine> lines, ZoneId zone) {
        return lines.stream().map(line -> of(line, zone)).toList();
    }
}
