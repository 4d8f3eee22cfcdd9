package org.billing.invoicing.web;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import org.billing.invoicing.common.Action;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.document.DocumentService;
import org.billing.invoicing.document.InvoiceDocument;
import org.billing.invoicing.invoice.DetailTable;
import org.billing.invoicing.invoice.DriftView;
import org.billing.invoicing.invoice.InvoiceEventView;
import org.billing.invoicing.invoice.InvoiceKind;
import org.billing.invoicing.invoice.InvoiceService;
import org.billing.invoicing.invoice.InvoiceView;
import org.billing.invoicing.invoice.PrepayTable;
import org.billing.invoicing.mail.InvoiceDeliveries;
import org.billing.invoicing.mail.MailOutbox;

/**
 * invoice.xhtml?id=N: one stored invoice, the detail tables of its direction (and a prepay account's
 * charges, subscriptions and corrections), its history and emails; Delete or Approve while Pending,
 * Credit note and Resend email once issued.
 */
@Named
@ViewScoped
public class InvoiceDetail implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The reason input of the credit note dialog, where a refusal of the reason is shown. */
    private static final String REASON_INPUT = "credit:reason";

    @EJB
    private InvoiceService invoices;

    @EJB
    private MailOutbox outbox;

    @EJB
    private DocumentService documents;

    private Long id;
    private InvoiceView invoice;
    private final Map<DetailTable, List<?>> rows = new EnumMap<>(DetailTable.class);
    private final Map<PrepayTable, List<?>> prepayRows = new EnumMap<>(PrepayTable.class);
    private List<InvoiceEventView> history;
    private InvoiceDeliveries deliveries;
    private String creditReason;
    /** Read once per view and after an action; never serialized with the view (it is read again). */
    private transient InvoiceDocument document;
    /** The last drift check of an issued invoice (issue 13), read once per view and after a check. */
    private DriftView drift;

    private boolean driftRead;
    private String supplementedNumber;

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

    /**
     * Whether the invoice shows the Charges, Subscriptions and Corrections groups of seed 002: a customer
     * invoice (not a credit note) of an account that was prepay when it was made.
     */
    public boolean isPrepay() {
        return invoice != null && !isCreditNote() && PrepayTable.belongTo(invoice.direction(), invoice.paymentModel());
    }

    /** The rows of one of the prepay groups ({@code INV_CHARGES_TABLE}, ...), read once per view. */
    public List<?> prepayRows(String table) {
        return prepayRows.computeIfAbsent(PrepayTable.valueOf(table), t -> invoices.table(invoice.id(), t));
    }

    /** What happened to the invoice, oldest first; read once per view and again after an action. */
    public List<InvoiceEventView> getHistory() {
        if (history == null) {
            history = invoices.history(invoice.id());
        }
        return history;
    }

    /** The invoice's emails and their overall status; read once per view and again after an action. */
    public InvoiceDeliveries getDeliveries() {
        if (deliveries == null) {
            deliveries = outbox.deliveries(invoice.id());
        }
        return deliveries;
    }

    /**
     * What is known of the issued invoice's document (without its bytes): null when none is asked for;
     * read once per request.
     */
    public InvoiceDocument getDocument() {
        if (document == null && invoice != null && !isPending()) {
            document = documents.status(invoice.id()).orElse(null);
        }
        return document;
    }

    /** An operator's retry of an issued invoice's document that failed or was never made. */
    public void makeDocument() {
        if (!Access.permits(Action.RENDER_DOCUMENT, "make invoice documents")) {
            return;
        }
        try {
            document = documents.renderNow(invoice.id()).orElse(null);
        } catch (RuntimeException e) {
            Messages.error(null, Refusals.refusal(e).getMessage());
            return;
        }
        history = null;
        if (document != null && document.status() == InvoiceDocument.Status.READY) {
            Messages.info("The document of invoice " + invoice.number() + " is made.");
        } else {
            Messages.error(
                    null,
                    "The document of invoice " + invoice.number() + " could not be made"
                            + (document == null || document.failure() == null ? "." : ": " + document.failure()));
        }
    }

    public boolean isPending() {
        return invoice != null && invoice.pending();
    }

    public boolean isSupplementary() {
        return invoice != null && invoice.kind() == InvoiceKind.SUPPLEMENTARY;
    }

    /** An issued invoice (not a credit note or a supplementary invoice) that no credit note reverses: it may drift. */
    public boolean isDriftCheckable() {
        return invoice != null && invoice.driftCheckable();
    }

    /** The invoice's last drift check, or null when it was never checked (or cannot drift). */
    public DriftView getDrift() {
        if (!driftRead && isDriftCheckable()) {
            drift = invoices.findDrift(invoice.id()).orElse(null);
            driftRead = true;
        }
        return drift;
    }

    /** Drifted upwards with no supplementary invoice Pending: an operator may bill the difference. */
    public boolean isSupplementable() {
        DriftView last = getDrift();
        return last != null
                && last.drifted()
                && last.amountDifference().signum() >= 0
                && last.pendingSupplementaryId() == null;
    }

    /** Drifted downwards: a credit note and a corrected invoice settle it. */
    public boolean isDriftDecrease() {
        DriftView last = getDrift();
        return last != null && last.drifted() && last.amountDifference().signum() < 0;
    }

    /** The number of the invoice a supplementary invoice bills the difference of. */
    public String getSupplementedNumber() {
        if (supplementedNumber == null && isSupplementary()) {
            supplementedNumber = invoices.find(invoice.supplementedInvoiceId())
                    .map(InvoiceView::number)
                    .orElse("#" + invoice.supplementedInvoiceId());
        }
        return supplementedNumber;
    }

    /** An operator checks the drift now: the period recalculated and compared with what was issued. */
    public void checkDrift() {
        if (!Access.permits(Action.SETTLE_DRIFT, "check invoices for drift")) {
            return;
        }
        try {
            drift = invoices.checkDrift(invoice.id());
            driftRead = true;
        } catch (RuntimeException e) {
            Messages.error(null, Refusals.refusal(e).getMessage());
            return;
        }
        Messages.info(
                drift.drifted()
                        ? "The period of invoice " + invoice.number() + " changed since it was issued."
                        : "The period of invoice " + invoice.number() + " gives what was issued: no drift.");
    }

    /** Creates the supplementary invoice of the difference and opens it. */
    public String createSupplementary() {
        if (!Access.permits(Action.SETTLE_DRIFT, "create supplementary invoices")) {
            return null;
        }
        InvoiceView supplementary;
        try {
            supplementary = invoices.supplement(invoice.id());
        } catch (RuntimeException e) {
            Messages.error(null, Refusals.refusal(e).getMessage());
            driftRead = false;
            return null;
        }
        Messages.infoAfterRedirect("Supplementary invoice " + supplementary.id() + " bills the difference of invoice "
                + invoice.number() + (supplementary.number() == null ? "; approve it to issue it." : "."));
        return "invoice?faces-redirect=true&id=" + supplementary.id();
    }

    /** Credits the invoice (and its supplementary invoices) and opens the corrected invoice made at once. */
    public String correct() {
        if (!Access.permits(Action.SETTLE_DRIFT, "correct invoices")) {
            return null;
        }
        InvoiceView corrected;
        try {
            corrected = invoices.correct(invoice.id(), creditReason);
        } catch (RuntimeException e) {
            InvoicingException refusal = Refusals.refusal(e);
            Messages.error(
                    "reason".equals(refusal.field()) ? "correction:correctionReason" : null, refusal.getMessage());
            return null;
        }
        Messages.infoAfterRedirect("Invoice " + invoice.number() + " is credited; invoice " + corrected.id()
                + " corrects it for the same period.");
        return "invoice?faces-redirect=true&id=" + corrected.id();
    }

    public boolean isCreditNote() {
        return invoice != null && invoice.kind() == InvoiceKind.CREDIT_NOTE;
    }

    /** An issued invoice that no credit note reverses yet; a credit note itself is never credited. */
    public boolean isCreditable() {
        return invoice != null && invoice.creditable();
    }

    public String delete() {
        if (!Access.permits(Action.DELETE, "delete invoices")) {
            return null;
        }
        try {
            invoices.delete(invoice.id());
        } catch (RuntimeException e) {
            Messages.error(null, Refusals.refusal(e).getMessage());
            return null;
        }
        Messages.infoAfterRedirect("Invoice " + invoice.id() + " was deleted.");
        return "invoices?faces-redirect=true";
    }

    public void approve() {
        if (!Access.permits(Action.APPROVE, "approve invoices")) {
            return;
        }
        try {
            invoice = invoices.approve(invoice.id());
        } catch (RuntimeException e) {
            Messages.error(null, Refusals.refusal(e).getMessage());
            return;
        }
        forgetActivity();
        Messages.info("Invoice " + invoice.id() + " is approved with number " + invoice.number() + ".");
    }

    /** Issues the credit note and shows the credited invoice again, now with its link to the note. */
    public String credit() {
        if (!Access.permits(Action.CREDIT, "issue credit notes")) {
            return null;
        }
        InvoiceView note;
        try {
            note = invoices.credit(invoice.id(), creditReason);
        } catch (RuntimeException e) {
            InvoicingException refusal = Refusals.refusal(e);
            Messages.error("reason".equals(refusal.field()) ? REASON_INPUT : null, refusal.getMessage());
            return null;
        }
        Messages.infoAfterRedirect("Credit note " + note.number() + " reverses invoice " + invoice.number() + ".");
        return "invoice?faces-redirect=true&id=" + invoice.id();
    }

    public void resend() {
        if (!Access.permits(Action.RESEND_EMAIL, "send invoices")) {
            return;
        }
        try {
            deliveries = outbox.resend(invoice.id());
        } catch (RuntimeException e) {
            Messages.error(null, Refusals.refusal(e).getMessage());
            return;
        }
        history = null;
        Messages.info("The email of invoice " + invoice.number() + " is queued again.");
    }

    private void forgetActivity() {
        history = null;
        deliveries = null;
        document = null;
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

    public String getCreditReason() {
        return creditReason;
    }

    public void setCreditReason(String creditReason) {
        this.creditReason = creditReason;
    }
}
