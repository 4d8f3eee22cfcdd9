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
 * issuing transaction commits, so a message queued inside that transaction finds none yet: the mail
 * sender should ask again when it sends.
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
}
