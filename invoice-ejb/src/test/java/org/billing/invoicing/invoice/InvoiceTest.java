package org.billing.invoicing.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.numbering.IssuedNumber;
import org.billing.invoicing.period.BillingPeriod;
import org.billing.invoicing.platform.Account;
import org.billing.invoicing.platform.Contractor;
import org.billing.invoicing.platform.PaymentModel;
import org.billing.invoicing.tax.InvoiceParties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The invoice aggregate without a database: its totals made from the figures, the credit note that
 * negates them, the supplementary invoice that bills a difference, and the refusals of its lifecycle.
 * Every expected amount is computed by hand from the figures below.
 */
class InvoiceTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final BillingPeriod MARCH =
            BillingPeriod.ofDays(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), ZONE);
    private static final Instant NOW = Instant.parse("2026-04-02T08:00:00Z");
    private static final Instant FIRST = Instant.parse("2026-03-01T00:10:00Z");
    private static final Instant LAST = Instant.parse("2026-03-30T21:00:00Z");

    /** 120 calls (100 successful), 3,600 s long, 3,660 s billed; spent 10.505, earned 1.25. */
    private static final CallTotals CALLS = new CallTotals(
            120, 100, 3_600, 3_660, new BigDecimal("10.505"), new BigDecimal("1.25"), FIRST, LAST, FIRST, LAST);
    /** 4 transactions: spent 3.00, earned 0.50. */
    private static final ServiceTotals SERVICES = new ServiceTotals(4, new BigDecimal("3.00"), new BigDecimal("0.50"));

    @Test
    void aCustomerInvoiceOwesWhatItSpentLessWhatItEarnedOnItsOriginatedCallsAndServices() {
        Invoice invoice = customerInvoice(PaymentModel.POSTPAY, PrepayDetails.NONE);

        InvoiceTotals totals = invoice.totals();
        // (10.505 + 3.00) - (1.25 + 0.50) = 11.755
        assertEquals(new BigDecimal("11.755"), totals.amount());
        assertEquals(new SectionTotals(new BigDecimal("10.505"), new BigDecimal("1.25")), totals.originated());
        assertEquals(SectionTotals.NONE, totals.terminated());
        assertEquals(new SectionTotals(new BigDecimal("3.00"), new BigDecimal("0.50")), totals.services());
        assertEquals(new BigDecimal("13.505"), totals.spent());
        assertEquals(new BigDecimal("1.75"), totals.earned());
        assertEquals(4, totals.serviceTransactionsCount());
        assertEquals(0, BigDecimal.ZERO.compareTo(totals.correctionsAmount()));
        assertEquals(120, totals.calls().callsCount());
        assertEquals(3_660, totals.calls().billingDuration());
        assertEquals(CALLS, totals.callTotals(CallSide.ORIGINATED));
        assertEquals(InvoiceState.PENDING, invoice.getState());
    }

    @Test
    void aVendorInvoiceIsOwedWhatItEarnedLessWhatItSpentOnItsTerminatedCalls() {
        InvoiceFigures figures = new InvoiceFigures(
                Direction.VENDOR, CALLS, ServiceTotals.NONE, Map.of(), List.of(), PrepayDetails.NONE);
        Invoice invoice = Invoice.create(
                account(PaymentModel.POSTPAY),
                Direction.VENDOR,
                InvoiceType.MANUAL,
                MARCH,
                figures,
                legal(figures),
                NOW,
                "op");

        // 1.25 - 10.505 = -9.255
        assertEquals(new BigDecimal("-9.255"), invoice.totals().amount());
        assertEquals(SectionTotals.NONE, invoice.totals().originated());
        assertEquals(
                new SectionTotals(new BigDecimal("10.505"), new BigDecimal("1.25")),
                invoice.totals().terminated());
    }

    @Test
    void aPrepayCustomerInvoiceOwesItsCorrectionsLess() {
        PrepayDetails prepay = new PrepayDetails(
                List.of(),
                List.of(),
                List.of(
                        new CorrectionLine(1, 7, "goodwill", new BigDecimal("2.005"), OffsetDateTime.now()),
                        new CorrectionLine(2, 8, "fee", new BigDecimal("-0.50"), OffsetDateTime.now())));
        Invoice invoice = customerInvoice(PaymentModel.PREPAY, prepay);

        // corrections 2.005 - 0.50 = 1.505; amount 11.755 - 1.505 = 10.250
        assertEquals(new BigDecimal("1.505"), invoice.totals().correctionsAmount());
        assertEquals(new BigDecimal("10.250"), invoice.totals().amount());
        assertEquals(InvoiceState.CLOSED, Invoice.stateOnCreation(account(PaymentModel.PREPAY)));
    }

    @Test
    void chargesAndCorrectionsBelongOnlyToAPrepayAccountsCustomerInvoice() {
        PrepayDetails prepay = new PrepayDetails(
                List.of(), List.of(), List.of(new CorrectionLine(1, 7, "x", BigDecimal.ONE, OffsetDateTime.now())));

        assertThrows(IllegalArgumentException.class, () -> customerInvoice(PaymentModel.POSTPAY, prepay));
    }

    @Test
    void aCreditNoteNegatesEveryAmountAndKeepsTheCallsAsTheyWere() {
        Invoice original = issued(customerInvoice(PaymentModel.POSTPAY, PrepayDetails.NONE));

        Invoice note = Invoice.creditNoteOf(original, "  wrong rates ", null, NOW, "op");

        InvoiceTotals totals = note.totals();
        assertEquals(new BigDecimal("-11.755"), totals.amount());
        assertEquals(new SectionTotals(new BigDecimal("-10.505"), new BigDecimal("-1.25")), totals.originated());
        assertEquals(new SectionTotals(new BigDecimal("-3.00"), new BigDecimal("-0.50")), totals.services());
        assertEquals(new BigDecimal("-13.505"), totals.spent());
        assertEquals(new BigDecimal("-1.75"), totals.earned());
        assertEquals(original.totals().calls(), totals.calls());
        assertEquals(4, totals.serviceTransactionsCount());
        assertEquals(InvoiceKind.CREDIT_NOTE, note.getKind());
        assertEquals("wrong rates", note.getCreditReason());
        assertEquals(InvoiceState.PENDING, note.getState());
        assertEquals(original.period(), note.period());
        // Negating twice gives the original's totals back.
        assertEquals(original.totals(), totals.negate());
    }

    @Test
    void onlyAnIssuedInvoiceThatIsNoCreditNoteIsCreditedAndOnlyWithAReason() {
        Invoice pending = customerInvoice(PaymentModel.POSTPAY, PrepayDetails.NONE);
        assertCode(ErrorCode.INVOICE_NOT_ISSUED, () -> Invoice.creditNoteOf(pending, "r", null, NOW, "op"));

        Invoice original = issued(customerInvoice(PaymentModel.POSTPAY, PrepayDetails.NONE));
        assertCode(ErrorCode.VALIDATION_FAILED, () -> Invoice.creditNoteOf(original, " ", null, NOW, "op"));

        Invoice note = Invoice.creditNoteOf(original, "r", null, NOW, "op");
        note.issue(InvoiceState.APPROVED, new IssuedNumber(1, "CN-1"), NOW, "op");
        assertCode(ErrorCode.CREDIT_NOTE_NOT_CREDITABLE, () -> Invoice.creditNoteOf(note, "r", null, NOW, "op"));
    }

    @Test
    void anInvoiceIsIssuedOnceWithItsNumber() {
        Invoice invoice = customerInvoice(PaymentModel.POSTPAY, PrepayDetails.NONE);
        assertThrows(
                IllegalArgumentException.class,
                () -> invoice.issue(InvoiceState.PENDING, new IssuedNumber(1, "A-1"), NOW, "op"));

        invoice.issue(InvoiceState.APPROVED, new IssuedNumber(3, "A-1"), NOW, "boss");

        assertEquals("A-1", invoice.getNumber());
        assertEquals(3L, invoice.getSeriesId());
        assertEquals(NOW, invoice.getIssuedAt());
        assertEquals("boss", invoice.getIssuedBy());
        assertTrue(invoice.isIssued());
        assertCode(
                ErrorCode.INVOICE_ALREADY_ISSUED,
                () -> invoice.issue(InvoiceState.APPROVED, new IssuedNumber(3, "A-2"), NOW, "boss"));
        assertEquals("A-1", invoice.getNumber());
    }

    @Test
    void aSupplementaryInvoiceBillsTheIncreaseOfItsPeriodOnly() {
        Invoice original = issued(customerInvoice(PaymentModel.POSTPAY, PrepayDetails.NONE));
        // 5 late calls, 300 s billed, spent 0.75, no earnings; no services.
        CallTotals late =
                new CallTotals(5, 5, 290, 300, new BigDecimal("0.75"), BigDecimal.ZERO, LAST, LAST, LAST, LAST);
        InvoiceTally increase = new InvoiceTally(
                Direction.CUSTOMER,
                late,
                ServiceTotals.NONE,
                BigDecimal.ZERO,
                new BigDecimal("0.75"),
                Map.of(),
                List.of());

        Invoice supplementary = Invoice.supplementaryOf(original, increase, legal(increase.direction()), NOW, "op");

        assertEquals(InvoiceKind.SUPPLEMENTARY, supplementary.getKind());
        assertEquals(new BigDecimal("0.75"), supplementary.totals().amount());
        assertEquals(
                new SectionTotals(new BigDecimal("0.75"), BigDecimal.ZERO),
                supplementary.totals().originated());
        assertEquals(5, supplementary.totals().calls().callsCount());
        assertEquals(300, supplementary.totals().calls().billingDuration());
        assertEquals(original.period(), supplementary.period());
        assertNull(supplementary.getNumber());

        InvoiceTally decrease = new InvoiceTally(
                Direction.CUSTOMER,
                late,
                ServiceTotals.NONE,
                BigDecimal.ZERO,
                new BigDecimal("-0.01"),
                Map.of(),
                List.of());
        assertCode(
                ErrorCode.DRIFT_IS_DECREASE,
                () -> Invoice.supplementaryOf(original, decrease, legal(decrease.direction()), NOW, "op"));
        InvoiceTally none = new InvoiceTally(
                Direction.CUSTOMER,
                CallTotals.NONE,
                ServiceTotals.NONE,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                Map.of(),
                List.of());
        assertCode(
                ErrorCode.NO_DRIFT, () -> Invoice.supplementaryOf(original, none, legal(none.direction()), NOW, "op"));
    }

    @Test
    void onlyAPendingInvoiceIsDeletedAndOnlyAPrepayAccountsIsClosedOnCreation() {
        Invoice postpay = customerInvoice(PaymentModel.POSTPAY, PrepayDetails.NONE);
        postpay.requireDeletable();
        assertFalse(postpay.closesOnCreation());
        assertTrue(customerInvoice(PaymentModel.PREPAY, PrepayDetails.NONE).closesOnCreation());

        Invoice issued = issued(postpay);
        assertCode(ErrorCode.INVOICE_NOT_PENDING, issued::requireDeletable);
    }

    private static Invoice customerInvoice(PaymentModel model, PrepayDetails prepay) {
        InvoiceFigures figures = new InvoiceFigures(Direction.CUSTOMER, CALLS, SERVICES, Map.of(), List.of(), prepay);
        return Invoice.create(
                account(model), Direction.CUSTOMER, InvoiceType.MANUAL, MARCH, figures, legal(figures), NOW, "op");
    }

    /** What the invoice copies at creation: an account in EUR, a buyer without tax profile, no seller. */
    private static InvoiceLegal legal(InvoiceFigures figures) {
        InvoiceParties parties = parties();
        return InvoiceLegal.frozen(
                parties, figures.direction(), InvoiceLegal.totals(parties, figures), LocalDate.of(2026, 4, 2));
    }

    private static InvoiceLegal legal(Direction direction) {
        return InvoiceLegal.frozen(parties(), direction, null, LocalDate.of(2026, 4, 2));
    }

    private static InvoiceParties parties() {
        return new InvoiceParties(
                21L,
                "Acme Wholesale",
                "EUR",
                null,
                new InvoiceParties.Buyer(11L, "Acme Telecom", null, null, null, null, null, null, null, null));
    }

    private static Invoice issued(Invoice invoice) {
        invoice.issue(InvoiceState.APPROVED, new IssuedNumber(1, "INV-1"), NOW, "op");
        return invoice;
    }

    private static void assertCode(ErrorCode code, Executable action) {
        assertEquals(code, assertThrows(InvoicingException.class, action).code());
    }

    private static Account account(PaymentModel model) {
        Contractor contractor = new Contractor() {
            @Override
            public Long getId() {
                return 11L;
            }

            @Override
            public String getName() {
                return "Acme Telecom";
            }
        };
        return new Account() {
            @Override
            public Long getId() {
                return 21L;
            }

            @Override
            public Contractor getContractor() {
                return contractor;
            }

            @Override
            public PaymentModel getPaymentModel() {
                return model;
            }

            @Override
            public String getCurrency() {
                return "EUR";
            }
        };
    }
}
