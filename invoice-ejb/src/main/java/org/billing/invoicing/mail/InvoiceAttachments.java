package org.billing.invoicing.mail;

import java.util.Optional;

/**
 * The document attached to an invoice's email, asked for while the message is queued (inside the
 * issuing transaction). Until invoice documents exist, {@link NoInvoiceAttachments} answers "none" and
 * messages go without one. The document module replaces it with an
 * {@code @Alternative @Priority(Interceptor.Priority.APPLICATION)} bean that returns the rendered PDF;
 * its file name comes from the {@code invoicing.mail.attachment-name} template.
 */
public interface InvoiceAttachments {

    Optional<Attachment> attachmentOf(long invoiceId);

    /** The bytes of a document and their media type, e.g. {@code application/pdf}. */
    record Attachment(byte[] content, String mediaType) {
    }
}
