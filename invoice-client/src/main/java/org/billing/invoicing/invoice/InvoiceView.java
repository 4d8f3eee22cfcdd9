package org.billing.invoicing.invoice;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.billing.invoicing.platform.PaymentModel;

/**
 * An invoice as its readers see it: every attribute of seed 000 and the spent / earned of each
 * section, times in the account's zone. A calculated (not stored) invoice has no id and carries its
 * detail tables, by their seed names; a stored one serves them one by one.
 *
 * @param startDate the first local day of the period
 * @param endDate the last local day of the period, included whole
 * @param periodStart the instant the period starts
 * @param periodEnd the instant the period ends, excluded
 * @param paymentModel the account's payment model when the invoice was made
 * @param amount the total ({@code [I_TOTAL]}): for a customer spent - earned - correctionsAmount, for a
 *               vendor earned - spent
 * @param correctionsAmount the signed sum of the balance corrections of a prepay account's customer
 *                          invoice (seed 002); 0 for any other invoice
 * @param supplementedInvoiceId the issued invoice a supplementary invoice ({@code kind} SUPPLEMENTARY)
 *                              bills the difference of; null for any other invoice
 * @param contractorName the buyer's name as it was when the invoice was made (issue 12)
 * @param currency the currency as it was when the invoice was made
 * @param seller the seller copied at creation; null when no seller profile existed then
 * @param buyer the buyer copied at creation
 * @param taxTreatment DOMESTIC, REVERSE_CHARGE, EXPORT or EXEMPT; null: not set (no buyer tax profile, or a
 *                     vendor invoice)
 * @param lines the lines of the tax document; served with a single invoice, null in lists
 * @param vatBreakdown the VAT per category and rate; served with a single invoice, null in lists
 * @param netTotal the sum of the lines' net amounts; null for an invoice made before VAT was kept
 * @param grossTotal netTotal + vatTotal
 * @param prepaidAmount what a prepay account paid in advance (its balance corrections); 0 for others
 * @param amountDue grossTotal - prepaidAmount
 * @param dueDate the day it was made, in the account's zone, plus the seller's payment terms
 * @param taxNote the reverse-charge, export or exemption statement the invoice prints ("Self-billing" first on a
 *                self-billed invoice)
 * @param selfBilled a vendor invoice the platform issued in the vendor's name (type 389, Art. 224 Directive
 *                   2006/112/EC): the vendor (buyer) is its supplier, the operator (seller) its customer; false
 *                   for a customer invoice and for a vendor invoice that is a statement
 */
public record InvoiceView(
        Long id,
        long contractorId,
        String contractorName,
        long accountId,
        String accountName,
        String currency,
        Direction direction,
        PaymentModel paymentModel,
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
        BigDecimal correctionsAmount,
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
        Long supplementedInvoiceId,
        Map<String, List<?>> tables,
        InvoiceSeller seller,
        InvoiceBuyer buyer,
        String taxTreatment,
        BigDecimal vatRate,
        List<TaxLineView> lines,
        List<VatBreakdownView> vatBreakdown,
        BigDecimal netTotal,
        BigDecimal vatTotal,
        BigDecimal grossTotal,
        BigDecimal prepaidAmount,
        BigDecimal amountDue,
        LocalDate dueDate,
        String taxNote,
        boolean selfBilled)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /*
     * What an invoice's state and kind allow, said once for documents, screens and integrations. Named
     * without "get" or "is" so that JSON-B, which writes a record's components, does not write them.
     */

    /** Not issued yet: it may be approved or deleted, and has a draft rather than a document. */
    public boolean pending() {
        return state == InvoiceState.PENDING;
    }

    /** An issued invoice that no credit note reverses yet; a credit note itself is never credited. */
    public boolean creditable() {
        return !pending() && kind != InvoiceKind.CREDIT_NOTE && creditNoteId == null;
    }

    /**
     * An issued invoice (not a credit note or a supplementary invoice) that no credit note reverses: its
     * period may drift (issue 13).
     */
    public boolean driftCheckable() {
        return !pending() && kind == InvoiceKind.INVOICE && creditNoteId == null;
    }

    /**
     * Equal views have equal ids, accounts, directions and periods, so this agrees with the record's
     * {@code equals}. The generated hash would walk all 59 components, tables included, and JSON-B
     * (Yasson) hashes every object it writes twice to detect cycles: on the invoice list that was a third
     * of the server's CPU (measured with JFR under 32 clients).
     */
    @Override
    public int hashCode() {
        return Objects.hash(id, accountId, direction, startDate, endDate);
    }
}
