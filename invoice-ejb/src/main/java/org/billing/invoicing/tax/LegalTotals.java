package org.billing.invoicing.tax;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an invoice says as a tax document (the EN 16931 BR-CO rules hold by construction): its lines, the
 * VAT breakdown, net total = sum of the line net amounts (BR-CO-10), VAT total = sum of the breakdown's VAT
 * (BR-CO-14), gross = net + VAT (BR-CO-15), amount due = gross - prepaid (BR-CO-16), and the note printed
 * for a reverse charge, an export or an exemption.
 *
 * @param prepaidAmount what a prepay account paid in advance of the invoice (its balance corrections, BT-113)
 */
public record LegalTotals(
        List<LegalLine> lines,
        List<VatGroup> breakdown,
        BigDecimal netTotal,
        BigDecimal vatTotal,
        BigDecimal grossTotal,
        BigDecimal prepaidAmount,
        BigDecimal amountDue,
        String taxNote) {

    public LegalTotals {
        lines = List.copyOf(lines);
        breakdown = List.copyOf(breakdown);
    }

    /** The same totals with every amount reversed: what a credit note of the invoice says. */
    public LegalTotals negated() {
        return new LegalTotals(
                lines.stream().map(LegalLine::negated).toList(),
                breakdown.stream().map(VatGroup::negated).toList(),
                netTotal.negate(),
                vatTotal.negate(),
                grossTotal.negate(),
                prepaidAmount.negate(),
                amountDue.negate(),
                taxNote);
    }
}
