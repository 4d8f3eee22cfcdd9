package org.billing.invoicing.web;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.invoice.InvoiceFilter;
import org.billing.invoicing.invoice.InvoicePage;
import org.billing.invoicing.invoice.InvoiceService;
import org.billing.invoicing.invoice.InvoiceState;
import org.billing.invoicing.invoice.InvoiceType;
import org.billing.invoicing.invoice.InvoiceView;
import org.billing.invoicing.platform.PaymentModel;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The invoice list: a lazy, paged model over {@link InvoiceService#search}, newest first, and its filters. */
@Named
@ViewScoped
public class InvoiceList implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private InvoiceService invoices;

    private Long accountId;
    private Direction direction;
    private InvoiceState state;
    private InvoiceType type;
    private PaymentModel paymentModel;
    private String text;
    /** True: only the invoices whose last drift check found a difference (issue 13). */
    private Boolean drifted;
    private boolean totalExact = true;

    private final LazyDataModel<InvoiceView> model = new SearchModel();

    public LazyDataModel<InvoiceView> getModel() {
        return model;
    }

    private InvoiceFilter filter() {
        return new InvoiceFilter(accountId, null, direction, state, type, null, null, paymentModel,
                text == null || text.isBlank() ? null : text.strip(), Boolean.TRUE.equals(drifted) ? true : null);
    }

    /**
     * Pages through the search; the service sorts (newest first) and filters, the table only shows. Past
     * {@link org.billing.invoicing.invoice.InvoiceListQuery#TOTAL_BOUND} matches the total is not counted:
     * the table then counts the pages it has seen, plus one more while there is a next.
     */
    private final class SearchModel extends LazyDataModel<InvoiceView> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return Math.toIntExact(invoices.search(filter(), 0, 1).total());
        }

        @Override
        public List<InvoiceView> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                      Map<String, FilterMeta> filterBy) {
            InvoicePage page = invoices.search(filter(), first / pageSize, pageSize);
            totalExact = page.totalIsExact();
            long rows = page.totalIsExact() ? page.total()
                    : Math.max(page.total(), first + page.items().size() + (page.nextCursor() == null ? 0 : pageSize));
            setRowCount(Math.toIntExact(rows));
            return page.items();
        }

        @Override
        public String getRowKey(InvoiceView invoice) {
            return String.valueOf(invoice.id());
        }
    }

    /** False when more invoices match than are counted: the list says "more than". */
    public boolean isTotalExact() {
        return totalExact;
    }

    public int getTotalBound() {
        return org.billing.invoicing.invoice.InvoiceListQuery.TOTAL_BOUND;
    }

    /** Seed 003's search box: a part of an invoice number, account or contractor name. */
    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public Direction[] getDirections() {
        return Direction.values();
    }

    public InvoiceState[] getStates() {
        return InvoiceState.values();
    }

    public InvoiceType[] getTypes() {
        return InvoiceType.values();
    }

    public PaymentModel[] getPaymentModels() {
        return PaymentModel.values();
    }

    public Boolean getDrifted() {
        return drifted;
    }

    public void setDrifted(Boolean drifted) {
        this.drifted = drifted;
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

    public InvoiceState getState() {
        return state;
    }

    public void setState(InvoiceState state) {
        this.state = state;
    }

    public InvoiceType getType() {
        return type;
    }

    public void setType(InvoiceType type) {
        this.type = type;
    }

    /** The account's payment model when the invoice was made: seed 002's filter "by account type". */
    public PaymentModel getPaymentModel() {
        return paymentModel;
    }

    public void setPaymentModel(PaymentModel paymentModel) {
        this.paymentModel = paymentModel;
    }
}
