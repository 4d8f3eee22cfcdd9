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
     * The buyer's name and the currency are those the invoice copied when it was made, the account's and
     * contractor's now only for an invoice the database had before it kept them.
     *
     * @param creditNoteId the credit note that reverses this invoice, or null
     * @param tax its lines and VAT breakdown, or null (a list: not served)
     */
    static InvoiceView of(Invoice invoice, Account account, Long creditNoteId, TaxLineStore.Rows tax) {
        ZoneId zone = invoice.zone();
        BillingPeriod period = invoice.period();
        InvoiceLegal legal = invoice.getLegal();
        return new InvoiceView(
                invoice.getId(),
                invoice.getContractorId(),
                legal != null && legal.getBuyerName() != null
                        ? legal.getBuyerName()
                        : account.getContractor().getName(),
                invoice.getAccountId(),
                account.getName(),
                legal != null && legal.getCurrency() != null ? legal.getCurrency() : account.getCurrency(),
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
                null,
                legal == null ? null : seller(legal),
                legal == null ? null : buyer(legal),
                legal == null || legal.getTaxTreatment() == null
                        ? null
                        : legal.getTaxTreatment().name(),
                legal == null ? null : legal.getVatRate(),
                tax == null ? null : lines(tax.lines()),
                tax == null ? null : breakdown(tax.breakdown()),
                legal == null ? null : legal.getNetTotal(),
                legal == null ? null : legal.getVatTotal(),
                legal == null ? null : legal.getGrossTotal(),
                legal == null ? null : legal.getPrepaidAmount(),
                legal == null ? null : legal.getAmountDue(),
                legal == null ? null : legal.getDueDate(),
                legal == null ? null : legal.getTaxNote());
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
                tables,
                seller(legal),
                buyer(legal),
                legal.getTaxTreatment() == null ? null : legal.getTaxTreatment().name(),
                legal.getVatRate(),
                lines(totals.lines()),
                breakdown(totals.breakdown()),
                totals.netTotal(),
                totals.vatTotal(),
                totals.grossTotal(),
                totals.prepaidAmount(),
                totals.amountDue(),
                legal.getDueDate(),
                totals.taxNote());
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
