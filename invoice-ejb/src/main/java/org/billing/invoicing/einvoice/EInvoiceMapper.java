package org.billing.invoicing.einvoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.billing.invoicing.einvoice.EInvoice.Line;
import org.billing.invoicing.einvoice.EInvoice.Party;
import org.billing.invoicing.einvoice.EInvoice.Period;
import org.billing.invoicing.einvoice.EInvoice.Reference;
import org.billing.invoicing.einvoice.EInvoice.Totals;
import org.billing.invoicing.einvoice.EInvoice.VatBreakdown;
import org.billing.invoicing.invoice.InvoiceBuyer;
import org.billing.invoicing.invoice.InvoiceKind;
import org.billing.invoicing.invoice.InvoiceSeller;
import org.billing.invoicing.invoice.InvoiceView;
import org.billing.invoicing.invoice.TaxLineView;
import org.billing.invoicing.invoice.VatBreakdownView;
import org.billing.invoicing.tax.TaxTreatment;

/**
 * The {@link EInvoice} of an issued invoice, from what the invoice copied when it was made (issue 12):
 * its seller and buyer, its VAT lines, breakdown and legal totals, its due date and tax note. Nothing is
 * read live or computed again: the e-invoice says exactly what the issued invoice, its PDF and its email
 * say, and says it the same way however the profiles change later.
 *
 * <p>A credit note (381) states its amounts positive, as EN 16931 wants: the credit note's own amounts
 * are the negated ones of its invoice. An invoice becomes an e-invoice only if it was made with a seller
 * profile and its buyer's tax treatment: a vendor invoice (what the platform owes the account) is a
 * statement, not a sale the operator invoices, unless the account's vendor invoices are self-billed.
 *
 * <p>A self-billed invoice (389; its credit note 261) is the vendor's sale, which the platform operator
 * invoices on the vendor's behalf (Art. 224 Directive 2006/112/EC): EN 16931's seller (BG-4) is the vendor,
 * the contractor the invoice copied as its buyer, and its buyer (BG-7) the operator, copied as its seller.
 * The operator's bank account is not where the vendor is paid, so such an invoice names no account to pay to.
 */
public final class EInvoiceMapper {

    /** Units of measure (UN/ECE Rec. 20): one, for a line that is a whole section or service. */
    private static final String ONE = "C62";

    private EInvoiceMapper() {}

    /**
     * @param original the invoice a credit note reverses; null for any other invoice
     * @throws IllegalArgumentException when the invoice cannot be an EN 16931 e-invoice, saying why
     */
    public static EInvoice map(InvoiceView invoice, InvoiceView original) {
        if (invoice.number() == null || invoice.issuedAt() == null) {
            throw new IllegalArgumentException(
                    "Invoice " + invoice.id() + " is not issued yet: an e-invoice needs its number.");
        }
        if (invoice.taxTreatment() == null || invoice.lines() == null || invoice.vatBreakdown() == null) {
            throw new IllegalArgumentException("it was made without a VAT treatment of its buyer (a vendor"
                    + " invoice, or a contractor without tax profile when it was made), so it has no VAT lines.");
        }
        if (invoice.seller() == null) {
            throw new IllegalArgumentException(
                    "it was made without a seller profile, so it names no seller (create one: POST /seller-profiles).");
        }
        boolean creditNote = invoice.kind() == InvoiceKind.CREDIT_NOTE;
        BigDecimal sign = creditNote ? BigDecimal.ONE.negate() : BigDecimal.ONE;

        List<Line> lines = new ArrayList<>();
        for (TaxLineView line : invoice.lines()) {
            BigDecimal net = line.netAmount().multiply(sign);
            VatCategory category = VatCategory.valueOf(line.vatCategory());
            lines.add(new Line(
                    Integer.toString(line.lineNo()),
                    line.description(),
                    net.signum() < 0 ? BigDecimal.ONE.negate() : BigDecimal.ONE,
                    ONE,
                    net,
                    category,
                    category == VatCategory.O ? null : line.vatRate()));
        }
        List<VatBreakdown> breakdown = new ArrayList<>();
        for (VatBreakdownView group : invoice.vatBreakdown()) {
            VatCategory category = VatCategory.valueOf(group.vatCategory());
            breakdown.add(new VatBreakdown(
                    category,
                    category == VatCategory.O ? null : group.vatRate(),
                    group.taxableAmount().multiply(sign),
                    group.vatAmount().multiply(sign),
                    category.needsExemptionReason() ? group.exemptionReason() : null,
                    exemptionCode(category)));
        }
        if (lines.isEmpty()) {
            // A period without calls or services: EN 16931 still wants a line and its VAT group (BR-16,
            // BR-CO-18), of nothing, taxed as the buyer is.
            BigDecimal rate = invoice.vatRate() == null ? BigDecimal.ZERO : invoice.vatRate();
            VatCategory category = VatCategory.valueOf(
                    TaxTreatment.valueOf(invoice.taxTreatment()).category(rate));
            BigDecimal nothing = invoice.netTotal() == null
                    ? BigDecimal.ZERO
                    : invoice.netTotal().abs();
            BigDecimal lineRate = category == VatCategory.O ? null : category == VatCategory.S ? rate : BigDecimal.ZERO;
            lines.add(new Line(
                    "1",
                    "No calls or services from " + invoice.startDate() + " to " + invoice.endDate(),
                    BigDecimal.ONE,
                    ONE,
                    nothing,
                    category,
                    lineRate));
            breakdown.add(new VatBreakdown(
                    category,
                    lineRate,
                    nothing,
                    nothing,
                    category.needsExemptionReason() ? invoice.taxNote() : null,
                    exemptionCode(category)));
        }
        BigDecimal prepaid = invoice.prepaidAmount() == null ? BigDecimal.ZERO : invoice.prepaidAmount();
        Totals totals = Totals.of(lines, breakdown, prepaid.multiply(sign));

        boolean outsideScope = breakdown.stream().anyMatch(group -> group.category() == VatCategory.O);
        boolean selfBilled = invoice.selfBilled();
        // Self-billed: the vendor sells, the operator buys; the parties change places, not their data.
        Party seller = selfBilled ? buyer(invoice.buyer()) : seller(invoice.seller());
        Party buyer = selfBilled ? seller(invoice.seller()).withoutAccount() : buyer(invoice.buyer());
        if (outsideScope) {
            // BR-O-02, BR-O-03: an invoice outside the scope of VAT names no VAT identifier.
            seller = seller.withoutVatId();
            buyer = buyer.withoutVatId();
        }
        LocalDate issued = day(invoice.issuedAt(), invoice.timeZone());
        List<String> notes = invoice.taxNote() == null ? List.of() : List.of(invoice.taxNote());
        return new EInvoice(
                invoice.number(),
                type(creditNote, selfBilled),
                issued,
                totals.payable().signum() > 0 ? invoice.dueDate() : null,
                invoice.currency(),
                // BT-10 is the buyer's reference: the contractor's own, unless the operator is the buyer.
                invoice.buyer() == null || selfBilled ? null : invoice.buyer().buyerReference(),
                null,
                creditNote && original != null && original.number() != null
                        ? new Reference(
                                original.number(),
                                original.issuedAt() == null ? null : day(original.issuedAt(), original.timeZone()))
                        : null,
                seller,
                buyer,
                lines,
                breakdown,
                totals,
                null,
                notes,
                new Period(invoice.startDate(), invoice.endDate()));
    }

    private static DocumentType type(boolean creditNote, boolean selfBilled) {
        if (selfBilled) {
            return creditNote ? DocumentType.SELF_BILLED_CREDIT_NOTE : DocumentType.SELF_BILLED;
        }
        return creditNote ? DocumentType.CREDIT_NOTE : DocumentType.INVOICE;
    }

    /** VATEX codes (CEF's list) for the categories whose reason EN 16931 also knows as a code. */
    private static String exemptionCode(VatCategory category) {
        return switch (category) {
            case AE -> "VATEX-EU-AE";
            case O -> "VATEX-EU-O";
            default -> null;
        };
    }

    private static Party seller(InvoiceSeller seller) {
        return new Party(
                seller.legalName(),
                seller.street() == null ? List.of() : List.of(seller.street()),
                seller.city(),
                seller.postalCode(),
                seller.country(),
                seller.vatId(),
                seller.registration(),
                seller.contactEmail(),
                seller.contactPhone(),
                seller.iban(),
                seller.bic());
    }

    /** The buyer's address is the platform's free text, one line per line of it. */
    private static Party buyer(InvoiceBuyer buyer) {
        List<String> address = buyer.address() == null
                ? List.of()
                : Arrays.stream(buyer.address().split("\\R"))
                        .map(String::strip)
                        .filter(line -> !line.isEmpty())
                        .toList();
        return new Party(
                buyer.name(), address, null, null, buyer.country(), buyer.vatId(), null, null, null, null, null);
    }

    private static LocalDate day(OffsetDateTime at, String zone) {
        return at.atZoneSameInstant(ZoneId.of(zone)).toLocalDate();
    }
}
