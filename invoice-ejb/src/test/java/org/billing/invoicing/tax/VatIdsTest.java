package org.billing.invoicing.tax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class VatIdsTest {

    @Test
    void numbersAsPeopleTypeThemAreNormalized() {
        assertEquals("DE123456789", VatIds.normalize(" de 123.456-789 "));
        assertEquals("NL123456789B01", VatIds.normalize("nl123456789b01"));
    }

    @Test
    void eachMemberStatesSyntaxIsChecked() {
        assertEquals(Optional.empty(), VatIds.problem("DE", "DE123456789"));
        assertEquals(Optional.empty(), VatIds.problem("AT", "ATU12345678"));
        assertEquals(Optional.empty(), VatIds.problem("FR", "FRXX123456789"));
        assertEquals(Optional.empty(), VatIds.problem("NL", "NL123456789B01"));
        assertEquals(Optional.empty(), VatIds.problem("IE", "IE1234567WA"));
        assertEquals(Optional.empty(), VatIds.problem("SE", "SE123456789001"));
        assertTrue(VatIds.problem("DE", "DE12345678").isPresent(), "eight digits");
        assertTrue(VatIds.problem("AT", "AT12345678").isPresent(), "Austria's U is missing");
        assertTrue(VatIds.problem("SE", "SE123456789012").isPresent(), "a Swedish number ends in 01");
        assertTrue(VatIds.problem("DE", "FR12345678901").isPresent(), "another country's prefix");
    }

    @Test
    void greeceWritesElAndNorthernIrelandXi() {
        assertEquals(Optional.empty(), VatIds.problem("GR", "EL123456789"));
        assertTrue(VatIds.problem("GR", "GR123456789").isPresent());
        assertEquals(Optional.empty(), VatIds.problem("GB", "XI123456789"));
        assertEquals(Optional.empty(), VatIds.problem("GB", "GB123456789"));
    }

    @Test
    void theRefusalShowsHowTheNumberIsWritten() {
        assertEquals(
                Optional.of("'DE1234' is not a VAT ID of DE: it is written like DE123456789."),
                VatIds.problem("DE", "DE1234"));
    }

    @Test
    void otherCountriesTaxNumbersNeedTheirCountryCode() {
        assertEquals(Optional.empty(), VatIds.problem("US", "US123456789"));
        assertTrue(VatIds.problem("US", "123456789").isPresent());
    }
}
