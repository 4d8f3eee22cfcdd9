package org.billing.invoicing.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.billing.invoicing.mail.MailTemplates.RenderedMail;
import org.junit.jupiter.api.Test;

class MailTemplatesTest {

    private static InvoiceMailFacts march(String total) {
        return march(total, "Invoice");
    }

    private static InvoiceMailFacts march(String total, String documentType) {
        return new InvoiceMailFacts(
                42,
                "INV-2026-000007",
                "Acme wholesale",
                "Acme Telecom",
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31),
                new BigDecimal(total),
                "EUR",
                documentType);
    }

    @Test
    void theDefaultsNameTheInvoiceTheAccountThePeriodAndTheRoundedTotal() {
        RenderedMail mail = MailTemplates.defaults().render(march("10.565"));

        assertEquals("Invoice INV-2026-000007 for Acme wholesale, 2026-03-01 to 2026-03-31", mail.subject());
        assertTrue(mail.body().startsWith("Dear Acme Telecom,\n"), mail.body());
        assertTrue(mail.body().contains("Total: 10.57 EUR"), mail.body());
        assertEquals("Acme_Telecom_INV-2026-000007_2026-03-01.pdf", mail.attachmentName());
    }

    /** The default wording says what the document is, as its title does (Art. 226(10a) for a self-billed one). */
    @Test
    void theDefaultsSayASelfBilledInvoiceOrACreditNoteIsOne() {
        RenderedMail selfBilled = MailTemplates.defaults().render(march("10.565", "Self-billed invoice"));
        assertEquals(
                "Self-billed invoice INV-2026-000007 for Acme wholesale, 2026-03-01 to 2026-03-31",
                selfBilled.subject());
        assertTrue(
                selfBilled.body().contains("\nSelf-billed invoice INV-2026-000007 has been issued for your account"),
                selfBilled.body());

        assertEquals(
                "Credit note INV-2026-000007 for Acme wholesale, 2026-03-01 to 2026-03-31",
                MailTemplates.defaults().render(march("-10.565", "Credit note")).subject());
    }

    @Test
    void everyPlaceholderOfTheMailIsReplaced() {
        MailTemplates templates = new MailTemplates(
                "[I_REF] [I_ID]",
                "[A_NAME]|[C_NAME]|[I_START_DATE]|[I_END_DATE]|[I_TOTAL]|[I_TOTAL_D]|[A_CURRENCY]|[I_DOCUMENT_TYPE]",
                "x.pdf");

        RenderedMail mail = templates.render(march("1234.5"));

        assertEquals("INV-2026-000007 42", mail.subject());
        assertEquals("Acme wholesale|Acme Telecom|2026-03-01|2026-03-31|1234.5|1234.50|EUR|Invoice", mail.body());
    }

    @Test
    void moneyIsRoundedHalfUpToTwoDecimalsAwayFromZero() {
        MailTemplates total = new MailTemplates("[I_TOTAL_D]", "", "x");

        assertEquals("10.56", total.render(march("10.564999")).subject());
        assertEquals("10.57", total.render(march("10.565")).subject());
        assertEquals("-2.35", total.render(march("-2.345")).subject());
        assertEquals("0.00", total.render(march("0")).subject());
    }

    @Test
    void anUnknownPlaceholderStaysAsItIsSoThatTheTypoShows() {
        MailTemplates templates = new MailTemplates("[I_REFF] [i_ref] [I_REF]", "[NOPE]", "x");

        RenderedMail mail = templates.render(march("1"));

        assertEquals("[I_REFF] [i_ref] INV-2026-000007", mail.subject());
        assertEquals("[NOPE]", mail.body());
    }

    @Test
    void valuesAreInsertedLiterallyEvenWithRegexCharacters() {
        InvoiceMailFacts facts = new InvoiceMailFacts(
                1,
                "A$1\\2",
                "Name $0",
                "C",
                LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 31),
                BigDecimal.ONE,
                "USD",
                "Invoice");

        assertEquals(
                "A$1\\2 Name $0",
                new MailTemplates("[I_REF] [A_NAME]", "", "x").render(facts).subject());
    }

    @Test
    void theSubjectIsOneLine() {
        MailTemplates templates = new MailTemplates("Invoice\r\n  [I_REF]\n", "", "x");

        assertEquals("Invoice INV-2026-000007", templates.render(march("1")).subject());
    }

    @Test
    void theFileNameKeepsLettersDigitsDotsAndDashesOnly() {
        assertEquals(
                "Acme_GmbH_Co._KG_INV_1_2026-03-01.pdf",
                MailTemplates.fileName("Acme GmbH & Co. KG_INV/1_2026-03-01.pdf"));
        assertEquals("etc_passwd.pdf", MailTemplates.fileName("../../etc/passwd.pdf"));
        assertEquals("Müller_Ελλάδα_1.pdf", MailTemplates.fileName("Müller Ελλάδα 1.pdf"));
        assertEquals("a_b.pdf", MailTemplates.fileName("a\r\n\tb.pdf"));
        assertEquals("invoice", MailTemplates.fileName(" / "));
    }

    @Test
    void aLongFileNameIsShortenedKeepingItsExtension() {
        String name = MailTemplates.fileName("x".repeat(400) + ".pdf");

        assertEquals(150, name.length());
        assertTrue(name.endsWith("x.pdf"), name);
    }
}
