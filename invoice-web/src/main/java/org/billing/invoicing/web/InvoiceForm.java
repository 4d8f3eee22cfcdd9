package org.billing.invoicing.web;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Set;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import org.billing.invoicing.common.Action;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.invoice.InvoiceRequest;
import org.billing.invoicing.invoice.InvoiceService;
import org.billing.invoicing.invoice.InvoiceView;

/**
 * The "Create invoice" form (seed 003): Calculate shows the figures and saves nothing; Save creates the
 * Pending Manual invoice. A refusal is shown next to the input it names, or for the form as a whole.
 */
@Named
@ViewScoped
public class InvoiceForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The form's id in invoices.xhtml; its inputs carry the ids of the request fields they fill. */
    static final String FORM = "create";

    private static final Set<String> INPUTS = Set.of("accountId", "direction", "startDate", "endDate");

    @EJB
    private InvoiceService invoices;

    private Long accountId;
    private Direction direction = Direction.CUSTOMER;
    private LocalDate startDate;
    private LocalDate endDate;

    private InvoiceView calculated;
    private InvoiceView created;

    public void calculate() {
        if (!Access.permits(Action.CALCULATE, "calculate invoices")) {
            return;
        }
        created = null;
        try {
            calculated = invoices.calculate(request());
        } catch (RuntimeException e) {
            calculated = null;
            refused(Refusals.refusal(e));
        }
    }

    public void save() {
        if (!Access.permits(Action.CREATE, "create invoices")) {
            return;
        }
        calculated = null;
        try {
            created = invoices.create(request());
        } catch (RuntimeException e) {
            created = null;
            refused(Refusals.refusal(e));
        }
    }

    private InvoiceRequest request() {
        return new InvoiceRequest(accountId, direction, startDate, endDate);
    }

    private static void refused(InvoicingException e) {
        Messages.error(INPUTS.contains(e.field()) ? FORM + ":" + e.field() : null, e.getMessage());
    }

    /** The figures of the last Calculate, or null. */
    public InvoiceView getCalculated() {
        return calculated;
    }

    /** The invoice the last Save created, or null. */
    public InvoiceView getCreated() {
        return created;
    }

    public Long getAccountId() {
        return accountId;
    }

    public void setAccountId(Long accountId) {
        this.accountId = accountId;
    }

    public Direction getDirection() {
        return direction;
    }

    public void setDirection(Direction direction) {
        this.direction = direction;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public void setEndDate(LocalDate endDate) {
        this.endDate = endDate;
    }
}
