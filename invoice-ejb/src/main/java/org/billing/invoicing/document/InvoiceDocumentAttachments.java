package org.billing.invoicing.document;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;

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

    @Override
    public Optional<Attachment> attachmentOf(long invoiceId) {
        return documents.documentOf(invoiceId).map(document -> new Attachment(document.pdf(), InvoiceFile.PDF));
    }

    @Override
    public boolean isComing(long invoiceId) {
        return documents.status(invoiceId).map(document -> !document.ready()).orElse(false);
    }
}
