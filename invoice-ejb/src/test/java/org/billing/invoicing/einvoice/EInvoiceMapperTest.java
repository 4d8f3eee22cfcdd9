package org.billing.invoicing.einvoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.billing.invoicing.document.DocumentFixtures;
import org.billing.invoicing.einvoice.EInvoice.VatBreakdown;
import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.invoice.InvoiceBuyer;
import org.billing.invoicing.invoice.InvoiceKind;
import org.billing.invoicing.invoice.InvoiceSeller;
import org.billing.invoicing.invoice.InvoiceView;
import org.billing.invoicing.invoice.TaxLineView;
import org.billing.invoicing.invoice.VatBreakdownView;
import org.junit.jupiter.api.Test;

/**
 * The e-invoice of an issued invoice is what the invoice copied when it was made, and passes the EN 16931
 * rules in both syntaxes. The fixture (DocumentFixtures.legalInvoice) is a domestic customer at 19 %:
 * lines 11.34 - 1.28 + 1.00 - 0.13 = 10.93 net, VAT 10.93 x 19 % = 2.0767, 2.08; gross 13.01.
 */
class EInvoiceMapperTest {

    private static final BigDecimal NINETEEN = new BigDecimal("19.00");
    private static final BigDecimal ZERO = new BigDecimal("0.00");

    @Test
    void aDomesticInvoiceSaysWhatItCopied() {
        EInvoice einvoice = EInvoiceMapper.map(DocumentFixtures.legalInvoice(), null);

        assertEquals(DocumentType.INVOICE, einvoice.type());
        assertEquals("INV-2026-000001", einvoice.number());
        assertEquals(LocalDate.of(2026, 4, 2), einvoice.issueDate());
        assertEquals(LocalDate.of(2026, 4, 15), einvoice.dueDate());
        assertEquals("EUR", einvoice.currency());
        assertEquals("PO-4711", einvoice.buyerReference());
        assertEquals("Northwind Carrier Services GmbH", einvoice.seller().name());
        assertEquals("DE123456789", einvoice.seller().vatId());
        assertEquals("DE89370400440532013000", einvoice.seller().iban());
        assertEquals("DE987654321", einvoice.buyer().vatId());
        assertEquals(List.of("Hauptstr. 1", "10115 Berlin"), einvoice.buyer().addressLines());
        assertEquals(4, einvoice.lines().size());
        // The earnings line is negative: its quantity is -1, its price positive (BR-27).
        assertEquals(new BigDecimal("-1.28"), einvoice.lines().get(1).netAmount());
        assertEquals(BigDecimal.ONE.negate(), einvoice.lines().get(1).quantity());
        assertEquals(VatCategory.S, einvoice.vatBreakdown().get(0).category());
        assertEquals(new BigDecimal("10.93"), einvoice.totals().taxExclusive());
        assertEquals(new BigDecimal("2.08"), einvoice.totals().vatTotal());
        assertEquals(new BigDecimal("13.01"), einvoice.totals().payable());
        valid(einvoice);
    }

    @Test
    void aReverseChargeInvoiceChargesNoVatAndSaysWhy() {
        String note = "Reverse charge: VAT to be accounted for by the recipient, Art. 196 Directive 2006/112/EC";
        InvoiceView invoice = withTax(
                DocumentFixtures.legalInvoice(),
                InvoiceKind.INVOICE,
                null,
                new InvoiceBuyer("Acme France SAS", "1 rue de Rivoli\n75001 Paris", null, "FR", "FR40303265045", null),
                "REVERSE_CHARGE",
                "AE",
                ZERO,
                new BigDecimal("10.93"),
                ZERO,
                note);

        EInvoice einvoice = EInvoiceMapper.map(invoice, null);

        VatBreakdown group = einvoice.vatBreakdown().get(0);
        assertEquals(VatCategory.AE, group.category());
        assertEquals(new BigDecimal("10.93"), group.taxableAmount());
        assertEquals(0, group.vatAmount().signum());
        assertEquals("VATEX-EU-AE", group.exemptionReasonCode());
        assertEquals(new BigDecimal("10.93"), einvoice.totals().payable());
        assertEquals(List.of(note), einvoice.notes());
        valid(einvoice);
    }

    @Test
    void anExportNamesNoVatIdentifier() {
        InvoiceView invoice = withTax(
                DocumentFixtures.legalInvoice(),
                InvoiceKind.INVOICE,
                null,
                new InvoiceBuyer("Acme Inc.", "1 Main St\nNew York", null, "US", null, null),
                "EXPORT",
                "O",
                null,
                new BigDecimal("10.93"),
                ZERO,
                "Outside the scope of EU VAT");

        EInvoice einvoice = EInvoiceMapper.map(invoice, null);

        assertEquals(VatCategory.O, einvoice.vatBreakdown().get(0).category());
        assertNull(einvoice.seller().vatId(), "BR-O-02");
        assertNull(einvoice.buyer().vatId(), "BR-O-03");
        assertNull(einvoice.lines().get(0).vatRate());
        valid(einvoice);
    }

    @Test
    void aCreditNoteStatesItsAmountsPositiveAndNamesItsInvoice() {
        InvoiceView original = DocumentFixtures.legalInvoice();
        // The credit note copied the invoice's parties and its VAT, every amount negated.
        InvoiceView note = withTax(
                original,
                InvoiceKind.CREDIT_NOTE,
                original.id(),
                original.buyer(),
                "DOMESTIC",
                "S",
                NINETEEN,
                new BigDecimal("-10.93"),
                new BigDecimal("-2.08"),
                null);

        EInvoice einvoice = EInvoiceMapper.map(note, original);

        assertEquals(DocumentType.CREDIT_NOTE, einvoice.type());
        assertEquals("INV-2026-000001", einvoice.precedingInvoice().number());
        assertEquals(LocalDate.of(2026, 4, 2), einvoice.precedingInvoice().issueDate());
        assertEquals(new BigDecimal("10.93"), einvoice.lines().get(0).netAmount());
        assertEquals(new BigDecimal("2.08"), einvoice.totals().vatTotal());
        assertEquals(new BigDecimal("13.01"), einvoice.totals().payable());
        valid(einvoice);
    }

    @Test
    void aPeriodWithoutCallsOrServicesIsOneLineOfNothing() {
        InvoiceView invoice = copy(
                DocumentFixtures.legalInvoice(),
                InvoiceKind.INVOICE,
                null,
                DocumentFixtures.legalInvoice().seller(),
                DocumentFixtures.legalInvoice().buyer(),
                "DOMESTIC",
                NINETEEN,
                List.of(),
                List.of(),
                ZERO,
                ZERO,
                ZERO,
                null);

        EInvoice einvoice = EInvoiceMapper.map(invoice, null);

        assertEquals(1, einvoice.lines().size());
        assertEquals(0, einvoice.lines().get(0).netAmount().signum());
        assertEquals(VatCategory.S, einvoice.lines().get(0).vatCategory());
        assertEquals(0, einvoice.totals().payable().signum());
        assertNull(einvoice.dueDate(), "nothing is due");
        valid(einvoice);
    }

    @Test
    void anInvoiceMadeWithoutSellerOrTreatmentOrNotIssuedIsNoEInvoice() {
        InvoiceView legal = DocumentFixtures.legalInvoice();
        // DocumentFixtures.invoice(): the same invoice as made before it copied a seller and VAT.
        IllegalArgumentException noTreatment = assertThrows(
                IllegalArgumentException.class, () -> EInvoiceMapper.map(DocumentFixtures.invoice(), null));
        assertTrue(noTreatment.getMessage().contains("VAT treatment"), noTreatment.getMessage());

        InvoiceView noSeller = withSeller(legal, null);
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> EInvoiceMapper.map(noSeller, null));
        assertTrue(refused.getMessage().contains("seller profile"), refused.getMessage());
    }

    @Test
    void aSelfBilledVendorInvoiceIsThe389OfTheVendorToTheOperator() {
        EInvoice einvoice = EInvoiceMapper.map(selfBilledDomestic(), null);

        assertEquals(DocumentType.SELF_BILLED, einvoice.type());
        // The parties change places: the vendor (the contractor copied as buyer) sells, the operator buys.
        assertEquals("Acme Telecom GmbH", einvoice.seller().name());
        assertEquals("DE987654321", einvoice.seller().vatId());
        assertEquals("DE", einvoice.seller().countryCode());
        assertEquals(List.of("Hauptstr. 1", "10115 Berlin"), einvoice.seller().addressLines());
        assertEquals("Northwind Carrier Services GmbH", einvoice.buyer().name());
        assertEquals("DE123456789", einvoice.buyer().vatId());
        assertEquals("Friedrichstraße 100", einvoice.buyer().addressLines().get(0));
        // The operator's account is not where the vendor is paid.
        assertNull(einvoice.seller().iban());
        assertNull(einvoice.buyer().iban());
        assertNull(einvoice.buyerReference(), "the contractor's reference is not the operator's");
        // 12.50 - 2.30 = 10.20 net; 10.20 x 19 % = 1.938 -> 1.94; 12.14 due.
        assertEquals(new BigDecimal("10.20"), einvoice.totals().taxExclusive());
        assertEquals(new BigDecimal("1.94"), einvoice.totals().vatTotal());
        assertEquals(new BigDecimal("12.14"), einvoice.totals().payable());
        assertEquals(List.of("Self-billing"), einvoice.notes());
        assertEquals(LocalDate.of(2026, 4, 15), einvoice.dueDate());
        valid(einvoice);
    }

    @Test
    void aSelfBilledReverseChargeNamesBothVatIdsAndSaysBoth() {
        String note = "Self-billing. Reverse charge: VAT to be accounted for by the recipient, Art. 196 Directive"
                + " 2006/112/EC";
        InvoiceView invoice = selfBilled(
                DocumentFixtures.legalInvoice(),
                InvoiceKind.INVOICE,
                null,
                new InvoiceBuyer("Acme France SAS", "1 rue de Rivoli\n75001 Paris", null, "FR", "FR40303265045", null),
                "REVERSE_CHARGE",
                "AE",
                ZERO,
                new BigDecimal("12.50"),
                new BigDecimal("-2.30"),
                ZERO,
                note);

        EInvoice einvoice = EInvoiceMapper.map(invoice, null);

        assertEquals(DocumentType.SELF_BILLED, einvoice.type());
        assertEquals("FR40303265045", einvoice.seller().vatId(), "BR-AE-02: the vendor's VAT ID");
        assertEquals("FR", einvoice.seller().countryCode());
        assertEquals("DE123456789", einvoice.buyer().vatId(), "BR-AE-02: the operator's VAT ID");
        VatBreakdown group = einvoice.vatBreakdown().get(0);
        assertEquals(VatCategory.AE, group.category());
        assertEquals(new BigDecimal("10.20"), group.taxableAmount());
        assertEquals(0, group.vatAmount().signum());
        assertEquals(new BigDecimal("10.20"), einvoice.totals().payable());
        assertEquals(List.of(note), einvoice.notes());
        valid(einvoice);
    }

    @Test
    void theCreditNoteOfASelfBilledInvoiceIsA261() {
        InvoiceView original = selfBilledDomestic();
        InvoiceView note = selfBilled(
                original,
                InvoiceKind.CREDIT_NOTE,
                original.id(),
                original.buyer(),
                "DOMESTIC",
                "S",
                NINETEEN,
                new BigDecimal("-12.50"),
                new BigDecimal("2.30"),
                new BigDecimal("-1.94"),
                "Self-billing");

        EInvoice einvoice = EInvoiceMapper.map(note, original);

        assertEquals(DocumentType.SELF_BILLED_CREDIT_NOTE, einvoice.type());
        assertEquals("261", einvoice.type().code());
        assertEquals("INV-2026-000001", einvoice.precedingInvoice().number());
        assertEquals("Acme Telecom GmbH", einvoice.seller().name());
        assertEquals("Northwind Carrier Services GmbH", einvoice.buyer().name());
        assertEquals(new BigDecimal("12.50"), einvoice.lines().get(0).netAmount());
        assertEquals(new BigDecimal("-2.30"), einvoice.lines().get(1).netAmount());
        assertEquals(new BigDecimal("1.94"), einvoice.totals().vatTotal());
        assertEquals(new BigDecimal("12.14"), einvoice.totals().payable());
        valid(einvoice);
    }

    @Test
    void aVendorInvoiceThatIsNotSelfBilledStaysAStatement() {
        InvoiceView statement = DocumentFixtures.withLegal(
                DocumentFixtures.legalInvoice(),
                Direction.VENDOR,
                InvoiceKind.INVOICE,
                "VEN-2026-000001",
                null,
                DocumentFixtures.legalInvoice().seller(),
                DocumentFixtures.legalInvoice().buyer(),
                null,
                null,
                null,
                null,
                new BigDecimal("10.20"),
                ZERO,
                new BigDecimal("10.20"),
                ZERO,
                new BigDecimal("10.20"),
                LocalDate.of(2026, 4, 15),
                null,
                false);
        assertFalse(statement.selfBilled());

        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> EInvoiceMapper.map(statement, null));
        assertTrue(refused.getMessage().contains("vendor invoice"), refused.getMessage());
    }

    /**
     * A self-billed vendor invoice of a domestic vendor at 19 %: terminated calls 12.50, the reverse-billing
     * dialpeers' charges -2.30; net 10.20, VAT 10.20 x 0.19 = 1.938 -> 1.94, gross 12.14.
     */
    private static InvoiceView selfBilledDomestic() {
        return selfBilled(
                DocumentFixtures.legalInvoice(),
                InvoiceKind.INVOICE,
                null,
                new InvoiceBuyer(
                        "Acme Telecom GmbH", "Hauptstr. 1\n10115 Berlin", null, "DE", "DE987654321", "PO-4711"),
                "DOMESTIC",
                "S",
                NINETEEN,
                new BigDecimal("12.50"),
                new BigDecimal("-2.30"),
                new BigDecimal("1.94"),
                "Self-billing");
    }

    /** A VENDOR invoice, self-billed, of the two vendor lines and one VAT group. */
    private static InvoiceView selfBilled(
            InvoiceView v,
            InvoiceKind kind,
            Long creditedInvoiceId,
            InvoiceBuyer vendor,
            String treatment,
            String category,
            BigDecimal rate,
            BigDecimal terminated,
            BigDecimal reverseBilling,
            BigDecimal vat,
            String taxNote) {
        BigDecimal net = terminated.add(reverseBilling);
        BigDecimal gross = net.add(vat);
        return DocumentFixtures.withLegal(
                v,
                Direction.VENDOR,
                kind,
                kind == InvoiceKind.CREDIT_NOTE ? "CN-2026-000001" : v.number(),
                creditedInvoiceId,
                v.seller(),
                vendor,
                treatment,
                rate,
                List.of(
                        new TaxLineView(1, "Terminated calls", terminated, category, rate),
                        new TaxLineView(
                                2,
                                "Terminated calls from reverse-billing dialpeers (charged)",
                                reverseBilling,
                                category,
                                rate)),
                List.of(new VatBreakdownView(
                        category,
                        rate,
                        net,
                        vat,
                        "S".equals(category) ? null : taxNote.replaceFirst("^Self-billing\\. ", ""))),
                net,
                vat,
                gross,
                ZERO,
                gross,
                v.dueDate(),
                taxNote,
                true);
    }

    private static void valid(EInvoice einvoice) {
        for (Syntax syntax : Syntax.values()) {
            assertEquals(
                    List.of(),
                    En16931.errors(EInvoices.render(einvoice, syntax), syntax, einvoice.type()),
                    einvoice.number() + " " + syntax);
        }
    }

    /** The invoice with one line and one VAT group of {@code net} and {@code vat}, as VatCalculation makes them. */
    private static InvoiceView withTax(
            InvoiceView v,
            InvoiceKind kind,
            Long creditedInvoiceId,
            InvoiceBuyer buyer,
            String treatment,
            String category,
            BigDecimal rate,
            BigDecimal net,
            BigDecimal vat,
            String taxNote) {
        return copy(
                v,
                kind,
                creditedInvoiceId,
                v.seller(),
                buyer,
                treatment,
                rate,
                List.of(new TaxLineView(1, "Originated calls", net, category, rate)),
                List.of(new VatBreakdownView(category, rate, net, vat, "S".equals(category) ? null : taxNote)),
                net,
                vat,
                net.add(vat),
                taxNote);
    }

    private static InvoiceView withSeller(InvoiceView v, InvoiceSeller seller) {
        return copy(
                v,
                v.kind(),
                v.creditedInvoiceId(),
                seller,
                v.buyer(),
                v.taxTreatment(),
                v.vatRate(),
                v.lines(),
                v.vatBreakdown(),
                v.netTotal(),
                v.vatTotal(),
                v.grossTotal(),
                v.taxNote());
    }

    private static InvoiceView copy(
            InvoiceView v,
            InvoiceKind kind,
            Long creditedInvoiceId,
            InvoiceSeller seller,
            InvoiceBuyer buyer,
            String treatment,
            BigDecimal rate,
            List<TaxLineView> lines,
            List<VatBreakdownView> breakdown,
            BigDecimal net,
            BigDecimal vat,
            BigDecimal gross,
            String taxNote) {
        return DocumentFixtures.withLegal(
                v,
                v.direction(),
                kind,
                kind == v.kind() ? v.number() : "CN-2026-000001",
                creditedInvoiceId,
                seller,
                buyer,
                treatment,
                rate,
                lines,
                breakdown,
                net,
                vat,
                gross,
                ZERO,
                gross,
                v.dueDate(),
                taxNote,
                v.selfBilled());
    }
}
