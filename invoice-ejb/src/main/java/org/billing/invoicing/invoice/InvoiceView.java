package org.billing.invoicing.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.billing.invoicing.period.BillingPeriod;
import org.billing.invoicing.platform.Account;

/**
 * An invoice as its readers see it: every attribute of seed 000 and the spent / earned of each
 * section, times in the account's zone. A calculated (not stored) invoice has no id and carries its
 * detail tables, by their seed names; a stored one serves them one by one.
 *
 * @param startDate the first local day of the period
 * @param endDate the last local day of the period, included whole
 * @param periodStart the instant the period starts
 * @param periodEnd the instant the period ends, excluded
 */
public record InvoiceView(
        Long id,
        long contractorId,
        String contractorName,
        long accountId,
        String accountName,
        String currency,
        Direction direction,
        InvoiceState state,
        InvoiceType type,
        LocalDate startDate,
        LocalDate endDate,
        OffsetDateTime periodStart,
        OffsetDateTime periodEnd,
        String timeZone,
        BigDecimal amount,
        BigDecimal spent,
        BigDecimal earned,
        BigDecimal origSpent,
        BigDecimal origEarned,
        BigDecimal termSpent,
        BigDecimal termEarned,
        BigDecimal servicesSpent,
        BigDecimal servicesEarned,
        long serviceTransactionsCount,
        long callsCount,
        long successfulCallsCount,
        long callsDuration,
        long billingDuration,
        OffsetDateTime firstCallAt,
        OffsetDateTime lastCallAt,
        OffsetDateTime firstSuccessfulCallAt,
        OffsetDateTime lastSuccessfulCallAt,
        OffsetDateTime createdAt,
        String createdBy,
        InvoiceKind kind,
        String number,
        OffsetDateTime issuedAt,
        String issuedBy,
        Long creditedInvoiceId,
        String creditReason,
        Long creditNoteId,
        Map<String, List<?>> tables) {

    /**
     * @param creditNoteId the credit note that reverses this invoice, or null
     */
    public static InvoiceView of(Invoice invoice, Account account, Long creditNoteId) {
        ZoneId zone = invoice.zone();
        BillingPeriod period = invoice.period();
        return new InvoiceView(invoice.getId(), invoice.getContractorId(), account.getContractor().getName(),
                invoice.getAccountId(), account.getName(), account.getCurrency(), invoice.getDirection(),
                invoice.getState(), invoice.getType(), invoice.getFirstDay(), invoice.getLastDay(),
                at(period.start(), zone), at(period.end(), zone), zone.getId(), invoice.getAmount(),
                invoice.spent(), invoice.earned(), invoice.getOrigSpent(), invoice.getOrigEarned(),
                invoice.getTermSpent(), invoice.getTermEarned(), invoice.getServicesSpent(),
                invoice.getServicesEarned(), invoice.getServiceTransactionsCount(), invoice.getCallsCount(),
                invoice.getSuccessfulCallsCount(), invoice.getCallsDuration(), invoice.getBillingDuration(),
                at(invoice.getFirstCallAt(), zone), at(invoice.getLastCallAt(), zone),
                at(invoice.getFirstSuccessfulCallAt(), zone), at(invoice.getLastSuccessfulCallAt(), zone),
                at(invoice.getCreatedAt(), zone), invoice.getCreatedBy(), invoice.getKind(), invoice.getNumber(),
                at(invoice.getIssuedAt(), zone), invoice.getIssuedBy(), invoice.getCreditedInvoiceId(),
                invoice.getCreditReason(), creditNoteId, null);
    }

    /** The invoice Calculate shows: what Create would store now, with its detail tables. */
    public static InvoiceView calculated(Account account, Direction direction, BillingPeriod period,
                                         InvoiceFigures figures, Instant now) {
        ZoneId zone = period.zone();
        CallTotals calls = figures.calls();
        Map<String, List<?>> tables = new LinkedHashMap<>();
        figures.callTables().forEach((table, lines) -> tables.put(table.name(), CallLineView.of(lines, zone)));
        if (direction == Direction.CUSTOMER) {
            tables.put(DetailTable.INV_SRV_DATA_TABLE.name(), figures.serviceLines());
        }
        return new InvoiceView(null, account.getContractor().getId(), account.getContractor().getName(),
                account.getId(), account.getName(), account.getCurrency(), direction, InvoiceState.onCreation(account),
                InvoiceType.MANUAL, period.firstDay(), period.lastDay(), at(period.start(), zone),
                at(period.end(), zone), zone.getId(), figures.amount(), figures.spent(), figures.earned(),
                figures.originated().spent(), figures.originated().earned(), figures.terminated().spent(),
                figures.terminated().earned(), figures.services().spent(), figures.services().earned(),
                figures.services().transactionsCount(), calls.callsCount(), calls.successfulCallsCount(),
                calls.callsDuration(), calls.billingDuration(), at(calls.firstCallAt(), zone),
                at(calls.lastCallAt(), zone), at(calls.firstSuccessfulCallAt(), zone),
                at(calls.lastSuccessfulCallAt(), zone), at(now, zone), null, InvoiceKind.INVOICE, null, null, null, null,
                null, null, tables);
    }

    static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
