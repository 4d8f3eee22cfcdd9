package org.billing.invoicing.einvoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.billing.invoicing.document.DocumentFixtures;
import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.invoice.InvoiceKind;
import org.billing.invoicing.invoice.InvoiceView;
import org.billing.invoicing.platform.PaymentModel;
import org.billing.invoicing.tax.BuyerTaxProfileView;
import org.billing.invoicing.tax.SellerProfileView;
import org.billing.invoicing.tax.TaxTreatment;
import org.junit.jupiter.api.Test;

/**
 * The interim mapping from today's invoice (one line, VAT from the buyer's treatment): what it makes
 * passes the EN 16931 rules in both syntaxes, for each kind of buyer, a credit note, a prepay account and
 * a vendor's self-billed invoice.
 */
class InterimEInvoiceMapperTest {

    private static final SellerProfileView OPERATOR = new SellerProfileView(
            1,
            "Carrier Networks GmbH",
            "Friedrichstrasse 100",
            "Berlin",
            "10117",
            "DE",
            "DE123456789",
            "HRB 123456 B",
            "billing@carrier.example",
            "+49 30 1234567",
            "DE89370400440532013000",
            "COBADEFFXXX",
            30,
            "HALF_UP",
            true,
            null,
            null);

    private static BuyerTaxProfileView buyer(String country, String vatId, TaxTreatment treatment, String rate) {
        return new BuyerTaxProfileView(
                1,
                country,
                vatId,
                treatment,
                rate == null ? null : new BigDecimal(rate),
                null,
                null,
                "PO 4711",
                null,
                null);
    }

    @Test
    void aDomesticInvoiceAt19Percent() {
        // 10.5650 rounds to 10.57; 10.57 x 19 % = 2.0083: VAT 2.01, gross 12.58, due 30 days after 2026-04-02.
        EInvoice einvoice = InterimEInvoiceMapper.map(
                DocumentFixtures.invoice(), null, OPERATOR, buyer("DE", "DE987654321", TaxTreatment.DOMESTIC, "19"));

        assertEquals(DocumentType.INVOICE, einvoice.type());
        assertEquals(LocalDate.of(2026, 4, 2), einvoice.issueDate());
        assertEquals(LocalDate.of(2026, 5, 2), einvoice.dueDate());
        assertEquals(new BigDecimal("10.57"), einvoice.totals().lineTotal());
        assertEquals(new BigDecimal("2.01"), einvoice.totals().vatTotal());
        assertEquals(new BigDecimal("12.58"), einvoice.totals().payable());
        assertEquals(DocumentFixtures.CONTRACTOR, einvoice.buyer().name());
        valid(einvoice);
    }

    @Test
    void reverseChargeExportAndExempt() {
        EInvoice reverse = InterimEInvoiceMapper.map(
                DocumentFixtures.invoice(),
                null,
                OPERATOR,
                buyer("FR", "FR40303265045", TaxTreatment.REVERSE_CHARGE, null));
        assertEquals(VatCategory.AE, reverse.lines().get(0).vatCategory());
        assertEquals(new BigDecimal("10.57"), reverse.totals().payable());
        valid(reverse);

        EInvoice export = InterimEInvoiceMapper.map(
                DocumentFixtures.invoice(), null, OPERATOR, buyer("US", null, TaxTreatment.EXPORT, null));
        assertNull(export.seller().vatId(), "BR-O-02");
        valid(export);

        String refused = assertThrows(
                        IllegalArgumentException.class,
                        () -> InterimEInvoiceMapper.map(
                                DocumentFixtures.invoice(),
                                null,
                                OPERATOR,
                                buyer("FR", null, TaxTreatment.REVERSE_CHARGE, null)))
                .getMessage();
        assertTrue(refused.contains("BR-AE-02"), refused);
    }

    @Test
    void aCreditNoteHasPositiveAmountsAndItsOriginal() {
        InvoiceView original = DocumentFixtures.invoice();
        InvoiceView note = copy(
                original,
                InvoiceKind.CREDIT_NOTE,
                "CN-2026-000001",
                original.amount().negate(),
                Direction.CUSTOMER,
                PaymentModel.POSTPAY,
                original.id());

        EInvoice einvoice = InterimEInvoiceMapper.map(
                note, original, OPERATOR, buyer("DE", "DE987654321", TaxTreatment.DOMESTIC, "19"));

        assertEquals(DocumentType.CREDIT_NOTE, einvoice.type());
        assertEquals(new BigDecimal("12.58"), einvoice.totals().payable());
        assertEquals("INV-2026-000001", einvoice.precedingInvoice().number());
        valid(einvoice);
    }

    @Test
    void aPrepayInvoiceIsPrepaidAndAVendorInvoiceSelfBilled() {
        InvoiceView invoice = DocumentFixtures.invoice();
        EInvoice prepay = InterimEInvoiceMapper.map(
                copy(
                        invoice,
                        InvoiceKind.INVOICE,
                        invoice.number(),
                        invoice.amount(),
                        Direction.CUSTOMER,
                        PaymentModel.PREPAY,
                        null),
                null,
                OPERATOR,
                buyer("DE", "DE987654321", TaxTreatment.DOMESTIC, "19"));
        assertEquals(new BigDecimal("12.58"), prepay.totals().prepaid());
        assertEquals(0, prepay.totals().payable().signum());
        valid(prepay);

        EInvoice selfBilled = InterimEInvoiceMapper.map(
                copy(
                        invoice,
                        InvoiceKind.INVOICE,
                        "SB-1",
                        invoice.amount(),
                        Direction.VENDOR,
                        PaymentModel.POSTPAY,
                        null),
                null,
                OPERATOR,
                buyer("PL", "PL5260001246", TaxTreatment.REVERSE_CHARGE, null));
        assertEquals(DocumentType.SELF_BILLED, selfBilled.type());
        assertEquals(DocumentFixtures.CONTRACTOR, selfBilled.seller().name());
        assertEquals("Carrier Networks GmbH", selfBilled.buyer().name());
        valid(selfBilled);
    }

    @Test
    void aPendingInvoiceIsNoEInvoice() {
        InvoiceView invoice = DocumentFixtures.invoice();
        InvoiceView pending = copy(
                invoice, InvoiceKind.INVOICE, null, invoice.amount(), Direction.CUSTOMER, PaymentModel.POSTPAY, null);
        assertThrows(
                IllegalArgumentException.class,
                () -> InterimEInvoiceMapper.map(
                        pending, null, OPERATOR, buyer("DE", "DE987654321", TaxTreatment.DOMESTIC, "19")));
    }

    private static void valid(EInvoice einvoice) {
        for (Syntax syntax : Syntax.values()) {
            assertEquals(
                    List.of(),
                    En16931.errors(EInvoices.render(einvoice, syntax), syntax, einvoice.type()),
                    einvoice.number() + " " + syntax);
        }
    }

    private static InvoiceView copy(
            InvoiceView v,
            InvoiceKind kind,
            String number,
            BigDecimal amount,
            Direction direction,
            PaymentModel model,
            Long creditedInvoiceId) {
        return new InvoiceView(
                v.id() + 1,
                v.contractorId(),
                v.contractorName(),
                v.accountId(),
                v.accountName(),
                v.currency(),
                direction,
                model,
                v.state(),
                v.type(),
                v.startDate(),
                v.endDate(),
                v.periodStart(),
                v.periodEnd(),
                v.timeZone(),
                amount,
                v.spent(),
                v.earned(),
                v.origSpent(),
                v.origEarned(),
                v.termSpent(),
                v.termEarned(),
                v.servicesSpent(),
                v.servicesEarned(),
                v.correctionsAmount(),
                v.serviceTransactionsCount(),
                v.callsCount(),
                v.successfulCallsCount(),
                v.callsDuration(),
                v.billingDuration(),
                v.firstCallAt(),
                v.lastCallAt(),
                v.firstSuccessfulCallAt(),
                v.lastSuccessfulCallAt(),
                v.createdAt(),
                v.createdBy(),
                kind,
                number,
                number == null ? null : v.issuedAt(),
                v.issuedBy(),
                creditedInvoiceId,
                v.creditReason(),
                v.creditNoteId(),
                v.supplementedInvoiceId(),
                v.tables());
    }
}
