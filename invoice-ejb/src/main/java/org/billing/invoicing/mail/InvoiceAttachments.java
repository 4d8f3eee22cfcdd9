package org.billing.invoicing.mail;

import java.util.Optional;

import org.billing.invoicing.invoice.EInvoiceAttachment;

/**
 * The document attached to an invoice's email, asked for when the message leaves: documents are made
 * after the issuing transaction commits, so they do not exist yet when the message is queued.
 * {@link NoInvoiceAttachments} answers "none"; the document module replaces it with an
 * {@code @Alternative @Priority(Interceptor.Priority.APPLICATION)} bean that returns the rendered PDF.
 * The file name comes from the {@code invoicing.mail.attachment-name} template.
 */
public interface InvoiceAttachments {

    /** The invoice's document, once it is made. */
    Optional<Attachment> attachmentOf(long invoiceId);

    /** Whether the invoice will have a document that is not made yet: its email waits for it, for a while. */
    default boolean isComing(long invoiceId) {
        return false;
    }

    /**
     * The invoice's document as Factur-X (issue 12), once it is made; refused with an
     * {@code InvoicingException} when the invoice cannot be an e-invoice.
     */
    default Optional<Attachment> facturXOf(long invoiceId) {
        return attachmentOf(invoiceId);
    }

    /**
     * The invoice's e-invoice as XML ({@code UBL} or {@code CII}) with its file name; refused with an
     * {@code InvoicingException} when the invoice cannot be an e-invoice.
     */
    default Optional<NamedFile> einvoiceOf(long invoiceId, EInvoiceAttachment syntax) {
        return Optional.empty();
    }

    /** The bytes of a document and their media type, e.g. {@code application/pdf}. */
    record Attachment(byte[] content, String mediaType) {}

    /** A file the email carries beside the document. */
    record NamedFile(String name, String mediaType, byte[] content) {}
}
