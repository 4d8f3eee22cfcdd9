package org.billing.invoicing.document;

/** A document file to download: its name, media type and bytes. */
public record InvoiceFile(String fileName, String mediaType, byte[] content) {

    public static final String PDF = "application/pdf";
    public static final String ODT = TemplateInspector.ODT_MEDIA_TYPE;
}
