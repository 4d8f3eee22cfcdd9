package org.billing.invoicing.document;

import java.time.Instant;

/**
 * The frozen document of an issued invoice: its ODT and PDF, their SHA-256, and the template (id and
 * SHA1) it was made from. While not READY, {@code failure} says why and a retry is due.
 *
 * @param fileName the file name without extension, e.g. {@code invoice-INV-2026-000001}
 */
public record InvoiceDocument(
        long invoiceId,
        Status status,
        String fileName,
        Long templateId,
        String templateSha1,
        byte[] odt,
        String odtSha256,
        byte[] pdf,
        String pdfSha256,
        int attempts,
        String failure,
        Instant renderedAt) {

    public enum Status {
        /** Requested, not made yet. */
        PENDING,
        /** Made and frozen. */
        READY,
        /** The last attempt failed (the ODT may be there, the PDF not); it is retried. */
        FAILED
    }

    public boolean ready() {
        return status == Status.READY;
    }

    public String pdfFileName() {
        return fileName + ".pdf";
    }

    public String odtFileName() {
        return fileName + ".odt";
    }
}
