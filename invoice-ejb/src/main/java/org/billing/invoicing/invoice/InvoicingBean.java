package org.billing.invoicing.invoice;

import java.util.Optional;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.billing.invoicing.client.InvoicingLocal;
import org.billing.invoicing.common.Action;
import org.billing.invoicing.common.Gated;
import org.billing.invoicing.common.Roles;
import org.billing.invoicing.numbering.NumberingService;

/**
 * The published API of the module (see {@link org.billing.invoicing.client.InvoicingApi}), local
 * view. The remote view is a façade of its own in the EAR (module invoice-ejb-remote): remote EJB
 * needs the full server's ORB, which Payara Micro does not have.
 *
 * <p>The caller's roles are checked here as in the REST API and the screens: each method names its
 * {@link Action}, and the container checks the roles the {@link org.billing.invoicing.common.Gate}
 * gives it, written out in {@code @RolesAllowed} (annotations take constants only; a test keeps the
 * two equal). The container's check, not a call of the gate in the method, keeps a refusal what the
 * platform makes it: an {@code EJBAccessException} before the method, the caller's transaction untouched.
 */
@Stateless
@DeclareRoles({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
@Gated(Action.READ)
@RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
public class InvoicingBean implements InvoicingLocal {

    @Inject
    private InvoiceService invoices;

    @Inject
    private NumberingService numbering;

    @Override
    @Gated(Action.CALCULATE)
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    public InvoiceView calculate(InvoiceRequest request) {
        return invoices.calculate(request);
    }

    @Override
    @Gated(Action.CREATE)
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    public InvoiceView create(InvoiceRequest request) {
        return invoices.create(request);
    }

    @Override
    @Gated(Action.APPROVE)
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    public InvoiceView approve(long invoiceId) {
        return invoices.approve(invoiceId);
    }

    @Override
    @Gated(Action.CREDIT)
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    public InvoiceView creditNote(long invoiceId, String reason) {
        return invoices.credit(invoiceId, reason);
    }

    @Override
    @Gated(Action.DELETE)
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    public void delete(long invoiceId) {
        invoices.delete(invoiceId);
    }

    @Override
    @Gated(Action.SETTLE_DRIFT)
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    public DriftView checkDrift(long invoiceId) {
        return invoices.checkDrift(invoiceId);
    }

    @Override
    public DriftView drift(long invoiceId) {
        return invoices.drift(invoiceId);
    }

    @Override
    @Gated(Action.SETTLE_DRIFT)
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    public InvoiceView supplement(long invoiceId) {
        return invoices.supplement(invoiceId);
    }

    @Override
    @Gated(Action.SETTLE_DRIFT)
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    public InvoiceView correct(long invoiceId, String reason) {
        return invoices.correct(invoiceId, reason);
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
    public InvoicePage searchAfter(InvoiceFilter filter, String cursor, int size) {
        return invoices.searchAfter(filter == null ? InvoiceFilter.any() : filter, cursor, size);
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
