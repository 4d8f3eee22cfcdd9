package org.billing.invoicing.einvoice;

import java.util.Locale;
import java.util.Objects;

/**
 * The e-invoices of an invoice, for the REST API, the mails and sibling modules: its EN 16931 XML in
 * either syntax, and its PDF as Factur-X. Pure functions of an {@link EInvoice}: nothing is read or stored.
 */
public final class EInvoices {

    /** The media type of the XML, both syntaxes. */
    public static final String MEDIA_TYPE = "application/xml";

    private EInvoices() {}

    /** The e-invoice as UTF-8 XML: UBL 2.1 ({@code Invoice} or {@code CreditNote}) or CII. */
    public static byte[] render(EInvoice invoice, Syntax syntax) {
        Objects.requireNonNull(invoice, "the e-invoice");
        return switch (Objects.requireNonNull(syntax, "the syntax")) {
            case UBL -> UblWriter.write(invoice);
            case CII -> CiiWriter.write(invoice);
        };
    }

    /**
     * The invoice's PDF/A-3 as a Factur-X PDF (profile EN 16931): the CII of the invoice embedded.
     *
     * @throws IllegalArgumentException when the PDF is not a PDF/A-3
     */
    public static byte[] facturX(byte[] pdfA3, EInvoice invoice) {
        return FacturX.embed(pdfA3, CiiWriter.write(invoice));
    }

    /** The file name of the XML: {@code einvoice-<number>-ubl.xml}, the number's slashes made dashes. */
    public static String fileName(EInvoice invoice, Syntax syntax) {
        return "einvoice-" + invoice.number().replaceAll("[^A-Za-z0-9._-]", "-") + "-"
                + syntax.name().toLowerCase(Locale.ROOT) + ".xml";
    }
}
