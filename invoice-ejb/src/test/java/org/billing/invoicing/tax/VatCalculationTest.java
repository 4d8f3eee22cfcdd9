package org.billing.invoicing.tax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The legal totals of hand-computed invoices, every amount exact (value and scale: {@code 241.72} is not
 * {@code 241.720}). Each expectation is worked out in the comment above it.
 */
class VatCalculationTest {

    private static final String EXEMPTION = "Exempt under Art. 135(1)(b) Directive 2006/112/EC";

    /** A month of a wholesale customer: its calls, its reverse-billing earnings and one service. */
    private static final List<TaxableLine> MONTH = List.of(
            line("Originated calls", "1234.5678"),
            line("Originated calls to reverse-billing destinations", "-12.345"),
            line("Service: DID numbers", "50.004"));

    private static TaxableLine line(String description, String net) {
        return new TaxableLine(description, new BigDecimal(net));
    }

    private static LegalTotals eur(List<TaxableLine> lines, TaxTreatment treatment, String rate, String reason) {
        return VatCalculation.calculate(
                lines,
                treatment,
                rate == null ? null : new BigDecimal(rate),
                reason,
                2,
                RoundingMode.HALF_UP,
                BigDecimal.ZERO,
                false);
    }

    private static List<TaxableLine> negated(List<TaxableLine> lines) {
        return lines.stream()
                .map(l -> new TaxableLine(l.description(), l.net().negate()))
                .toList();
    }

    private static BigDecimal money(String value) {
        return new BigDecimal(value);
    }

    @Test
    void aDomesticCustomerAt19PercentPaysVatOnTheSumOfItsRoundedLines() {
        LegalTotals totals = eur(MONTH, TaxTreatment.DOMESTIC, "19", null);

        // 1234.5678 -> 1234.57; -12.345 -> -12.35 (half-up rounds halves away from zero); 50.004 -> 50.00
        assertEquals(
                List.of(
                        new LegalLine(1, "Originated calls", money("1234.57"), "S", money("19.00")),
                        new LegalLine(
                                2,
                                "Originated calls to reverse-billing destinations",
                                money("-12.35"),
                                "S",
                                money("19.00")),
                        new LegalLine(3, "Service: DID numbers", money("50.00"), "S", money("19.00"))),
                totals.lines());
        // taxable 1234.57 - 12.35 + 50.00 = 1272.22; VAT 1272.22 x 0.19 = 241.7218 -> 241.72
        assertEquals(
                List.of(new VatGroup("S", money("19.00"), money("1272.22"), money("241.72"), null)),
                totals.breakdown());
        assertEquals(money("1272.22"), totals.netTotal());
        assertEquals(money("241.72"), totals.vatTotal());
        // 1272.22 + 241.72
        assertEquals(money("1513.94"), totals.grossTotal());
        assertEquals(money("0.00"), totals.prepaidAmount());
        assertEquals(money("1513.94"), totals.amountDue());
        assertNull(totals.taxNote());
    }

    @Test
    void anEuBusinessBuyerAccountsForTheVatItself() {
        LegalTotals totals = eur(MONTH, TaxTreatment.REVERSE_CHARGE, null, null);

        assertTrue(totals.lines().stream()
                .allMatch(l -> l.category().equals("AE") && l.rate().equals(money("0.00"))));
        // the same lines, 1272.22, at 0 %
        assertEquals(
                List.of(new VatGroup(
                        "AE", money("0.00"), money("1272.22"), money("0.00"), VatCalculation.REVERSE_CHARGE_NOTE)),
                totals.breakdown());
        assertEquals(money("1272.22"), totals.netTotal());
        assertEquals(money("0.00"), totals.vatTotal());
        assertEquals(money("1272.22"), totals.grossTotal());
        assertEquals(money("1272.22"), totals.amountDue());
        assertEquals(
                "Reverse charge: VAT to be accounted for by the recipient, Art. 196 Directive 2006/112/EC",
                totals.taxNote());
    }

    @Test
    void aBuyerOutsideTheEuIsOutsideTheScopeOfEuVat() {
        LegalTotals totals = eur(MONTH, TaxTreatment.EXPORT, null, null);

        // O lines carry no rate (EN 16931 BR-O-05)
        assertTrue(totals.lines().stream().allMatch(l -> l.category().equals("O") && l.rate() == null));
        assertEquals(
                List.of(new VatGroup("O", null, money("1272.22"), money("0.00"), "Outside the scope of EU VAT")),
                totals.breakdown());
        assertEquals(money("0.00"), totals.vatTotal());
        assertEquals(money("1272.22"), totals.grossTotal());
        assertEquals("Outside the scope of EU VAT", totals.taxNote());
    }

    @Test
    void anExemptBuyerHasItsLegalGroundPrinted() {
        LegalTotals totals = eur(MONTH, TaxTreatment.EXEMPT, null, EXEMPTION);

        assertEquals(
                List.of(new VatGroup("E", money("0.00"), money("1272.22"), money("0.00"), EXEMPTION)),
                totals.breakdown());
        assertEquals(money("1272.22"), totals.grossTotal());
        assertEquals("Exempt from VAT: " + EXEMPTION, totals.taxNote());
    }

    @Test
    void aZeroDomesticRateIsZeroRated() {
        LegalTotals totals = eur(MONTH, TaxTreatment.DOMESTIC, "0", null);

        assertEquals(
                List.of(new VatGroup("Z", money("0.00"), money("1272.22"), money("0.00"), null)), totals.breakdown());
        assertEquals(money("1272.22"), totals.grossTotal());
    }

    @Test
    void withoutATreatmentTheLinesAreTotalledWithoutVat() {
        LegalTotals totals = eur(MONTH, null, null, null);

        assertTrue(totals.lines().stream().allMatch(l -> l.category() == null && l.rate() == null));
        assertEquals(List.of(), totals.breakdown());
        assertEquals(money("1272.22"), totals.netTotal());
        assertEquals(money("0.00"), totals.vatTotal());
        assertEquals(money("1272.22"), totals.grossTotal());
        assertNull(totals.taxNote());
    }

    @Test
    void aPrepayAccountsCorrectionsAreShownAsPrepaidNotTaxed() {
        LegalTotals totals = VatCalculation.calculate(
                List.of(
                        line("Originated calls", "3.3333"),
                        line("Service: SIP trunk", "29.75"),
                        line("Service: DID numbers", "12.852")),
                TaxTreatment.DOMESTIC,
                new BigDecimal("19"),
                null,
                2,
                RoundingMode.HALF_UP,
                new BigDecimal("50"),
                false);

        // 3.33 + 29.75 + 12.85 = 45.93
        assertEquals(money("45.93"), totals.netTotal());
        // 45.93 x 0.19 = 8.7267 -> 8.73
        assertEquals(money("8.73"), totals.vatTotal());
        // 45.93 + 8.73
        assertEquals(money("54.66"), totals.grossTotal());
        assertEquals(money("50.00"), totals.prepaidAmount());
        // 54.66 - 50.00
        assertEquals(money("4.66"), totals.amountDue());
    }

    @Test
    void aCreditNoteReversesEveryAmountOfEachKindOfBuyer() {
        for (TaxTreatment treatment : TaxTreatment.values()) {
            String rate = treatment == TaxTreatment.DOMESTIC ? "19" : null;
            String reason = treatment == TaxTreatment.EXEMPT ? EXEMPTION : null;
            LegalTotals invoice = eur(MONTH, treatment, rate, reason);
            LegalTotals note = eur(negated(MONTH), treatment, rate, reason);

            // Half-up and half-even are symmetric about zero: the note of the negated lines is the negated invoice.
            assertEquals(invoice.negated(), note, treatment.name());
            assertEquals(invoice.netTotal().negate(), note.netTotal());
            assertEquals(
                    invoice.lines().get(1).netAmount().negate(),
                    note.lines().get(1).netAmount());
        }
        LegalTotals domestic = eur(negated(MONTH), TaxTreatment.DOMESTIC, "19", null);
        assertEquals(money("-1272.22"), domestic.netTotal());
        assertEquals(money("-241.72"), domestic.vatTotal());
        assertEquals(money("-1513.94"), domestic.grossTotal());
        assertEquals(
                List.of(new VatGroup("S", money("19.00"), money("-1272.22"), money("-241.72"), null)),
                domestic.breakdown());
        LegalTotals prepay = VatCalculation.calculate(
                        List.of(line("Service: SIP trunk", "29.75")),
                        TaxTreatment.DOMESTIC,
                        new BigDecimal("19"),
                        null,
                        2,
                        RoundingMode.HALF_UP,
                        new BigDecimal("50"),
                        false)
                .negated();
        // -(29.75 + 5.6525 -> 5.65) = -35.40; due -(35.40 - 50.00) = 14.60
        assertEquals(money("-35.40"), prepay.grossTotal());
        assertEquals(money("-50.00"), prepay.prepaidAmount());
        assertEquals(money("14.60"), prepay.amountDue());
    }

    @Test
    void halfCentLinesRoundByTheSellersPolicy() {
        List<TaxableLine> halves = List.of(line("a", "0.005"), line("b", "0.015"), line("c", "-0.025"));
        LegalTotals up = VatCalculation.calculate(
                halves, TaxTreatment.DOMESTIC, BigDecimal.TEN, null, 2, RoundingMode.HALF_UP, BigDecimal.ZERO, false);
        // half-up: 0.01, 0.02, -0.03 -> net 0.00
        assertEquals(
                List.of(money("0.01"), money("0.02"), money("-0.03")),
                up.lines().stream().map(LegalLine::netAmount).toList());
        assertEquals(money("0.00"), up.netTotal());
        LegalTotals even = VatCalculation.calculate(
                halves, TaxTreatment.DOMESTIC, BigDecimal.TEN, null, 2, RoundingMode.HALF_EVEN, BigDecimal.ZERO, false);
        // half-even: 0.00, 0.02, -0.02 -> net 0.00
        assertEquals(
                List.of(money("0.00"), money("0.02"), money("-0.02")),
                even.lines().stream().map(LegalLine::netAmount).toList());

        // A group's VAT that falls on a half cent: 1.50 x 0.19 = 0.285 -> 0.29 half-up, 0.28 half-even
        List<TaxableLine> oneFifty = List.of(line("calls", "1.50"));
        assertEquals(
                money("0.29"),
                VatCalculation.calculate(
                                oneFifty,
                                TaxTreatment.DOMESTIC,
                                new BigDecimal("19"),
                                null,
                                2,
                                RoundingMode.HALF_UP,
                                BigDecimal.ZERO,
                                false)
                        .vatTotal());
        assertEquals(
                money("0.28"),
                VatCalculation.calculate(
                                oneFifty,
                                TaxTreatment.DOMESTIC,
                                new BigDecimal("19"),
                                null,
                                2,
                                RoundingMode.HALF_EVEN,
                                BigDecimal.ZERO,
                                false)
                        .vatTotal());
    }

    @Test
    void theVatOfManyLinesIsRoundedOnceForTheGroupNotLineByLine() {
        List<TaxableLine> lines = new ArrayList<>(Collections.nCopies(10, line("Service: number", "0.13")));
        LegalTotals totals = eur(lines, TaxTreatment.DOMESTIC, "19", null);

        // Line by line: 0.13 x 0.19 = 0.0247 -> 0.02, ten times 0.20. Once for the group: 1.30 x 0.19 = 0.247 -> 0.25
        assertEquals(money("1.30"), totals.breakdown().get(0).taxableAmount());
        assertEquals(money("0.25"), totals.vatTotal());
        assertEquals(money("1.55"), totals.grossTotal());

        // 1,000 calls lines of 0.004999: each rounds to 0.00, so the lines (and the taxable amount) are 0.00
        // although the raw sum is 4.999: what is printed adds up to what is taxed.
        LegalTotals tiny =
                eur(Collections.nCopies(1_000, line("calls", "0.004999")), TaxTreatment.DOMESTIC, "19", null);
        assertEquals(money("0.00"), tiny.netTotal());
        assertEquals(money("0.00"), tiny.vatTotal());
    }

    @Test
    void theMinorUnitIsTheCurrencys() {
        assertEquals(2, VatCalculation.minorUnit("EUR"));
        assertEquals(0, VatCalculation.minorUnit("JPY"));
        assertEquals(3, VatCalculation.minorUnit("BHD"));
        assertEquals(2, VatCalculation.minorUnit("XYZ"));
        assertEquals(2, VatCalculation.minorUnit(null));
        LegalTotals yen = VatCalculation.calculate(
                List.of(line("calls", "1234.5")),
                TaxTreatment.DOMESTIC,
                BigDecimal.TEN,
                null,
                0,
                RoundingMode.HALF_UP,
                BigDecimal.ZERO,
                false);
        // 1234.5 -> 1235; 1235 x 0.10 = 123.5 -> 124
        assertEquals(money("1235"), yen.netTotal());
        assertEquals(money("124"), yen.vatTotal());
        assertEquals(money("1359"), yen.grossTotal());
    }

    /** A month of a vendor account: its terminated calls, less what its reverse-billing dialpeers charged. */
    private static final List<TaxableLine> VENDOR_MONTH = List.of(
            line("Terminated calls", "845.2049"),
            line("Terminated calls from reverse-billing dialpeers (charged)", "-45.105"));

    private static LegalTotals selfBilled(TaxTreatment treatment, String rate, String reason) {
        return VatCalculation.calculate(
                VENDOR_MONTH,
                treatment,
                rate == null ? null : new BigDecimal(rate),
                reason,
                2,
                RoundingMode.HALF_UP,
                BigDecimal.ZERO,
                true);
    }

    @Test
    void aSelfBilledDomesticVendorIsTaxedAtItsRateAndSaysSelfBilling() {
        LegalTotals totals = selfBilled(TaxTreatment.DOMESTIC, "19", null);

        // 845.2049 -> 845.20; -45.105 -> -45.11; net 800.09; VAT 800.09 x 0.19 = 152.0171 -> 152.02; 952.11
        assertEquals(money("800.09"), totals.netTotal());
        assertEquals(money("152.02"), totals.vatTotal());
        assertEquals(money("952.11"), totals.grossTotal());
        assertEquals(money("952.11"), totals.amountDue());
        assertEquals(
                List.of(new VatGroup("S", money("19.00"), money("800.09"), money("152.02"), null)), totals.breakdown());
        assertEquals("Self-billing", totals.taxNote());
    }

    @Test
    void aSelfBilledReverseChargeSaysSelfBillingThenWhoAccountsForTheVat() {
        LegalTotals totals = selfBilled(TaxTreatment.REVERSE_CHARGE, null, null);

        // net 845.20 - 45.11 = 800.09, no VAT: the platform operator, the buyer, accounts for it
        assertEquals(money("800.09"), totals.netTotal());
        assertEquals(money("0.00"), totals.vatTotal());
        assertEquals(money("800.09"), totals.amountDue());
        assertEquals(
                "Self-billing. Reverse charge: VAT to be accounted for by the recipient, Art. 196 Directive"
                        + " 2006/112/EC",
                totals.taxNote());
        // The group's reason (BT-120) is the reverse charge alone, not the self-billing mention.
        assertEquals(
                VatCalculation.REVERSE_CHARGE_NOTE, totals.breakdown().get(0).exemptionReason());
        assertEquals("AE", totals.breakdown().get(0).category());
    }

    @Test
    void aSelfBilledExportAndExemptionSayTheirNotesAfterSelfBilling() {
        assertEquals(
                "Self-billing. Outside the scope of EU VAT",
                selfBilled(TaxTreatment.EXPORT, null, null).taxNote());
        assertEquals(
                "Self-billing. Exempt from VAT: " + EXEMPTION,
                selfBilled(TaxTreatment.EXEMPT, null, EXEMPTION).taxNote());
        assertEquals(
                EXEMPTION,
                selfBilled(TaxTreatment.EXEMPT, null, EXEMPTION)
                        .breakdown()
                        .get(0)
                        .exemptionReason());
    }

    @Test
    void anInvoiceThatIsNotSelfBilledHasNoSelfBillingMention() {
        assertNull(VatCalculation.note(TaxTreatment.DOMESTIC, null, false));
        assertEquals(VatCalculation.EXPORT_NOTE, VatCalculation.note(TaxTreatment.EXPORT, null, false));
        assertNull(eur(VENDOR_MONTH, TaxTreatment.DOMESTIC, "19", null).taxNote());
    }
}
