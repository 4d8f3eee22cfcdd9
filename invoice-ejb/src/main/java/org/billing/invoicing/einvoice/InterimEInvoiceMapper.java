package org.billing.invoicing.einvoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.billing.invoicing.einvoice.EInvoice.Line;
import org.billing.invoicing.einvoice.EInvoice.Party;
import org.billing.invoicing.einvoice.EInvoice.Period;
import org.billing.invoicing.einvoice.EInvoice.Reference;
import org.billing.invoicing.einvoice.EInvoice.Totals;
import org.billing.invoicing.einvoice.EInvoice.VatBreakdown;
import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.invoice.InvoiceKind;
import org.billing.invoicing.invoice.InvoiceView;
import org.billing.invoicing.platform.PaymentModel;
import org.billing.invoicing.tax.BuyerTaxProfileView;
import org.billing.invoicing.tax.SellerProfileView;
import org.billing.invoicing.tax.TaxTreatment;

/**
 * INTERIM: the {@link EInvoice} of an issued invoice from what an invoice carries today (number, dates,
 * amount, currency, the contractor's name) and the seller and buyer tax profiles as they are now. It is
 * the only place that knows today's invoice, so that the e-invoice layer does not: once the invoice
 * freezes its seller and buyer and carries VAT lines, a breakdown and legal totals (issue 12, items 3 and
 * 4), this class is replaced by one that copies those, and nothing else changes.
 *
 * <p>Until then: one line for the whole amount (rounded to the cent by the seller's rounding), VAT
 * computed here from the buyer's treatment, the seller and buyer read live (not frozen), the buyer's
 * address not given (the platform holds it as free text). A customer invoice is type 380, its credit
 * note 381 with positive amounts; a vendor invoice is self-billed (389), the contractor as seller.
 */
public final class InterimEInvoiceMapper {

    private InterimEInvoiceMapper() {}

    /**
     * @param original the invoice a credit note reverses; null for any other invoice
     * @param buyerProfile the contractor's tax profile
     * @throws IllegalArgumentException when the invoice cannot be an EN 16931 e-invoice (not issued; a
     *     reverse-charge buyer without VAT ID), saying why
     */
    public static EInvoice map(
            InvoiceView invoice, InvoiceView original, SellerProfileView operator, BuyerTaxProfileView buyerProfile) {
        if (invoice.number() == null || invoice.issuedAt() == null) {
            throw new IllegalArgumentException(
                    "Invoice " + invoice.id() + " is not issued yet: an e-invoice needs its number.");
        }
        RoundingMode rounding = "HALF_EVEN".equals(operator.rounding()) ? RoundingMode.HALF_EVEN : RoundingMode.HALF_UP;
        boolean creditNote = invoice.kind() == InvoiceKind.CREDIT_NOTE;
        boolean selfBilled = invoice.direction() == Direction.VENDOR;
        DocumentType type =
                selfBilled ? DocumentType.SELF_BILLED : creditNote ? DocumentType.CREDIT_NOTE : DocumentType.INVOICE;
        LocalDate issued = invoice.issuedAt()
                .atZoneSameInstant(ZoneId.of(invoice.timeZone()))
                .toLocalDate();

        TaxTreatment treatment = buyerProfile.treatment();
        BigDecimal rate = treatment == TaxTreatment.DOMESTIC ? buyerProfile.vatRate() : null;
        VatCategory category = VatCategory.valueOf(treatment.category(rate == null ? BigDecimal.ZERO : rate));

        Party operatorParty = new Party(
                operator.legalName(),
                List.of(operator.street() == null ? "" : operator.street()),
                operator.city(),
                operator.postalCode(),
                operator.country(),
                operator.vatId(),
                operator.registration(),
                operator.contactEmail(),
                operator.contactPhone(),
                selfBilled ? null : operator.iban(),
                selfBilled ? null : operator.bic());
        Party contractor = new Party(
                invoice.contractorName(),
                List.of(),
                null,
                null,
                buyerProfile.country(),
                buyerProfile.vatId(),
                null,
                null,
                null,
                null,
                null);
        if (category == VatCategory.O) {
            operatorParty = operatorParty.withoutVatId();
            contractor = contractor.withoutVatId();
        }

        BigDecimal net = invoice.amount().setScale(2, rounding);
        if (creditNote) {
            net = net.negate(); // a credit note's amounts are positive: type 381 says they are owed back
        }
        BigDecimal lineRate = category == VatCategory.O ? null : category == VatCategory.S ? rate : BigDecimal.ZERO;
        Line line = new Line(
                "1",
                "Telecommunication services " + invoice.startDate() + " to " + invoice.endDate(),
                net.signum() < 0 ? BigDecimal.ONE.negate() : BigDecimal.ONE,
                "C62",
                net,
                category,
                lineRate);
        VatBreakdown breakdown = switch (category) {
            case S ->
                new VatBreakdown(
                        category, rate, net, net.multiply(rate).movePointLeft(2).setScale(2, rounding), null, null);
            case Z -> VatBreakdown.withoutVat(category, net, null, null);
            case AE -> VatBreakdown.withoutVat(category, net, "Reverse charge", "VATEX-EU-AE");
            case O -> VatBreakdown.withoutVat(category, net, "Not subject to VAT", "VATEX-EU-O");
            case E -> VatBreakdown.withoutVat(category, net, buyerProfile.exemptionReason(), null);
        };
        Totals gross = Totals.of(List.of(line), List.of(breakdown), BigDecimal.ZERO.setScale(2));
        // A prepay account paid from its balance as it went: the invoice shows it prepaid, nothing due.
        Totals totals = invoice.paymentModel() == PaymentModel.PREPAY && !creditNote
                ? Totals.of(List.of(line), List.of(breakdown), gross.taxInclusive())
                : gross;

        List<String> notes = new ArrayList<>();
        if (selfBilled) {
            notes.add("Self-billing");
        }
        switch (category) {
            case AE ->
                notes.add("Reverse charge: the buyer accounts for the VAT (Article 196 of Directive 2006/112/EC).");
            case O -> notes.add("Not subject to EU VAT: the service is supplied outside the EU.");
            case E -> notes.add("Exempt from VAT: " + buyerProfile.exemptionReason());
            default -> {}
        }
        return new EInvoice(
                invoice.number(),
                type,
                issued,
                totals.payable().signum() > 0 ? issued.plusDays(operator.paymentTermsDays()) : null,
                invoice.currency(),
                buyerProfile.buyerReference(),
                null,
                creditNote && original != null && original.number() != null
                        ? new Reference(
                                original.number(),
                                original.issuedAt() == null
                                        ? null
                                        : original.issuedAt()
                                                .atZoneSameInstant(ZoneId.of(original.timeZone()))
                                                .toLocalDate())
                        : null,
                selfBilled ? contractor : operatorParty,
                selfBilled ? operatorParty : contractor,
                List.of(line),
                List.of(breakdown),
                totals,
                null,
                notes,
                new Period(invoice.startDate(), invoice.endDate()));
    }
}
