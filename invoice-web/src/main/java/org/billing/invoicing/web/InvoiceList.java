package org.billing.invoicing.web;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import org.billing.invoicing.common.Action;
import org.billing.invoicing.document.DocumentService;
import org.billing.invoicing.document.InvoiceDocument;
import org.billing.invoicing.invoice.BulkApproval;
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

/**
 * The invoice list: a lazy, paged model over {@link InvoiceService#search}, newest first, and its filters; the
 * invoices ticked in it approved together ({@link BulkApproval}, each on its own) or their PDFs downloaded as
 * one zip.
 */
@Named
@ViewScoped
public class InvoiceList implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private InvoiceService invoices;

    @EJB
    private BulkApproval approvals;

    @EJB
    private DocumentService documents;

    private List<InvoiceView> selection = new ArrayList<>();
    private List<BulkApproval.Result> approvalResults = List.of();

    private Long accountId;
    private Direction direction;
    private InvoiceState state;
    private InvoiceType type;
    private PaymentModel paymentModel;
    private String text;
    /** Null (any), {@link #DOCUMENT_FAILED} or {@link #EMAIL_FAILED}: the dashboard's counts link to these. */
    private String problem;
    /** True: only the invoices whose last drift check found a difference (issue 13). */
    private Boolean drifted;

    private boolean totalExact = true;

    private final LazyDataModel<InvoiceView> model = new SearchModel();

    public LazyDataModel<InvoiceView> getModel() {
        return model;
    }

    /** The problem filter's choices: {@code invoices.xhtml?problem=documentFailed}, {@code ?problem=emailFailed}. */
    public static final String DOCUMENT_FAILED = "documentFailed";

    public static final String EMAIL_FAILED = "emailFailed";

    private InvoiceFilter filter() {
        return new InvoiceFilter(
                accountId,
                null,
                direction,
                state,
                type,
                null,
                null,
                paymentModel,
                text == null || text.isBlank() ? null : text.strip(),
                DOCUMENT_FAILED.equals(problem),
                EMAIL_FAILED.equals(problem),
                Boolean.TRUE.equals(drifted) ? true : null);
    }

    /**
     * Pages through the search; the service sorts (newest first) and filters, the table only shows. Past
     * {@link org.billing.invoicing.invoice.InvoiceListQuery#TOTAL_BOUND} matches the total is not counted:
     * the table then counts the pages it has seen, plus one more while there is a next.
     */
    private final class SearchModel extends LazyDataModel<InvoiceView> {

        private static final long serialVersionUID = 1L;

        private final Map<String, InvoiceView> seen = new HashMap<>();

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return Math.toIntExact(invoices.search(filter(), 0, 1).total());
        }

        @Override
        public List<InvoiceView> load(
                int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            InvoicePage page = invoices.search(filter(), first / pageSize, pageSize);
            totalExact = page.totalIsExact();
            long rows = page.totalIsExact()
                    ? page.total()
                    : Math.max(page.total(), first + page.items().size() + (page.nextCursor() == null ? 0 : pageSize));
            setRowCount(Math.toIntExact(rows));
            page.items().forEach(invoice -> seen.put(getRowKey(invoice), invoice));
            return page.items();
        }

        @Override
        public String getRowKey(InvoiceView invoice) {
            return String.valueOf(invoice.id());
        }

        /** A row ticked on a page seen in this view, when the selection is posted. */
        @Override
        public InvoiceView getRowData(String rowKey) {
            return seen.get(rowKey);
        }
    }

    /**
     * Approves the ticked invoices, each in a transaction of its own: those refused (approved meanwhile by
     * someone else, no longer Pending, deleted) are listed with the reason, and the others are approved all
     * the same.
     */
    public void approveSelected() {
        if (!Access.permits(Action.APPROVE, "approve invoices")) {
            return;
        }
        if (selection.isEmpty()) {
            Messages.error(null, "Tick the invoices to approve first.");
            return;
        }
        approvalResults =
                approvals.approveAll(selection.stream().map(InvoiceView::id).toList());
        long approved =
                approvalResults.stream().filter(BulkApproval.Result::approved).count();
        long refused = approvalResults.size() - approved;
        String summary = "Approved " + approved + " of " + approvalResults.size()
                + (approvalResults.size() == 1 ? " invoice" : " invoices")
                + (refused == 0
                        ? "."
                        : "; " + refused + " not approved, listed with the reason below the list's actions.");
        if (refused == 0) {
            Messages.info(summary);
        } else {
            Messages.error(null, summary);
        }
        selection = new ArrayList<>();
    }

    public List<BulkApproval.Result> getApproved() {
        return approvalResults.stream().filter(BulkApproval.Result::approved).toList();
    }

    public List<BulkApproval.Result> getRefused() {
        return approvalResults.stream().filter(result -> !result.approved()).toList();
    }

    /**
     * The ticked invoices' PDFs as one zip, written to the response as it is made: one invoice's document in
     * memory at a time. An invoice without a PDF (Pending, its document not made yet or failed, no template)
     * is named in the zip's {@code missing.txt} with the reason, so that nothing is left out silently.
     */
    public void downloadSelected() throws IOException {
        if (selection.isEmpty()) {
            Messages.error(null, "Tick the invoices whose PDFs to download first.");
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType("application/zip");
        external.setResponseHeader("Content-Disposition", Downloads.contentDisposition("attachment", "invoices.zip"));
        StringBuilder missing = new StringBuilder();
        Set<String> names = new HashSet<>();
        try (ZipOutputStream zip = new ZipOutputStream(external.getResponseOutputStream())) {
            for (InvoiceView invoice : selection) {
                Optional<InvoiceDocument> document = documents.documentOf(invoice.id());
                if (document.isPresent() && document.get().pdf() != null) {
                    String name = document.get().pdfFileName();
                    zip.putNextEntry(new ZipEntry(names.add(name) ? name : invoice.id() + "-" + name));
                    zip.write(document.get().pdf());
                    zip.closeEntry();
                } else {
                    missing.append(name(invoice))
                            .append(": ")
                            .append(whyNoPdf(invoice.id()))
                            .append('\n');
                }
            }
            if (!missing.isEmpty()) {
                zip.putNextEntry(new ZipEntry("missing.txt"));
                zip.write(("These invoices have no PDF in this file:\n" + missing).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        faces.responseComplete();
    }

    private static String name(InvoiceView invoice) {
        return invoice.number() == null
                ? "Invoice " + invoice.id()
                : "Invoice " + invoice.number() + " (" + invoice.id() + ")";
    }

    /** Why an invoice has no PDF to download, in words. */
    private String whyNoPdf(long id) {
        Optional<InvoiceView> now = invoices.find(id);
        if (now.isEmpty()) {
            return "it was deleted.";
        }
        if (now.get().pending()) {
            return "it is Pending; its PDF is made when it is approved (its draft is on its page).";
        }
        try {
            return documents
                    .status(id)
                    .map(document -> document.failure() != null
                            ? "its document failed: " + document.failure()
                            : "its document is being made; download it again in a moment.")
                    .orElse("its account had no template when it was issued, and there was no default.");
        } catch (RuntimeException e) {
            return Refusals.refusal(e).getMessage();
        }
    }

    public List<InvoiceView> getSelection() {
        return selection;
    }

    public void setSelection(List<InvoiceView> selection) {
        this.selection = selection == null ? new ArrayList<>() : new ArrayList<>(selection);
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

    public String getProblem() {
        return problem;
    }

    /** A choice of the filter; anything else (a link edited by hand) shows every invoice. */
    public void setProblem(String problem) {
        this.problem = DOCUMENT_FAILED.equals(problem) || EMAIL_FAILED.equals(problem) ? problem : null;
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
