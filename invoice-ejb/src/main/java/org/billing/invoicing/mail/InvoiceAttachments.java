package org.billing.invoicing.mail;

import java.util.Optional;

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

    /** The bytes of a document and their media type, e.g. {@code application/pdf}. */
    record Attachment(byte[] content, String mediaType) {}
}
