package org.billing.invoicing.einvoice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.apache.xmpbox.xml.XmpParsingException;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA3;

/**
 * Factur-X (ZUGFeRD 2 in Germany): the invoice's PDF/A-3 with its CII XML embedded as
 * {@value #FILE_NAME}, profile "EN 16931", the XMP metadata that says so and the file's relationship to
 * the document ({@code /AFRelationship}). Mustangproject's exporter does the PDF work; the PDF must be
 * PDF/A-3 already (LibreOffice makes one: {@code OfficePool.toPdfA}), since only a PDF/A-3 may carry
 * an attachment and converting another PDF after the fact cannot be trusted to stay valid.
 */
public final class FacturX {

    /** The name the Factur-X specification gives the embedded XML. */
    public static final String FILE_NAME = "factur-x.xml";

    /** The Factur-X profile the CII of {@link CiiWriter} conforms to. */
    public static final String PROFILE = "EN16931";

    private FacturX() {}

    /**
     * The PDF/A-3 with the CII embedded.
     *
     * @throws IllegalArgumentException when the PDF is not a PDF/A-3
     */
    public static byte[] embed(byte[] pdfA3, byte[] cii) {
        if (pdfA3 == null || pdfA3.length == 0) {
            throw new IllegalArgumentException("Factur-X needs the invoice's PDF/A-3: no PDF was given");
        }
        int part = pdfAPart(pdfA3);
        if (part != 3) {
            throw new IllegalArgumentException(
                    "Factur-X needs the invoice's PDF as PDF/A-3 (LibreOffice: SelectPdfVersion" + " 3), not "
                            + (part == 0 ? "a PDF that is not PDF/A" : "a PDF/A-" + part));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(pdfA3.length + cii.length + 16_384);
        try (ZUGFeRDExporterFromA3 exporter = new ZUGFeRDExporterFromA3()) {
            exporter.setZUGFeRDVersion(2);
            exporter.setFacturX();
            exporter.setProfile(Profiles.getByName(PROFILE));
            exporter.setProducer("invoicing");
            exporter.setCreator("invoicing");
            exporter.load(pdfA3);
            exporter.setXML(cii);
            exporter.export(out);
        } catch (IOException e) {
            throw new UncheckedIOException("The Factur-X PDF could not be made: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Factur-X needs the invoice's PDF as PDF/A-3 (LibreOffice: SelectPdfVersion 3): " + e.getMessage(),
                    e);
        }
        return out.toByteArray();
    }

    /** The PDF/A part its XMP metadata declares (ISO 19005-1, -2, -3), 0 when none. */
    static int pdfAPart(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDMetadata metadata = document.getDocumentCatalog().getMetadata();
            if (metadata == null) {
                return 0;
            }
            DomXmpParser parser = new DomXmpParser();
            parser.setStrictParsing(false);
            XMPMetadata xmp = parser.parse(metadata.toByteArray());
            PDFAIdentificationSchema identification = xmp.getPDFAIdentificationSchema();
            Integer part = identification == null ? null : identification.getPart();
            return part == null ? 0 : part;
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "Factur-X needs the invoice's PDF/A-3: this is not a PDF (" + e.getMessage() + ")", e);
        } catch (XmpParsingException e) {
            return 0;
        }
    }
}
