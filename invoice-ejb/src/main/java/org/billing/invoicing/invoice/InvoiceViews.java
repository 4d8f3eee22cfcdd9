package org.billing.invoicing.invoice;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.billing.invoicing.period.BillingPeriod;
import org.billing.invoicing.platform.Account;

/** Makes the published views of invoices, times in the account's zone. */
final class InvoiceViews {

    private InvoiceViews() {}

    /**
     * @param creditNoteId the credit note that reverses this invoice, or null
     */
    static InvoiceView of(Invoice invoice, Account account, Long creditNoteId) {
        ZoneId zone = invoice.zone();
        BillingPeriod period = invoice.period();
        return new InvoiceView(
                invoice.getId(),
                invoice.getContractorId(),
                account.getContractor().getName(),
                invoice.getAccountId(),
                account.getName(),
                account.getCurrency(),
                invoice.getDirection(),
                invoice.getPaymentModel(),
                invoice.getState(),
                invoice.getType(),
                invoice.getFirstDay(),
                invoice.getLastDay(),
                at(period.start(), zone),
                at(period.end(), zone),
                zone.getId(),
                invoice.getAmount(),
                invoice.spent(),
                invoice.earned(),
                invoice.getOrigSpent(),
                invoice.getOrigEarned(),
                invoice.getTermSpent(),
                invoice.getTermEarned(),
                invoice.getServicesSpent(),
                invoice.getServicesEarned(),
                invoice.getCorrectionsAmount(),
                invoice.getServiceTransactionsCount(),
                invoice.getCallsCount(),
                invoice.getSuccessfulCallsCount(),
                invoice.getCallsDuration(),
                invoice.getBillingDuration(),
                at(invoice.getFirstCallAt(), zone),
                at(invoice.getLastCallAt(), zone),
                at(invoice.getFirstSuccessfulCallAt(), zone),
                at(invoice.getLastSuccessfulCallAt(), zone),
                at(invoice.getCreatedAt(), zone),
                invoice.getCreatedBy(),
                invoice.getKind(),
                invoice.getNumber(),
                at(invoice.getIssuedAt(), zone),
                invoice.getIssuedBy(),
                invoice.getCreditedInvoiceId(),
                invoice.getCreditReason(),
                creditNoteId,
                invoice.getSupplementedInvoiceId(),
                null);
    }

    /** The invoice Calculate shows: what Create would store now, with its detail tables. */
    static InvoiceView calculated(
            Account account, Direction direction, BillingPeriod period, InvoiceFigures figures, Instant now) {
        ZoneId zone = period.zone();
        CallTotals calls = figures.calls();
        Map<String, List<?>> tables = new LinkedHashMap<>();
        figures.callTables().forEach((table, lines) -> tables.put(table.name(), callLines(lines, zone)));
        if (direction == Direction.CUSTOMER) {
            tables.put(DetailTable.INV_SRV_DATA_TABLE.name(), figures.serviceLines());
        }
        if (PrepayTable.belongTo(direction, account.getPaymentModel())) {
            for (PrepayTable table : PrepayTable.values()) {
                tables.put(table.name(), table.rows(figures.prepay()));
            }
        }
        return new InvoiceView(
                null,
                account.getContractor().getId(),
                account.getContractor().getName(),
                account.getId(),
                account.getName(),
                account.getCurrency(),
                direction,
                account.getPaymentModel(),
                Invoice.stateOnCreation(account),
                InvoiceType.MANUAL,
                period.firstDay(),
                period.lastDay(),
                at(period.start(), zone),
                at(period.end(), zone),
                zone.getId(),
                figures.amount(),
                figures.spent(),
                figures.earned(),
                figures.originated().spent(),
                figures.originated().earned(),
                figures.terminated().spent(),
                figures.terminated().earned(),
                figures.services().spent(),
                figures.services().earned(),
                figures.correctionsAmount(),
                figures.services().transactionsCount(),
                calls.callsCount(),
                calls.successfulCallsCount(),
                calls.callsDuration(),
                calls.billingDuration(),
                at(calls.firstCallAt(), zone),
                at(calls.lastCallAt(), zone),
                at(calls.firstSuccessfulCallAt(), zone),
                at(calls.lastSuccessfulCallAt(), zone),
                at(now, zone),
                null,
                InvoiceKind.INVOICE,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                tables);
    }

    static List<CallLineView> callLines(List<CallLine> lines, ZoneId zone) {
        return lines.stream()
                .map(line -> new CallLineView(
                        line.dstPrefix(),
                        line.countryId(),
                        line.country(),
                        line.networkId(),
                        line.network(),
                        line.rate(),
                        line.callsCount(),
                        line.successfulCallsCount(),
                        line.callsDuration(),
                        line.billingDuration(),
                        line.amount(),
                        at(line.firstCallAt(), zone),
                        at(line.lastCallAt(), zone)))
                .toList();
    }

    /** An instant as the account sees it, in its zone; null stays null. */
    static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
