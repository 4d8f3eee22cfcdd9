package org.billing.invoicing.einvoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.UnaryOperator;

import org.billing.invoicing.einvoice.EInvoice.Line;
import org.billing.invoicing.einvoice.EInvoice.Totals;
import org.billing.invoicing.einvoice.EInvoice.VatBreakdown;
import org.junit.jupiter.api.Test;

/** A value the EN 16931 rules would reject fails when it is made, saying which rule. */
class EInvoiceTest {

    private static final BigDecimal NINETEEN = new BigDecimal("19");

    @Test
    void theFixturesAreConsistent() {
        assertEquals(8, EInvoiceFixtures.all().size());
        EInvoice domestic = EInvoiceFixtures.domestic();
        assertEquals(new BigDecimal("146.91"), domestic.totals().payable());
        assertEquals(new BigDecimal("0.05"), domestic.lines().get(0).price());
        assertEquals(
                new BigDecimal("0.05"), EInvoiceFixtures.export().lines().get(1).price());
        EInvoice selfBilled = EInvoiceFixtures.selfBilledDomestic();
        assertEquals(new BigDecimal("237.66"), selfBilled.totals().taxExclusive());
        assertEquals(new BigDecimal("282.82"), selfBilled.totals().payable());
    }

    @Test
    void theVatOfACategoryIsItsBaseTimesItsRateRounded() {
        // 123.45 x 19 % = 23.4555: 23.46 whether half-up or half-even; 23.45 is a cent short.
        String message =
                refused(() -> new VatBreakdown(VatCategory.S, NINETEEN, money("123.45"), money("23.45"), null, null));
        assertTrue(message.contains("BR-CO-17"), message);
        // 0.50 x 19 % = 0.095: half-up 0.10, half-even 0.10 too; 100.50 x 19 % = 19.095: 19.10 up, 19.10 even.
        new VatBreakdown(VatCategory.S, NINETEEN, money("0.50"), money("0.10"), null, null);
        // 0.25 x 10 % = 0.025: half-up 0.03, half-even 0.02; either is a rounding to two decimals.
        new VatBreakdown(VatCategory.S, BigDecimal.TEN, money("0.25"), money("0.03"), null, null);
        new VatBreakdown(VatCategory.S, BigDecimal.TEN, money("0.25"), money("0.02"), null, null);
    }

    @Test
    void totalsThatDoNotAddUpAreRefused() {
        EInvoice domestic = EInvoiceFixtures.domestic();
        String payable = refused(() -> with(
                domestic,
                totals -> new Totals(
                        totals.lineTotal(),
                        totals.taxExclusive(),
                        totals.vatTotal(),
                        totals.taxInclusive(),
                        totals.prepaid(),
                        money("146.90"))));
        assertTrue(payable.contains("BR-CO-16") && payable.contains("INV-2026-000101"), payable);

        String lineTotal = refused(() -> with(
                domestic,
                totals -> new Totals(
                        money("123.44"),
                        money("123.44"),
                        totals.vatTotal(),
                        money("146.90"),
                        totals.prepaid(),
                        money("146.90"))));
        assertTrue(lineTotal.contains("BR-CO-10"), lineTotal);

        String gross = refused(() -> with(
                domestic,
                totals -> new Totals(
                        totals.lineTotal(),
                        totals.taxExclusive(),
                        totals.vatTotal(),
                        money("146.90"),
                        totals.prepaid(),
                        money("146.90"))));
        assertTrue(gross.contains("BR-CO-15"), gross);
    }

    @Test
    void theBreakdownMatchesTheLines() {
        EInvoice domestic = EInvoiceFixtures.domestic();
        String taxable = refused(() -> new EInvoice(
                domestic.number(),
                domestic.type(),
                domestic.issueDate(),
                domestic.dueDate(),
                domestic.currency(),
                null,
                null,
                null,
                domestic.seller(),
                domestic.buyer(),
                List.of(new Line("1", "Calls", money("1"), "MIN", money("100.00"), VatCategory.S, NINETEEN)),
                domestic.vatBreakdown(),
                domestic.totals(),
                "30 days",
                List.of(),
                null));
        assertTrue(taxable.contains("BR-S-08") && taxable.contains("123.45") && taxable.contains("100.00"), taxable);

        String missing = refused(() -> new EInvoice(
                domestic.number(),
                domestic.type(),
                domestic.issueDate(),
                domestic.dueDate(),
                domestic.currency(),
                null,
                null,
                null,
                domestic.seller(),
                domestic.buyer(),
                List.of(
                        domestic.lines().get(0),
                        domestic.lines().get(1),
                        new Line("3", "Setup", money("1"), "C62", money("1.00"), VatCategory.S, new BigDecimal("7"))),
                domestic.vatBreakdown(),
                domestic.totals(),
                "30 days",
                List.of(),
                null));
        assertTrue(missing.contains("S 7 %") && missing.contains("BR-S-01"), missing);
    }

    @Test
    void theVatCategoriesRulesAreKept() {
        String ae = refused(() -> new EInvoice(
                "X",
                DocumentType.INVOICE,
                EInvoiceFixtures.ISSUED,
                EInvoiceFixtures.ISSUED,
                "EUR",
                null,
                null,
                null,
                EInvoiceFixtures.OPERATOR,
                EInvoiceFixtures.EU_BUYER.withoutVatId(),
                EInvoiceFixtures.reverseCharge().lines(),
                EInvoiceFixtures.reverseCharge().vatBreakdown(),
                EInvoiceFixtures.reverseCharge().totals(),
                null,
                List.of(),
                null));
        assertTrue(ae.contains("BR-AE-02"), ae);

        EInvoice export = EInvoiceFixtures.export();
        String o = refused(() -> new EInvoice(
                "X",
                DocumentType.INVOICE,
                EInvoiceFixtures.ISSUED,
                EInvoiceFixtures.ISSUED,
                "USD",
                null,
                null,
                null,
                EInvoiceFixtures.OPERATOR,
                export.buyer(),
                export.lines(),
                export.vatBreakdown(),
                export.totals(),
                null,
                List.of(),
                null));
        assertTrue(o.contains("BR-O-02"), o);

        String reason = refused(() -> VatBreakdown.withoutVat(VatCategory.AE, money("1.00"), null, null));
        assertTrue(reason.contains("BR-AE-10"), reason);
        String rate =
                refused(() -> new Line("1", "x", money("1"), "C62", money("1.00"), VatCategory.O, BigDecimal.ZERO));
        assertTrue(rate.contains("BR-O-05"), rate);
        String zeroS =
                refused(() -> new Line("1", "x", money("1"), "C62", money("1.00"), VatCategory.S, BigDecimal.ZERO));
        assertTrue(zeroS.contains("BR-S-05"), zeroS);
    }

    @Test
    void aCreditNoteNamesTheInvoiceItReverses() {
        EInvoice note = EInvoiceFixtures.creditNote();
        String message = refused(() -> new EInvoice(
                note.number(),
                note.type(),
                note.issueDate(),
                note.dueDate(),
                note.currency(),
                null,
                null,
                null,
                note.seller(),
                note.buyer(),
                note.lines(),
                note.vatBreakdown(),
                note.totals(),
                null,
                List.of(),
                null));
        assertTrue(message.contains("BG-3"), message);
    }

    @Test
    void anAmountDueNeedsADueDateOrTerms() {
        EInvoice domestic = EInvoiceFixtures.domestic();
        String message = refused(() -> new EInvoice(
                domestic.number(),
                domestic.type(),
                domestic.issueDate(),
                null,
                domestic.currency(),
                null,
                null,
                null,
                domestic.seller(),
                domestic.buyer(),
                domestic.lines(),
                domestic.vatBreakdown(),
                domestic.totals(),
                null,
                List.of(),
                null));
        assertTrue(message.contains("BR-CO-25"), message);
    }

    @Test
    void amountsHaveTwoDecimalsAndPricesAreNeverNegative() {
        String decimals =
                refused(() -> new Line("1", "x", money("1"), "C62", money("1.005"), VatCategory.Z, BigDecimal.ZERO));
        assertTrue(decimals.contains("BR-DEC"), decimals);
        String negative =
                refused(() -> new Line("1", "x", money("3"), "MIN", money("-1.00"), VatCategory.Z, BigDecimal.ZERO));
        assertTrue(negative.contains("BR-27"), negative);
    }

    private static EInvoice with(EInvoice invoice, UnaryOperator<Totals> totals) {
        return new EInvoice(
                invoice.number(),
                invoice.type(),
                invoice.issueDate(),
                invoice.dueDate(),
                invoice.currency(),
                invoice.buyerReference(),
                invoice.purchaseOrder(),
                invoice.precedingInvoice(),
                invoice.seller(),
                invoice.buyer(),
                invoice.lines(),
                invoice.vatBreakdown(),
                totals.apply(invoice.totals()),
                invoice.paymentTerms(),
                invoice.notes(),
                invoice.period());
    }

    private static String refused(Runnable making) {
        return assertThrows(IllegalArgumentException.class, making::run).getMessage();
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
