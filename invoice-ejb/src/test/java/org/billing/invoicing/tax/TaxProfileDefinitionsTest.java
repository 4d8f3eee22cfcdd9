package org.billing.invoicing.tax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;
import org.junit.jupiter.api.Test;

/** The rules of the seller and buyer profiles, without a database. */
class TaxProfileDefinitionsTest {

    private static SellerProfileDefinition seller(String country, String vatId, String iban) {
        return new SellerProfileDefinition(
                " Carrier GmbH ",
                "Hauptstr. 1",
                "Berlin",
                "10115",
                country,
                vatId,
                null,
                "billing@carrier.example",
                null,
                iban,
                null,
                null,
                null,
                false);
    }

    private static void refused(String field, Runnable check) {
        InvoicingException e = assertThrows(InvoicingException.class, check::run);
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        assertEquals(field, e.field());
    }

    @Test
    void aSellerIsTrimmedNormalizedAndGetsTheDefaultTerms() {
        SellerProfileDefinition valid =
                seller("de", "de 123 456 789", "DE89 3704 0044 0532 0130 00").validated();
        assertEquals("Carrier GmbH", valid.legalName());
        assertEquals("DE", valid.country());
        assertEquals("DE123456789", valid.vatId());
        assertEquals("DE89370400440532013000", valid.iban());
        assertEquals(30, valid.paymentTermsDays());
        assertEquals("HALF_UP", valid.rounding());
    }

    @Test
    void aSellerInTheEuNeedsItsVatIdAndAnIbanItsCheckDigits() {
        refused("vatId", () -> seller("DE", null, null).validated());
        refused("vatId", () -> seller("DE", "DE1234", null).validated());
        refused(
                "iban",
                () -> seller("DE", "DE123456789", "DE88370400440532013000").validated());
        refused("country", () -> seller("XX", "DE123456789", null).validated());
        assertEquals(null, seller("US", null, null).validated().vatId(), "outside the EU the VAT ID may be absent");
    }

    @Test
    void domesticVatNeedsARateAndOnlyDomesticHasOne() {
        BuyerTaxProfileDefinition domestic = new BuyerTaxProfileDefinition(
                        "DE", null, TaxTreatment.DOMESTIC, new BigDecimal("19"), null, " PO-7 ")
                .validated();
        assertEquals(new BigDecimal("19.00"), domestic.vatRate());
        assertEquals("PO-7", domestic.buyerReference());
        assertEquals("S", TaxTreatment.DOMESTIC.category(domestic.vatRate()));
        assertEquals("Z", TaxTreatment.DOMESTIC.category(BigDecimal.ZERO));
        refused(
                "vatRate",
                () -> new BuyerTaxProfileDefinition("DE", null, TaxTreatment.DOMESTIC, null, null, null).validated());
        refused(
                "vatRate",
                () -> new BuyerTaxProfileDefinition(
                                "DE", null, TaxTreatment.DOMESTIC, new BigDecimal("19.005"), null, null)
                        .validated());
        refused(
                "vatRate",
                () -> new BuyerTaxProfileDefinition("US", null, TaxTreatment.EXPORT, new BigDecimal("19"), null, null)
                        .validated());
    }

    @Test
    void reverseChargeIsForEuBuyersWithAVatIdAndExportForTheOthers() {
        assertEquals(
                "FRXX123456789",
                new BuyerTaxProfileDefinition("FR", "fr xx 123456789", TaxTreatment.REVERSE_CHARGE, null, null, null)
                        .validated()
                        .vatId());
        refused(
                "vatId",
                () -> new BuyerTaxProfileDefinition("FR", null, TaxTreatment.REVERSE_CHARGE, null, null, null)
                        .validated());
        refused(
                "treatment",
                () -> new BuyerTaxProfileDefinition("US", "US123456789", TaxTreatment.REVERSE_CHARGE, null, null, null)
                        .validated());
        refused(
                "treatment",
                () -> new BuyerTaxProfileDefinition("FR", null, TaxTreatment.EXPORT, null, null, null).validated());
        refused(
                "vatId",
                () -> new BuyerTaxProfileDefinition("FR", "DE123456789", TaxTreatment.REVERSE_CHARGE, null, null, null)
                        .validated());
    }

    @Test
    void anExemptionNamesItsReason() {
        refused(
                "exemptionReason",
                () -> new BuyerTaxProfileDefinition("DE", null, TaxTreatment.EXEMPT, null, " ", null).validated());
        assertEquals(
                "Art. 135(1)(d)",
                new BuyerTaxProfileDefinition("DE", null, TaxTreatment.EXEMPT, null, "Art. 135(1)(d)", null)
                        .validated()
                        .exemptionReason());
    }
}
