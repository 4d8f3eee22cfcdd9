package org.billing.invoicing.web;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.billing.invoicing.common.Action;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.generation.AutoInvoicingOverview;
import org.billing.invoicing.generation.AutoInvoicingOverview.Filter;
import org.billing.invoicing.generation.AutoInvoicingOverview.Pair;
import org.billing.invoicing.generation.AutoInvoicingOverview.Row;
import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.period.InvoicePeriod;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * automatic.xhtml's overview of every account's automatic invoicing: a lazy model paged by
 * {@link AutoInvoicingOverview}, its filters, and for an administrator the rows picked with their
 * checkboxes, given one period and start at once, or stopped.
 */
@Named
@ViewScoped
public class AutoInvoicingOverviewList implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The period filter's choices besides a kind of period. */
    public static final String AUTOMATIC = "AUTOMATIC";

    public static final String NOT_AUTOMATIC = "NOT_AUTOMATIC";
    /** Pairs with a failed period still waiting: the dashboard's count links here, {@code automatic.xhtml?period=FAILING}. */
    public static final String FAILING = "FAILING";

    private static final String FORM = "overview";
    private static final Set<String> INPUTS = Set.of("invoicePeriod", "generateFrom");

    @EJB
    private AutoInvoicingOverview overview;

    @Inject
    private Display display;

    private String text;
    private Direction direction;
    /** Null (all), {@link #AUTOMATIC}, {@link #NOT_AUTOMATIC} or an {@link InvoicePeriod} name. */
    private String period;

    private List<Row> selection = new ArrayList<>();
    private InvoicePeriod invoicePeriod;
    private LocalDate generateFrom;

    private final RowsModel model = new RowsModel();

    /** A filter changed: back to the first page. */
    public void filter() {
        if (FacesContext.getCurrentInstance().getViewRoot().findComponent(FORM + ":accounts")
                instanceof DataTable table) {
            table.setFirst(0);
        }
    }

    /** Gives the selected rows the period and start day chosen, all at once. */
    public void changeSelected() {
        if (!Access.permits(Action.MANAGE_AUTOMATIC_INVOICING, "change automatic invoicing")) {
            return;
        }
        int changed;
        try {
            changed = overview.changeMany(pairs(), invoicePeriod, generateFrom);
        } catch (RuntimeException e) {
            refused(Refusals.refusal(e));
            return;
        }
        Messages.info("Automatic invoicing changed for " + rows(changed) + ": "
                + display.label(invoicePeriod).toLowerCase(Locale.ROOT) + " from " + generateFrom + ".");
        selection = new ArrayList<>();
    }

    /** Stops the automatic invoicing of the selected rows, all at once; their invoices stay. */
    public void stopSelected() {
        if (!Access.permits(Action.MANAGE_AUTOMATIC_INVOICING, "change automatic invoicing")) {
            return;
        }
        int selected = pairs().size();
        int stopped;
        try {
            stopped = overview.stopMany(pairs());
        } catch (RuntimeException e) {
            refused(Refusals.refusal(e));
            return;
        }
        Messages.info(
                stopped == selected
                        ? "Automatic invoicing stopped for " + rows(stopped) + "; their invoices stay."
                        : "Automatic invoicing stopped for " + stopped + " of the " + rows(selected)
                                + " (the others were not" + " invoiced automatically); their invoices stay.");
        selection = new ArrayList<>();
    }

    private List<Pair> pairs() {
        return selection.stream().map(Row::pair).distinct().toList();
    }

    private static String rows(int count) {
        return count + (count == 1 ? " selected row" : " selected rows");
    }

    private void refused(InvoicingException e) {
        Messages.error(INPUTS.contains(e.field()) ? FORM + ":" + e.field() : null, e.getMessage());
    }

    private Filter currentFilter() {
        String chosen = period == null || period.isEmpty() ? null : period;
        boolean failing = FAILING.equals(chosen);
        Boolean automatic = chosen == null || failing ? null : !NOT_AUTOMATIC.equals(chosen);
        InvoicePeriod kind = chosen == null || failing || AUTOMATIC.equals(chosen) || NOT_AUTOMATIC.equals(chosen)
                ? null
                : InvoicePeriod.valueOf(chosen);
        return new Filter(text, direction, automatic, kind, failing);
    }

    /**
     * Pages through the overview in SQL. The rows seen in this view are kept by key, so that a row
     * selected on another page is still known when the selection is posted.
     */
    private final class RowsModel extends LazyDataModel<Row> {

        private static final long serialVersionUID = 1L;

        private final Map<String, Row> seen = new HashMap<>();

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return Math.toIntExact(overview.count(currentFilter()));
        }

        @Override
        public List<Row> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            List<Row> rows = overview.page(currentFilter(), first, pageSize);
            rows.forEach(row -> seen.put(getRowKey(row), row));
            return rows;
        }

        @Override
        public String getRowKey(Row row) {
            return row.accountId() + "-" + row.direction();
        }

        @Override
        public Row getRowData(String rowKey) {
            return seen.get(rowKey);
        }
    }

    public LazyDataModel<Row> getModel() {
        return model;
    }

    public Direction[] getDirections() {
        return Direction.values();
    }

    public InvoicePeriod[] getPeriods() {
        return InvoicePeriod.values();
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public Direction getDirection() {
        return direction;
    }

    public void setDirection(Direction direction) {
        this.direction = direction;
    }

    public String getPeriod() {
        return period;
    }

    /** A choice of the filter; anything else (a link edited by hand) shows every row. */
    public void setPeriod(String period) {
        boolean known = period != null
                && (period.equals(AUTOMATIC)
                        || period.equals(NOT_AUTOMATIC)
                        || period.equals(FAILING)
                        || java.util.Arrays.stream(InvoicePeriod.values())
                                .anyMatch(kind -> kind.name().equals(period)));
        this.period = known ? period : null;
    }

    public List<Row> getSelection() {
        return selection;
    }

    public void setSelection(List<Row> selection) {
        // A key this view never showed has no row: it is left out rather than acted on blindly.
        this.selection = selection == null
                ? new ArrayList<>()
                : new ArrayList<>(
                        selection.stream().filter(java.util.Objects::nonNull).toList());
    }

    public InvoicePeriod getInvoicePeriod() {
        return invoicePeriod;
    }

    public void setInvoicePeriod(InvoicePeriod invoicePeriod) {
        this.invoicePeriod = invoicePeriod;
    }

    public LocalDate getGenerateFrom() {
        return generateFrom;
    }

    public void setGenerateFrom(LocalDate generateFrom) {
        this.generateFrom = generateFrom;
    }
}
