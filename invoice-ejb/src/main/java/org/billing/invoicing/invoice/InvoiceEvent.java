package org.billing.invoicing.invoice;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One line of an invoice's audit trail: who did what, and when. Written once, never changed. */
@Entity
@Table(name = "invoice_event")
public class InvoiceEvent {

    /** What happened to an invoice. */
    public enum Action {
        CREATED,
        APPROVED,
        CLOSED,
        CREDITED,
        DELETED,
        EMAIL_QUEUED,
        EMAIL_SENT,
        EMAIL_FAILED,
        /** An email went without the e-invoice its account chose: the invoice cannot be one (issue 12). */
        EINVOICE_NOT_ATTACHED
    }

    @Id
    @SequenceGenerator(name = "invoice_event_seq", sequenceName = "invoice_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invoice_event_seq")
    private Long id;

    @Column(name = "invoice_id", nullable = false, updatable = false)
    private long invoiceId;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Column(updatable = false)
    private String detail;

    protected InvoiceEvent() {}

    public InvoiceEvent(long invoiceId, Action action, String actor, Instant at, String detail) {
        this.invoiceId = invoiceId;
        this.action = action.name();
        this.actor = actor;
        this.at = at;
        this.detail = detail;
    }

    public InvoiceEventView view() {
        return new InvoiceEventView(id, invoiceId, action, actor, at, detail);
    }
}
