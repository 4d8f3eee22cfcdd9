package org.billing.invoicing.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The file names of the screens' downloads, as the browser is told them. */
class DownloadsTest {

    @Test
    void aPlainNameIsGivenAsItIs() {
        assertEquals(
                "attachment; filename=\"carrier.odt\"; filename*=UTF-8''carrier.odt",
                Downloads.contentDisposition("attachment", "carrier.odt"));
    }

    @Test
    void anyScriptKeepsItsNameAndNothingBreaksTheHeader() {
        assertEquals(
                "inline; filename=\"R_chnung _2026_ _x___y.pdf\";"
                        + " filename*=UTF-8''R%C3%A9chnung%20%C2%AB2026%C2%BB%20%22x%22%0D%0Ay.pdf",
                Downloads.contentDisposition("inline", "Réchnung «2026» \"x\"\r\ny.pdf"));
        assertEquals(
                "attachment; filename=\"a_b*c'.odt\"; filename*=UTF-8''a%5Cb%2Ac%27.odt",
                Downloads.contentDisposition("attachment", "a\\b*c'.odt"));
    }
}
