package org.billing.invoicing.document;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;

import org.billing.invoicing.einvoice.EInvoice;
import org.billing.invoicing.einvoice.EInvoiceService;
import org.billing.invoicing.einvoice.EInvoices;
import org.billing.invoicing.einvoice.Syntax;
import org.billing.invoicing.invoice.EInvoiceAttachment;
import org.billing.invoicing.invoice.InvoiceService;
import org.billing.invoicing.mail.InvoiceAttachments;

/**
 * The invoice's frozen PDF for its email, once it is made, or the same as Factur-X, and its e-invoice's
 * XML (issue 12). The document is rendered after the
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

    @EJB
    private EInvoiceService einvoices;

    @Override
    public Optional<Attachment> attachmentOf(long invoiceId) {
        return documents.documentOf(invoiceId).map(document -> new Attachment(document.pdf(), InvoiceFile.PDF));
    }

    @Override
    public Optional<Attachment> facturXOf(long invoiceId) {
        // Made yet? Asked without the bytes: facturX reads the document's ODT itself.
        if (documents.status(invoiceId).filter(InvoiceDocument::ready).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Attachment(documents.facturX(invoiceId).content(), InvoiceFile.PDF));
    }

    @Override
    public Optional<NamedFile> einvoiceOf(long invoiceId, EInvoiceAttachment syntax) {
        Syntax chosen = Syntax.valueOf(syntax.name());
        EInvoice einvoice = einvoices.einvoice(invoiceId);
        return Optional.of(new NamedFile(
                EInvoices.fileName(einvoice, chosen), "application/xml", EInvoices.render(einvoice, chosen)));
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
