package org.billing.invoicing.document;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;

import org.billing.invoicing.invoice.InvoiceService;
import org.billing.invoicing.mail.InvoiceAttachments;

/**
 * The invoice's frozen PDF for its email, once it is made. The document is rendered after the
 * issuing transaction commits; the mail sender asks when the message leaves, and waits while the
 * document is still coming.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class InvoiceDocumentAttachments implements InvoiceAttachments {

    @EJB
    private DocumentService documents;

    @EJB
    private InvoiceService invoices;

    @Override
    public Optional<Attachment> attachmentOf(long invoiceId) {
        return documents.documentOf(invoiceId).map(document -> new Attachment(document.pdf(), InvoiceFile.PDF));
    }

    @Override
    public boolean isComing(long invoiceId) {
        Optional<InvoiceDocument> document = documents.status(invoiceId);
        if (document.isPresent()) {
            return !document.get().ready();
        }
        // The document is asked for after the issuing transaction commits, in parallel with the first
        // delivery: until its row exists, a template that applies to the invoice says it is coming.
        return documents.templateFor(invoices.get(invoiceId)).isPresent();
    }
}
