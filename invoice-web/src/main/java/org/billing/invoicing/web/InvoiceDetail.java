package org.billing.invoicing.web;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import org.billing.invoicing.invoice.DetailTable;
import org.billing.invoicing.invoice.InvoiceService;
import org.billing.invoicing.invoice.InvoiceState;
import org.billing.invoicing.invoice.InvoiceView;

/** invoice.xhtml?id=N: one stored invoice, the detail tables of its direction, and Delete while Pending. */
@Named
@ViewScoped
public class InvoiceDetail implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private InvoiceService invoices;

    private Long id;
    private InvoiceView invoice;
    private final Map<DetailTable, List<?>> rows = new EnumMap<>(DetailTable.class);

    /** The f:viewAction: an unknown or missing id leaves {@link #getInvoice()} null, which the page says. */
    public void load() {
        invoice = Optional.ofNullable(id).flatMap(invoices::find).orElse(null);
    }

    /** Whether the table belongs to the invoice's direction: ORIG tables and services for a Customer invoice. */
    public boolean shows(String table) {
        return invoice != null && tables().contains(DetailTable.valueOf(table));
    }

    /** The rows of a detail table, read once per view. */
    public List<?> rows(String table) {
        return rows.computeIfAbsent(DetailTable.valueOf(table), t -> invoices.table(invoice.id(), t));
    }

    private List<DetailTable> tables() {
        return DetailTable.tablesOf(invoice.direction());
    }

    public boolean isDeletable() {
        return invoice != null && invoice.state() == InvoiceState.PENDING;
    }

    public String delete() {
        try {
            invoices.delete(invoice.id());
        } catch (RuntimeException e) {
            Messages.error(null, Refusals.refusal(e).getMessage());
            return null;
        }
        Messages.infoAfterRedirect("Invoice " + invoice.id() + " was deleted.");
        return "invoices?faces-redirect=true";
    }

    public InvoiceView getInvoice() {
        return invoice;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }
}
