package org.billing.invoicing.einvoice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.billing.invoicing.document.DocumentFixtures;
import org.billing.invoicing.document.OdtRenderer;
import org.billing.invoicing.document.OfficePool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mustangproject.validator.ZUGFeRDValidator;

/**
 * Factur-X from the real chain: the invoice document rendered, LibreOffice's PDF/A-3, the CII embedded;
 * Mustang's validator checks the PDF/A-3 (veraPDF) and the XML (the Factur-X EN 16931 rules). CI installs
 * LibreOffice (bin/test); without it these tests are skipped, saying so.
 */
class FacturXTest {

    private static OfficePool pool;
    private static byte[] pdfA3;

    @BeforeAll
    static void start() {
        pool = new OfficePool(new OfficePool.Config(Path.of("/usr/lib/libreoffice"), 1, Duration.ofSeconds(60), 200));
        Assumptions.assumeTrue(
                pool.installed(),
                "LibreOffice is not installed at /usr/lib/libreoffice: apt-get install libreoffice-writer-nogui");
        pdfA3 = pool.toPdfA(new OdtRenderer().render(DocumentFixtures.demoTemplate(), DocumentFixtures.data()));
    }

    @AfterAll
    static void stop() {
        if (pool != null) {
            pool.stop();
        }
    }

    @Test
    void libreOfficeMakesAPdfA3() {
        String head = new String(pdfA3, 0, Math.min(pdfA3.length, 1 << 20), StandardCharsets.ISO_8859_1);
        assertTrue(head.startsWith("%PDF-"));
        assertTrue(head.contains("pdfaid:part>3<") || head.contains("pdfaid:part=\"3\""), "PDF/A-3 metadata");
    }

    @Test
    void theFacturXPdfPassesMustangsValidation() throws IOException {
        EInvoice invoice = EInvoiceFixtures.domestic();
        byte[] facturX = EInvoices.facturX(pdfA3, invoice);

        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(facturX, "factur-x.pdf");
        assertTrue(validator.wasCompletelyValid(), report);
        assertArrayEquals(CiiWriter.write(invoice), embedded(facturX), "the CII as written, as factur-x.xml");
    }

    @Test
    void everyFixtureMakesAValidFacturX() {
        for (EInvoice invoice : EInvoiceFixtures.all()) {
            ZUGFeRDValidator validator = new ZUGFeRDValidator();
            String report = validator.validate(EInvoices.facturX(pdfA3, invoice), invoice.number() + ".pdf");
            assertTrue(validator.wasCompletelyValid(), invoice.number() + ": " + report);
        }
    }

    /** The validation this test relies on does fail: a Factur-X whose XML breaks a rule is invalid. */
    @Test
    void aFacturXWithABrokenXmlIsReportedInvalid() {
        String cii = new String(CiiWriter.write(EInvoiceFixtures.domestic()), StandardCharsets.UTF_8)
                .replace("<ram:DuePayableAmount>146.91", "<ram:DuePayableAmount>146.92");
        byte[] broken = FacturX.embed(pdfA3, cii.getBytes(StandardCharsets.UTF_8));

        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(broken, "broken.pdf");
        assertFalse(validator.wasCompletelyValid(), report);
        assertTrue(report.contains("BR-CO-16"), report);
    }

    @Test
    void aPdfThatIsNotPdfA3IsRefused() {
        byte[] plain = pool.toPdf(new OdtRenderer().render(DocumentFixtures.demoTemplate(), DocumentFixtures.data()));

        IllegalArgumentException refusal = assertThrows(
                IllegalArgumentException.class, () -> EInvoices.facturX(plain, EInvoiceFixtures.domestic()));
        assertTrue(refusal.getMessage().contains("PDF/A-3"), refusal.getMessage());
    }

    private static byte[] embedded(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
            PDComplexFileSpecification file =
                    names.getEmbeddedFiles().getNames().get(FacturX.FILE_NAME);
            assertEquals(FacturX.FILE_NAME, file.getFilename());
            return file.getEmbeddedFile().toByteArray();
        }
    }
}
