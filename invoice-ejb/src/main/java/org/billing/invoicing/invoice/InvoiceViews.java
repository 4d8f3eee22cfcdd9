package org.billing.invoicing.invoice;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.billing.invoicing.period.BillingPeriod;
import org.billing.invoicing.platform.Account;
import org.billing.invoicing.tax.InvoiceParties;
import org.billing.invoicing.tax.LegalLine;
import org.billing.invoicing.tax.LegalTotals;
import org.billing.invoicing.tax.VatGroup;

/** Makes the published views of invoices, times in the account's zone. */
final class InvoiceViews {

    private InvoiceViews() {}

    /** An invoice of a list: its legal totals, without its lines and VAT breakdown. */
    static InvoiceView of(Invoice invoice, Account account, Long creditNoteId) {
        return of(invoice, account, creditNoteId, null);
    }

    /**
     * @param creditNoteId the credit note that reverses this invoice, or null
     * @param tax its lines and VAT breakdown, or null (a list: not served)
     */
    static InvoiceView of(Invoice invoice, Account account, Long creditNoteId, TaxLineStore.Rows tax) {
        return view(
                invoice,
                account,
                invoice.getState(),
                creditNoteId,
                null,
                tax == null ? null : lines(tax.lines()),
                tax == null ? null : breakdown(tax.breakdown()));
    }

    /** The invoice Calculate shows: what Create would store now, with its detail tables. */
    static InvoiceView calculated(
            Account account,
            Direction direction,
            BillingPeriod period,
            InvoiceFigures figures,
            InvoiceParties parties,
            LegalTotals totals,
            Instant now) {
        InvoiceLegal legal = InvoiceLegal.frozen(
                parties, direction, totals, now.atZone(period.zone()).toLocalDate());
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
        Invoice unsaved = Invoice.create(account, direction, InvoiceType.MANUAL, period, figures, legal, now, null);
        return view(
                unsaved,
                account,
                Invoice.stateOnCreation(account),
                null,
                tables,
                lines(totals.lines()),
                breakdown(totals.breakdown()));
    }

    /**
     * The one mapping of an invoice, its totals and what it copied at creation to the published view.
     * The account's and buyer's names and the currency are those the invoice copied when it was made, the
     * account's and contractor's now only for a row written without them.
     */
    private static InvoiceView view(
            Invoice invoice,
            Account account,
            InvoiceState state,
            Long creditNoteId,
            Map<String, List<?>> tables,
            List<TaxLineView> taxLines,
            List<VatBreakdownView> vatBreakdown) {
        ZoneId zone = invoice.zone();
        BillingPeriod period = invoice.period();
        InvoiceTotals totals = invoice.totals();
        CallStatistics calls = totals.calls();
        InvoiceLegal legal = invoice.getLegal();
        return new InvoiceView(
                invoice.getId(),
                invoice.getContractorId(),
                invoice.buyerName(account),
                invoice.getAccountId(),
                invoice.accountName(account),
                invoice.currency(account),
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
                tables,
                legal == null ? null : seller(legal),
                legal == null ? null : buyer(legal),
                legal == null || legal.getTaxTreatment() == null
                        ? null
                        : legal.getTaxTreatment().name(),
                legal == null ? null : legal.getVatRate(),
                taxLines,
                vatBreakdown,
                legal == null ? null : legal.getNetTotal(),
                legal == null ? null : legal.getVatTotal(),
                legal == null ? null : legal.getGrossTotal(),
                legal == null ? null : legal.getPrepaidAmount(),
                legal == null ? null : legal.getAmountDue(),
                legal == null ? null : legal.getDueDate(),
                legal == null ? null : legal.getTaxNote(),
                invoice.selfBilled());
    }

    private static InvoiceSeller seller(InvoiceLegal legal) {
        if (legal.getSellerLegalName() == null) {
            return null;
        }
        return new InvoiceSeller(
                legal.getSellerLegalName(),
                legal.getSellerStreet(),
                legal.getSellerCity(),
                legal.getSellerPostalCode(),
                legal.getSellerCountry(),
                legal.getSellerVatId(),
                legal.getSellerRegistration(),
                legal.getSellerEmail(),
                legal.getSellerPhone(),
                legal.getSellerIban(),
                legal.getSellerBic());
    }

    private static InvoiceBuyer buyer(InvoiceLegal legal) {
        return new InvoiceBuyer(
                legal.getBuyerName(),
                legal.getBuyerAddress(),
                legal.getBuyerPhones(),
                legal.getBuyerCountry(),
                legal.getBuyerVatId(),
                legal.getBuyerReference());
    }

    static List<TaxLineView> lines(List<LegalLine> lines) {
        return lines.stream()
                .map(line -> new TaxLineView(
                        line.lineNo(), line.description(), line.netAmount(), line.category(), line.rate()))
                .toList();
    }

    static List<VatBreakdownView> breakdown(List<VatGroup> groups) {
        return groups.stream()
                .map(group -> new VatBreakdownView(
                        group.category(),
                        group.rate(),
                        group.taxableAmount(),
                        group.vatAmount(),
                        group.exemptionReason()))
                .toList();
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
