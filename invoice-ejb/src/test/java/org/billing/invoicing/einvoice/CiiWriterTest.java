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

/** Every fixture written as UN/CEFACT CII passes the official EN 16931 validation; a broken one does not. */
class CiiWriterTest {

    static Stream<Arguments> fixtures() {
        return EInvoiceFixtures.all().stream().map(invoice -> Arguments.of(invoice.number(), invoice));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyFixturePassesTheEn16931Rules(String number, EInvoice invoice) {
        byte[] cii = CiiWriter.write(invoice);

        assertEquals(
                List.of(), En16931.errors(cii, Syntax.CII, invoice.type()), new String(cii, StandardCharsets.UTF_8));
    }

    @Test
    void theDomesticInvoiceCarriesTheHandComputedVat() {
        XPaths cii = XPaths.cii(CiiWriter.write(EInvoiceFixtures.domestic()));
        String settlement =
                "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement";
        String sums = settlement + "/ram:SpecifiedTradeSettlementHeaderMonetarySummation";

        assertEquals("CrossIndustryInvoice", cii.rootName());
        assertEquals("urn:cen.eu:en16931:2017", cii.text("//ram:GuidelineSpecifiedDocumentContextParameter/ram:ID"));
        assertEquals("380", cii.text("/*/rsm:ExchangedDocument/ram:TypeCode"));
        assertEquals("20261102", cii.text("/*/rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString"));
        assertEquals("123.45", cii.text(settlement + "/ram:ApplicableTradeTax/ram:BasisAmount"));
        assertEquals("23.46", cii.text(settlement + "/ram:ApplicableTradeTax/ram:CalculatedAmount"));
        assertEquals("19", cii.text(settlement + "/ram:ApplicableTradeTax/ram:RateApplicablePercent"));
        assertEquals("23.46", cii.text(sums + "/ram:TaxTotalAmount"));
        assertEquals("EUR", cii.text(sums + "/ram:TaxTotalAmount/@currencyID"));
        assertEquals("146.91", cii.text(sums + "/ram:GrandTotalAmount"));
        assertEquals("146.91", cii.text(sums + "/ram:DuePayableAmount"));
        assertEquals(
                "20261202",
                cii.text(settlement + "/ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime/udt:DateTimeString"));
        assertEquals("DE89370400440532013000", cii.text(settlement + "//ram:IBANID"));
        assertEquals(2, cii.count("//ram:IncludedSupplyChainTradeLineItem"));
    }

    @Test
    void theCreditNoteReferencesTheInvoiceItReverses() {
        XPaths cii = XPaths.cii(CiiWriter.write(EInvoiceFixtures.creditNote()));

        assertEquals("381", cii.text("/*/rsm:ExchangedDocument/ram:TypeCode"));
        assertEquals("INV-2026-000101", cii.text("//ram:InvoiceReferencedDocument/ram:IssuerAssignedID"));
        assertEquals(
                "20261102", cii.text("//ram:InvoiceReferencedDocument/ram:FormattedIssueDateTime/qdt:DateTimeString"));
        assertEquals("", cii.text("//ram:IBANID"), "the seller pays a credit note back");
    }

    @Test
    void exportAndReverseChargeSayWhyThereIsNoVat() {
        XPaths export = XPaths.cii(CiiWriter.write(EInvoiceFixtures.export()));
        assertEquals("O", export.text("//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode"));
        assertEquals(
                "VATEX-EU-O",
                export.text("//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax/ram:ExemptionReasonCode"));
        assertEquals(0, export.count("//ram:RateApplicablePercent"));
        assertEquals(0, export.count("//ram:SpecifiedTaxRegistration"));
        assertEquals("-110", export.text("//ram:IncludedSupplyChainTradeLineItem[2]//ram:BilledQuantity"));

        XPaths selfBilled = XPaths.cii(CiiWriter.write(EInvoiceFixtures.selfBilled()));
        assertEquals("389", selfBilled.text("/*/rsm:ExchangedDocument/ram:TypeCode"));
        assertEquals(
                "AE", selfBilled.text("//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode"));
        assertEquals("PL5260001246", selfBilled.text("//ram:SellerTradeParty/ram:SpecifiedTaxRegistration/ram:ID"));
    }

    @Test
    void theSelfBilledCreditNoteIsTypeCode261WithTheVendorAsSeller() {
        XPaths cii = XPaths.cii(CiiWriter.write(EInvoiceFixtures.selfBilledCreditNote()));

        assertEquals("261", cii.text("/*/rsm:ExchangedDocument/ram:TypeCode"));
        assertEquals("SB-2026-000002", cii.text("//ram:InvoiceReferencedDocument/ram:IssuerAssignedID"));
        assertEquals("DE987654321", cii.text("//ram:SellerTradeParty/ram:SpecifiedTaxRegistration/ram:ID"));
        assertEquals("DE123456789", cii.text("//ram:BuyerTradeParty/ram:SpecifiedTaxRegistration/ram:ID"));
        assertEquals("", cii.text("//ram:IBANID"));

        XPaths invoice = XPaths.cii(CiiWriter.write(EInvoiceFixtures.selfBilledDomestic()));
        assertEquals("389", invoice.text("/*/rsm:ExchangedDocument/ram:TypeCode"));
        assertEquals(0, invoice.count("//ram:SpecifiedTradeSettlementPaymentMeans"));
    }

    /** The validation this test relies on does fail: a wrong amount due and a missing reason are errors. */
    @Test
    void aBrokenDocumentIsReportedInvalid() {
        String cii = new String(CiiWriter.write(EInvoiceFixtures.domestic()), StandardCharsets.UTF_8);

        String wrongTotal = cii.replace("<ram:DuePayableAmount>146.91", "<ram:DuePayableAmount>146.92");
        List<String> errors = En16931.errors(bytes(wrongTotal), Syntax.CII, DocumentType.INVOICE);
        assertFalse(errors.isEmpty());
        assertTrue(errors.get(0).startsWith("BR-CO-16"), errors.toString());

        String reverse = new String(CiiWriter.write(EInvoiceFixtures.reverseCharge()), StandardCharsets.UTF_8);
        String noReason = reverse.replaceAll("<ram:ExemptionReason>[^<]*</ram:ExemptionReason>", "")
                .replaceAll("<ram:ExemptionReasonCode>[^<]*</ram:ExemptionReasonCode>", "");
        assertTrue(
                En16931.errors(bytes(noReason), Syntax.CII, DocumentType.INVOICE).stream()
                        .anyMatch(error -> error.startsWith("BR-AE-10")),
                "reverse charge says so");
    }

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
