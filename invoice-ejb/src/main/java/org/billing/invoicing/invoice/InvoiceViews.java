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
        return view(invoice, account, invoice.getState(), creditNoteId, null);
    }

    /** The invoice Calculate shows: what Create would store now, with its detail tables. */
    static InvoiceView calculated(
            Account account, Direction direction, BillingPeriod period, InvoiceFigures figures, Instant now) {
        ZoneId zone = period.zone();
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
        // The invoice Create would make, not stored: no id, no creator, and the state it would get.
        Invoice unsaved = Invoice.create(account, direction, InvoiceType.MANUAL, period, figures, now, null);
        return view(unsaved, account, Invoice.stateOnCreation(account), null, tables);
    }

    /** The one mapping of an invoice and its totals to the published view. */
    private static InvoiceView view(
            Invoice invoice, Account account, InvoiceState state, Long creditNoteId, Map<String, List<?>> tables) {
        ZoneId zone = invoice.zone();
        BillingPeriod period = invoice.period();
        InvoiceTotals totals = invoice.totals();
        CallStatistics calls = totals.calls();
        return new InvoiceView(
                invoice.getId(),
                invoice.getContractorId(),
                account.getContractor().getName(),
                invoice.getAccountId(),
                account.getName(),
                account.getCurrency(),
                invoice.getDirection(),
                invoice.getPaymentModel(),
                state,
                invoice.getType(),
                invoice.getFirstDay(),
                invoice.getLastDay(),
                at(period.start(), zone),
                at(period.end(), zone),
                zone.getId(),
                totals.amount(),
                totals.spent(),
                totals.earned(),
                totals.originated().spent(),
                totals.originated().earned(),
                totals.terminated().spent(),
                totals.terminated().earned(),
                totals.services().spent(),
                totals.services().earned(),
                totals.correctionsAmount(),
                totals.serviceTransactionsCount(),
                calls.callsCount(),
                calls.successfulCallsCount(),
                calls.callsDuration(),
                calls.billingDuration(),
                at(calls.firstCallAt(), zone),
                at(calls.lastCallAt(), zone),
                at(calls.firstSuccessfulCallAt(), zone),
                at(calls.lastSuccessfulCallAt(), zone),
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
