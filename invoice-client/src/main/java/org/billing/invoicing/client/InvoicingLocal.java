package org.billing.invoicing.client;

import java.util.Optional;

import jakarta.ejb.Local;

import org.billing.invoicing.invoice.InvoiceView;

/** The module's API within the same application: {@code @EJB InvoicingLocal invoicing;}. */
@Local
public interface InvoicingLocal extends InvoicingApi {

    Optional<InvoiceView> find(long invoiceId);
}
