package org.billing.invoicing.mail;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/** No invoice documents yet: messages are sent without an attachment. */
@ApplicationScoped
public class NoInvoiceAttachments implements InvoiceAttachments {

    @Override
    public Optional<Attachment> attachmentOf(long invoiceId) {
        return Optional.empty();
    }
}
