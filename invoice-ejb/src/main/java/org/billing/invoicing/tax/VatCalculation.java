package org.billing.invoicing.tax;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The legal totals of an invoice from its raw lines and the buyer's tax treatment: a pure function, no
 * database. One rounding policy: every line's net amount is rounded once to the currency's minor unit
 * (so that the lines add up to the net total exactly, as an e-invoice must, BR-CO-10), each VAT breakdown
 * group's taxable amount is the sum of its rounded lines (BR-S-08 and its siblings), and its VAT is the
 * taxable amount times the rate, rounded once per group, never line by line. The raw sums the invoice
 * stores stay as they are.
 */
public final class VatCalculation {

    /** Printed on, and sent with, an invoice to an EU business buyer in another member state. */
    public static final String REVERSE_CHARGE_NOTE =
            "Reverse charge: VAT to be accounted for by the recipient, Art. 196 Directive 2006/112/EC";
    /** Printed on an invoice to a buyer outside the EU. */
    public static final String EXPORT_NOTE = "Outside the scope of EU VAT";
    /**
     * The mention a self-billed invoice must carry (Directive 2006/112/EC Art. 226(10a)): the platform, the
     * customer, issues the invoice of what it owes a vendor account in the vendor's name.
     */
    public static final String SELF_BILLING_NOTE = "Self-billing";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private VatCalculation() {}

    /**
     * The legal lines, VAT breakdown and totals of an invoice. A self-billed invoice is taxed by the treatment
     * of the vendor (its supplier) alike, and its note begins with the mention {@value #SELF_BILLING_NOTE}.
     *
     * @param treatment the buyer's treatment; null (no buyer tax profile, or a vendor statement): the lines
     *                  carry no category, there is no breakdown and no VAT
     * @param ratePercent the domestic rate, for DOMESTIC only
     * @param exemptionReason the legal ground, for EXEMPT only
     * @param minorUnit the currency's decimals ({@link #minorUnit})
     * @param rounding the seller's rounding mode (HALF_UP unless its profile says HALF_EVEN)
     * @param prepaidRaw what was paid in advance, raw (a prepay account's balance corrections), else 0
     * @param selfBilled whether the invoice is a self-billed one (a vendor invoice of an account that says so)
     */
    public static LegalTotals calculate(
            List<TaxableLine> lines,
            TaxTreatment treatment,
            BigDecimal ratePercent,
            String exemptionReason,
            int minorUnit,
            RoundingMode rounding,
            BigDecimal prepaidRaw,
            boolean selfBilled) {
        Objects.requireNonNull(rounding, "rounding");
        String category = treatment == null ? null : treatment.category(rate(treatment, ratePercent));
        BigDecimal rate = treatment == null || "O".equals(category) ? null : rate(treatment, ratePercent);
        List<LegalLine> legal = new ArrayList<>(lines.size());
        BigDecimal net = zero(minorUnit);
        for (TaxableLine line : lines) {
            BigDecimal amount = line.net().setScale(minorUnit, rounding);
            legal.add(new LegalLine(legal.size() + 1, line.description(), amount, category, rate));
            net = net.add(amount);
        }
        Map<List<Object>, BigDecimal> taxable = new LinkedHashMap<>();
        if (treatment != null) {
            for (LegalLine line : legal) {
                taxable.merge(java.util.Arrays.asList(line.category(), line.rate()), line.netAmount(), BigDecimal::add);
            }
        }
        List<VatGroup> breakdown = new ArrayList<>();
        BigDecimal vat = zero(minorUnit);
        for (Map.Entry<List<Object>, BigDecimal> group : taxable.entrySet()) {
            String groupCategory = (String) group.getKey().get(0);
            BigDecimal groupRate = (BigDecimal) group.getKey().get(1);
            BigDecimal groupVat = groupRate == null
                    ? zero(minorUnit)
                    : group.getValue().multiply(groupRate).divide(HUNDRED).setScale(minorUnit, rounding);
            breakdown.add(new VatGroup(
                    groupCategory, groupRate, group.getValue(), groupVat, reason(treatment, exemptionReason)));
            vat = vat.add(groupVat);
        }
        BigDecimal gross = net.add(vat);
        BigDecimal prepaid = (prepaidRaw == null ? BigDecimal.ZERO : prepaidRaw).setScale(minorUnit, rounding);
        return new LegalTotals(
                legal,
                breakdown,
                net,
                vat,
                gross,
                prepaid,
                gross.subtract(prepaid),
                note(treatment, exemptionReason, selfBilled));
    }

    /** The decimals of a currency's minor unit (ISO 4217: EUR 2, JPY 0, BHD 3); 2 for a code Java does not know. */
    public static int minorUnit(String currency) {
        if (currency == null) {
            return 2;
        }
        try {
            int digits = Currency.getInstance(currency.trim()).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException unknown) {
            return 2;
        }
    }

    /** The note an invoice prints for its buyer's treatment: null for domestic VAT or when none is set. */
    public static String note(TaxTreatment treatment, String exemptionReason) {
        if (treatment == null) {
            return null;
        }
        return switch (treatment) {
            case DOMESTIC -> null;
            case REVERSE_CHARGE -> REVERSE_CHARGE_NOTE;
            case EXPORT -> EXPORT_NOTE;
            case EXEMPT -> "Exempt from VAT: " + exemptionReason;
        };
    }

    /**
     * The note a self-billed invoice prints: {@value #SELF_BILLING_NOTE}, then its treatment's note, if any
     * ("Self-billing. Reverse charge: ..."); else the treatment's note alone.
     */
    public static String note(TaxTreatment treatment, String exemptionReason, boolean selfBilled) {
        String note = note(treatment, exemptionReason);
        if (!selfBilled) {
            return note;
        }
        return note == null ? SELF_BILLING_NOTE : SELF_BILLING_NOTE + ". " + note;
    }

    /** BT-120, the reason a group charges no VAT: the note, or the exemption's legal ground. */
    private static String reason(TaxTreatment treatment, String exemptionReason) {
        return treatment == TaxTreatment.EXEMPT ? exemptionReason : note(treatment, exemptionReason);
    }

    private static BigDecimal rate(TaxTreatment treatment, BigDecimal ratePercent) {
        if (treatment != TaxTreatment.DOMESTIC) {
            return BigDecimal.ZERO.setScale(2);
        }
        return Objects.requireNonNull(ratePercent, "a domestic treatment has its rate")
                .setScale(2);
    }

    private static BigDecimal zero(int minorUnit) {
        return BigDecimal.ZERO.setScale(minorUnit);
    }
}
