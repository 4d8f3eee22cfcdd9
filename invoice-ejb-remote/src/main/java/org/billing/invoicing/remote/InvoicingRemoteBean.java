package org.billing.invoicing.remote;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

import org.billing.invoicing.client.InvoicingLocal;
import org.billing.invoicing.client.InvoicingRemote;
import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.invoice.DriftView;
import org.billing.invoicing.invoice.InvoiceFilter;
import org.billing.invoicing.invoice.InvoicePage;
import org.billing.invoicing.invoice.InvoiceRequest;
import org.billing.invoicing.invoice.InvoiceView;

/**
 * The remote view of the published API: each call goes to the local bean, in the caller's
 * transaction when it brings one. Packaged in the EAR only.
 */
@Stateless
public class InvoicingRemoteBean implements InvoicingRemote {

    @EJB
    private InvoicingLocal invoicing;

    @Override
    public InvoiceView calculate(InvoiceRequest request) {
        return invoicing.calculate(request);
    }

    @Override
    public InvoiceView create(InvoiceRequest request) {
        return invoicing.create(request);
    }

    @Override
    public InvoiceView approve(long invoiceId) {
        return invoicing.approve(invoiceId);
    }

    @Override
    public InvoiceView creditNote(long invoiceId, String reason) {
        return invoicing.creditNote(invoiceId, reason);
    }

    @Override
    public InvoiceView get(long invoiceId) {
        return invoicing.get(invoiceId);
    }

    @Override
    public InvoicePage search(InvoiceFilter filter, int page, int size) {
        return invoicing.search(filter, page, size);
    }

    @Override
    public InvoicePage searchAfter(InvoiceFilter filter, String cursor, int size) {
        return invoicing.searchAfter(filter, cursor, size);
    }

    @Override
    public void delete(long invoiceId) {
        invoicing.delete(invoiceId);
    }

    @Override
    public DriftView checkDrift(long invoiceId) {
        return invoicing.checkDrift(invoiceId);
    }

    @Override
    public DriftView drift(long invoiceId) {
        return invoicing.drift(invoiceId);
    }

    @Override
    public InvoiceView supplement(long invoiceId) {
        return invoicing.supplement(invoiceId);
    }

    @Override
    public InvoiceView correct(long invoiceId, String reason) {
        return invoicing.correct(invoiceId, reason);
    }

    @Override
    public String nextNumber(long seriesId) {
        return invoicing.nextNumber(seriesId);
    }

    @Override
    public String nextNumber(long accountId, Direction direction) {
        return invoicing.nextNumber(accountId, direction);
    }
}
