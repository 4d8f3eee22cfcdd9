package org.billing.invoicing.invoice;

import java.util.Optional;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.billing.invoicing.client.InvoicingLocal;
import org.billing.invoicing.common.Roles;
import org.billing.invoicing.numbering.NumberingService;

/**
 * The published API of the module (see {@link org.billing.invoicing.client.InvoicingApi}), local
 * view. The remote view is a façade of its own in the EAR (module invoice-ejb-remote): remote EJB
 * needs the full server's ORB, which Payara Micro does not have.
 *
 * <p>The caller's roles are checked here as in the REST API and the screens: reading needs any of the
 * module's roles, calculating and changing invoices {@link Roles#OPERATOR} (or {@link Roles#ADMIN}).
 */
@Stateless
@DeclareRoles({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
@RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
public class InvoicingBean implements InvoicingLocal {

    @Inject
    private InvoiceService invoices;

    @Inject
    private NumberingService numbering;

    @Override
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    public InvoiceView calculate(InvoiceRequest request) {
        return invoices.calculate(request);
    }

    @Override
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    public InvoiceView create(InvoiceRequest request) {
        return invoices.create(request);
    }

    @Override
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    public InvoiceView approve(long invoiceId) {
        return invoices.approve(invoiceId);
    }

    @Override
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
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
