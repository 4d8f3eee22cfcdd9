package org.billing.invoicing.invoice;

import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.billing.invoicing.client.InvoicingLocal;
import org.billing.invoicing.numbering.NumberingService;

/**
 * The published API of the module (see {@link org.billing.invoicing.client.InvoicingApi}), local
 * view. The remote view is a façade of its own in the EAR (module invoice-ejb-remote): remote EJB
 * needs the full server's ORB, which Payara Micro does not have.
 */
@Stateless
public class InvoicingBean implements InvoicingLocal {

    @Inject
    private InvoiceService invoices;

    @Inject
    private NumberingService numbering;

    @Override
    public InvoiceView calculate(InvoiceRequest request) {
        return invoices.calculate(request);
    }

    @Override
    public InvoiceView create(InvoiceRequest request) {
        return invoices.create(request);
    }

    @Override
    public InvoiceView approve(long invoiceId) {
        return invoices.approve(invoiceId);
    }

    @Override
    public InvoiceView creditNote(long invoiceId, String reason) {
        return invoices.credit(invoiceId, reason);
    }

    @Override
    public InvoiceView get(long invoiceId) {
        return invoices.get(invoiceId);
    }

    @Override
    public Optional<InvoiceView> find(long invoiceId) {
        return invoices.find(invoiceId);
    }

    @Override
    public InvoicePage search(InvoiceFilter filter, int page, int size) {
        return invoices.search(filter == null ? InvoiceFilter.any() : filter, page, size);
    }

    @Override
    public String nextNumber(long seriesId) {
        return numbering.preview(seriesId);
    }

    @Override
    public String nextNumber(long accountId, Direction direction) {
        return numbering.preview(numbering.seriesFor(accountId, direction));
    }
}
