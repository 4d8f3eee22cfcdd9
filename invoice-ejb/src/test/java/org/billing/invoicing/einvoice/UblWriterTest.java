package org.billing.invoicing.einvoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fixture written as UBL 2.1 passes the official EN 16931 validation; a broken one does not. */
class UblWriterTest {

    static Stream<Arguments> fixtures() {
        return EInvoiceFixtures.all().stream().map(invoice -> Arguments.of(invoice.number(), invoice));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyFixturePassesTheEn16931Rules(String number, EInvoice invoice) {
        byte[] ubl = UblWriter.write(invoice);

        assertEquals(
                List.of(), En16931.errors(ubl, Syntax.UBL, invoice.type()), new String(ubl, StandardCharsets.UTF_8));
    }

    @Test
    void theDomesticInvoiceCarriesTheHandComputedVat() {
        XPaths ubl = XPaths.ubl(UblWriter.write(EInvoiceFixtures.domestic()));

        assertEquals("Invoice", ubl.rootName());
        assertEquals("urn:cen.eu:en16931:2017", ubl.text("/*/cbc:CustomizationID"));
        assertEquals("380", ubl.text("/*/cbc:InvoiceTypeCode"));
        assertEquals("2026-12-02", ubl.text("/*/cbc:DueDate"));
        assertEquals("123.45", ubl.text("/*/cac:TaxTotal/cac:TaxSubtotal/cbc:TaxableAmount"));
        assertEquals("23.46", ubl.text("/*/cac:TaxTotal/cbc:TaxAmount"));
        assertEquals("19", ubl.text("/*/cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:Percent"));
        assertEquals("146.91", ubl.text("/*/cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount"));
        assertEquals("146.91", ubl.text("/*/cac:LegalMonetaryTotal/cbc:PayableAmount"));
        assertEquals("EUR", ubl.text("/*/cac:LegalMonetaryTotal/cbc:PayableAmount/@currencyID"));
        assertEquals("58", ubl.text("/*/cac:PaymentMeans/cbc:PaymentMeansCode"));
        assertEquals("DE89370400440532013000", ubl.text("/*/cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID"));
        assertEquals("0.05", ubl.text("/*/cac:InvoiceLine[1]/cac:Price/cbc:PriceAmount"));
        assertEquals("MIN", ubl.text("/*/cac:InvoiceLine[1]/cbc:InvoicedQuantity/@unitCode"));
    }

    @Test
    void aCreditNoteIsAUblCreditNoteReferencingTheInvoice() {
        XPaths ubl = XPaths.ubl(UblWriter.write(EInvoiceFixtures.creditNote()));

        assertEquals("CreditNote", ubl.rootName());
        assertEquals("381", ubl.text("/*/cbc:CreditNoteTypeCode"));
        assertEquals("INV-2026-000101", ubl.text("/*/cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID"));
        assertEquals("2026-11-02", ubl.text("/*/cac:BillingReference/cac:InvoiceDocumentReference/cbc:IssueDate"));
        assertEquals("2026-12-04", ubl.text("/*/cac:PaymentMeans/cbc:PaymentDueDate"));
        assertEquals("146.91", ubl.text("/*/cac:LegalMonetaryTotal/cbc:PayableAmount"));
        assertEquals("2000", ubl.text("/*/cac:CreditNoteLine[1]/cbc:CreditedQuantity"));
    }

    @Test
    void reverseChargeAndExportSayWhyThereIsNoVat() {
        XPaths reverse = XPaths.ubl(UblWriter.write(EInvoiceFixtures.reverseCharge()));
        assertEquals("AE", reverse.text("/*/cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:ID"));
        assertEquals(
                "VATEX-EU-AE",
                reverse.text("/*/cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:TaxExemptionReasonCode"));
        assertEquals("0.00", reverse.text("/*/cac:TaxTotal/cbc:TaxAmount"));
        assertEquals("FR40303265045", reverse.text("/*/cac:AccountingCustomerParty//cac:PartyTaxScheme/cbc:CompanyID"));
        assertEquals("PO 4711", reverse.text("/*/cac:OrderReference/cbc:ID"));

        XPaths export = XPaths.ubl(UblWriter.write(EInvoiceFixtures.export()));
        assertEquals(
                "VATEX-EU-O",
                export.text("/*/cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:TaxExemptionReasonCode"));
        assertEquals("", export.text("/*/cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:Percent"), "O has no rate");
        assertEquals("", export.text("//cac:PartyTaxScheme/cbc:CompanyID"), "no VAT ID (BR-O-02)");
        assertEquals("30", export.text("/*/cac:PaymentMeans/cbc:PaymentMeansCode"), "not SEPA: US dollars");
        assertEquals("-110", export.text("/*/cac:InvoiceLine[2]/cbc:InvoicedQuantity"));
        assertEquals("0.05", export.text("/*/cac:InvoiceLine[2]/cac:Price/cbc:PriceAmount"), "never negative");
        assertEquals("74.50", export.text("/*/cac:LegalMonetaryTotal/cbc:PayableAmount"));
    }

    @Test
    void theSelfBilledInvoiceIsIssuedInTheVendorsName() {
        XPaths ubl = XPaths.ubl(UblWriter.write(EInvoiceFixtures.selfBilled()));

        assertEquals("389", ubl.text("/*/cbc:InvoiceTypeCode"));
        assertEquals(
                "Hurtownia Glosu Sp. z o.o.",
                ubl.text("/*/cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName"));
        assertEquals(
                "PL61109010140000071219812874",
                ubl.text("/*/cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID"),
                "the vendor is paid");
        assertEquals("Self-billing", ubl.text("/*/cbc:Note[1]"));
    }

    @Test
    void aSelfBilledDomesticInvoiceNamesNoAccountOfTheOperator() {
        XPaths ubl = XPaths.ubl(UblWriter.write(EInvoiceFixtures.selfBilledDomestic()));

        assertEquals("Invoice", ubl.rootName());
        assertEquals("389", ubl.text("/*/cbc:InvoiceTypeCode"));
        assertEquals(
                "DE987654321",
                ubl.text("/*/cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID"),
                "the vendor sells (BR-S-02)");
        assertEquals(
                "Carrier Networks GmbH",
                ubl.text("/*/cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName"));
        assertEquals(0, ubl.count("/*/cac:PaymentMeans"), "the operator's IBAN is not the payee's");
        // 250.00 - 12.34 = 237.66; 237.66 x 0.19 = 45.1554 -> 45.16; 282.82
        assertEquals("45.16", ubl.text("/*/cac:TaxTotal/cbc:TaxAmount"));
        assertEquals("282.82", ubl.text("/*/cac:LegalMonetaryTotal/cbc:PayableAmount"));
    }

    @Test
    void theCreditNoteOfASelfBilledInvoiceIsAUblCreditNote261() {
        XPaths ubl = XPaths.ubl(UblWriter.write(EInvoiceFixtures.selfBilledCreditNote()));

        assertEquals("CreditNote", ubl.rootName());
        assertEquals("261", ubl.text("/*/cbc:CreditNoteTypeCode"));
        assertEquals("SB-2026-000002", ubl.text("/*/cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID"));
        assertEquals("282.82", ubl.text("/*/cac:LegalMonetaryTotal/cbc:PayableAmount"));
        assertEquals("", ubl.text("//cac:PayeeFinancialAccount/cbc:ID"));
    }

    @Test
    void thePrepaidAmountIsShownAndNothingIsDue() {
        XPaths ubl = XPaths.ubl(UblWriter.write(EInvoiceFixtures.prepaid()));

        assertEquals("146.91", ubl.text("/*/cac:LegalMonetaryTotal/cbc:PrepaidAmount"));
        assertEquals("0.00", ubl.text("/*/cac:LegalMonetaryTotal/cbc:PayableAmount"));
        assertEquals("", ubl.text("/*/cbc:DueDate"));
    }

    /** The validation this test relies on does fail: a wrong amount due and a schema violation are errors. */
    @Test
    void aBrokenDocumentIsReportedInvalid() {
        String ubl = new String(UblWriter.write(EInvoiceFixtures.domestic()), StandardCharsets.UTF_8);

        String wrongTotal = ubl.replace(">146.91</cbc:PayableAmount>", ">146.90</cbc:PayableAmount>");
        List<String> errors = En16931.errors(bytes(wrongTotal), Syntax.UBL, DocumentType.INVOICE);
        assertFalse(errors.isEmpty());
        assertTrue(errors.get(0).startsWith("BR-CO-16"), errors.toString());

        // The CEN rule tolerates a difference of up to one unit (EInvoice itself allows half a cent only).
        String wrongRate = ubl.replace(">23.46</cbc:TaxAmount>", ">20.00</cbc:TaxAmount>");
        assertTrue(
                En16931.errors(bytes(wrongRate), Syntax.UBL, DocumentType.INVOICE).stream()
                        .anyMatch(error -> error.startsWith("BR-CO-17")),
                "the VAT of a category is its base times its rate");

        String notUbl =
                ubl.replace("<cbc:DocumentCurrencyCode>", "<cbc:Currency>EUR</cbc:Currency><cbc:DocumentCurrencyCode>");
        assertFalse(
                En16931.errors(bytes(notUbl), Syntax.UBL, DocumentType.INVOICE).isEmpty(), "the UBL schema");
    }

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
