package org.billing.invoicing.invoice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.numbering.IssuedNumber;
import org.billing.invoicing.period.BillingPeriod;
import org.billing.invoicing.platform.Account;
import org.billing.invoicing.platform.PaymentModel;
import org.billing.invoicing.tax.LegalTotals;

/**
 * An invoice of one account and one direction for one billing period (seed 000). Its figures are
 * fixed when it is made; the detail tables are stored beside it (see {@link DetailTable}). No setter
 * changes it: what happens to an invoice is said by intention-named methods.
 */
@Entity
@Table(name = "invoice")
public class Invoice {

    @Id
    @SequenceGenerator(name = "invoice_seq", sequenceName = "invoice_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invoice_seq")
    private Long id;

    @Column(name = "contractor_id", nullable = false, updatable = false)
    private long contractorId;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Direction direction;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InvoiceState state;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private InvoiceType type;
    /** The account's payment model when the invoice was made: the platform may change it later. */
    @Enumerated(EnumType.STRING)
    @Column(name = "payment_model", nullable = false, updatable = false)
    private PaymentModel paymentModel;

    @Column(name = "start_at", nullable = false, updatable = false)
    private Instant startAt;

    @Column(name = "end_at", nullable = false, updatable = false)
    private Instant endAt;

    @Column(name = "time_zone", nullable = false, updatable = false)
    private String timeZone;

    @Column(name = "first_day", nullable = false, updatable = false)
    private LocalDate firstDay;

    @Column(name = "last_day", nullable = false, updatable = false)
    private LocalDate lastDay;

    /** Its amount and the totals of each section, fixed when it is made. */
    @Embedded
    private InvoiceTotals totals;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", updatable = false)
    private String createdBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private InvoiceKind kind = InvoiceKind.INVOICE;

    private String number;

    @Column(name = "series_id")
    private Long seriesId;

    @Column(name = "issued_at")
    private Instant issuedAt;

    @Column(name = "issued_by")
    private String issuedBy;

    @Column(name = "credited_invoice_id", updatable = false)
    private Long creditedInvoiceId;

    @Column(name = "credit_reason", updatable = false)
    private String creditReason;
    /** The issued invoice a supplementary invoice bills the difference of; null for any other. */
    @Column(name = "supplemented_invoice_id", updatable = false)
    private Long supplementedInvoiceId;
    /** The seller, buyer, currency, treatment and legal totals copied at creation (issue 12); see {@link InvoiceLegal}. */
    @Embedded
    private InvoiceLegal legal;

    protected Invoice() {}

    private Invoice(
            Account account,
            Direction direction,
            InvoiceType type,
            BillingPeriod period,
            InvoiceFigures figures,
            InvoiceLegal legal,
            Instant createdAt,
            String createdBy) {
        if (figures.direction() != direction) {
            throw new IllegalArgumentException(
                    "Figures of a " + figures.direction() + " invoice given for " + direction);
        }
        if (!figures.prepay().isEmpty() && !PrepayTable.belongTo(direction, account.getPaymentModel())) {
            throw new IllegalArgumentException("Charges and corrections belong to a prepay account's customer invoice");
        }
        this.contractorId = account.getContractor().getId();
        this.accountId = account.getId();
        this.direction = direction;
        this.paymentModel = account.getPaymentModel();
        this.type = type;
        this.state = InvoiceState.PENDING;
        this.startAt = period.start();
        this.endAt = period.end();
        this.timeZone = period.zone().getId();
        this.firstDay = period.firstDay();
        this.lastDay = period.lastDay();
        this.createdAt = Objects.requireNonNull(createdAt);
        this.createdBy = createdBy;
        this.legal = Objects.requireNonNull(legal, "legal");
        this.totals = figures.totals();
    }

    /**
     * A new invoice, Pending: Manual for a period an operator or an integration chose, Auto or Auto
     * partial for a period of the account's automatic invoicing. {@code legal}: the parties and legal
     * totals it copies ({@link InvoiceLegal#frozen}).
     */
    public static Invoice create(
            Account account,
            Direction direction,
            InvoiceType type,
            BillingPeriod period,
            InvoiceFigures figures,
            InvoiceLegal legal,
            Instant createdAt,
            String createdBy) {
        return new Invoice(account, direction, type, period, figures, legal, createdAt, createdBy);
    }

    /**
     * The credit note that reverses an issued invoice whole: the same period and counts, every amount
     * negated, the parties the original names and its legal totals reversed ({@code reversedTotals}: those
     * of the original, negated; null for an invoice made before they were kept). It is issued at once
     * ({@link #issue}); the original is never touched.
     */
    public static Invoice creditNoteOf(
            Invoice original, String reason, LegalTotals reversedTotals, Instant createdAt, String createdBy) {
        if (!original.isIssued()) {
            throw new InvoicingException(
                    ErrorCode.INVOICE_NOT_ISSUED,
                    "Invoice " + original.id + " is " + original.state
                            + "; a Pending invoice is corrected by recalculating or deleting it.");
        }
        if (original.kind == InvoiceKind.CREDIT_NOTE) {
            throw new InvoicingException(
                    ErrorCode.CREDIT_NOTE_NOT_CREDITABLE, "Invoice " + original.id + " is itself a credit note.");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvoicingException(
                    ErrorCode.VALIDATION_FAILED, "reason", "A credit note says why: the reason is required.");
        }
        Invoice note = new Invoice();
        note.kind = InvoiceKind.CREDIT_NOTE;
        note.creditedInvoiceId = original.id;
        note.creditReason = reason.trim();
        note.contractorId = original.contractorId;
        note.accountId = original.accountId;
        note.direction = original.direction;
        note.paymentModel = original.paymentModel;
        note.type = original.type;
        note.state = InvoiceState.PENDING;
        note.startAt = original.startAt;
        note.endAt = original.endAt;
        note.timeZone = original.timeZone;
        note.firstDay = original.firstDay;
        note.lastDay = original.lastDay;
        note.totals = original.totals.negate();
        note.createdAt = createdAt;
        note.createdBy = createdBy;
        note.legal = original.legal == null
                ? null
                : original.legal.reversed(
                        reversedTotals, createdAt.atZone(note.zone()).toLocalDate());
        return note;
    }

    /**
     * A supplementary invoice of an issued invoice (issue 13): Pending, of the same account, direction,
     * type and period, its figures the difference between the period now and what was issued for it
     * ({@code difference}, now minus then, with only the rows that changed). The original is never
     * touched. Only an increase is billed this way: a decrease is corrected by a credit note of the
     * original and a corrected invoice.
     */
    public static Invoice supplementaryOf(
            Invoice original, InvoiceTally difference, InvoiceLegal legal, Instant createdAt, String createdBy) {
        if (!original.isIssued()) {
            throw new InvoicingException(
                    ErrorCode.INVOICE_NOT_ISSUED,
                    "Invoice " + original.id + " is " + original.state
                            + "; a Pending invoice is recalculated, not supplemented.");
        }
        if (original.kind != InvoiceKind.INVOICE) {
            throw new InvoicingException(
                    ErrorCode.INVOICE_NOT_SUPPLEMENTABLE,
                    "Invoice " + original.id + " is a "
                            + (original.kind == InvoiceKind.CREDIT_NOTE ? "credit note" : "supplementary invoice")
                            + "; the invoice it refers to is checked and supplemented.");
        }
        if (difference.direction() != original.direction) {
            throw new IllegalArgumentException(
                    "A " + difference.direction() + " difference for a " + original.direction + " invoice");
        }
        if (difference.isZero()) {
            throw new InvoicingException(
                    ErrorCode.NO_DRIFT,
                    "Invoice " + original.id + " has not drifted: its period gives what was issued.");
        }
        if (difference.amount().signum() < 0) {
            throw new InvoicingException(
                    ErrorCode.DRIFT_IS_DECREASE,
                    "The period of invoice " + original.id
                            + " now totals " + difference.amount().negate().toPlainString()
                            + " less than was issued: credit"
                            + " the invoice and create the corrected invoice for its period (POST /invoices/"
                            + original.id
                            + "/correction does both).");
        }
        Invoice supplementary = new Invoice();
        supplementary.kind = InvoiceKind.SUPPLEMENTARY;
        supplementary.supplementedInvoiceId = original.id;
        supplementary.contractorId = original.contractorId;
        supplementary.accountId = original.accountId;
        supplementary.direction = original.direction;
        supplementary.paymentModel = original.paymentModel;
        supplementary.type = original.type;
        supplementary.state = InvoiceState.PENDING;
        supplementary.startAt = original.startAt;
        supplementary.endAt = original.endAt;
        supplementary.timeZone = original.timeZone;
        supplementary.firstDay = original.firstDay;
        supplementary.lastDay = original.lastDay;
        supplementary.createdAt = Objects.requireNonNull(createdAt);
        supplementary.createdBy = createdBy;
        supplementary.legal = Objects.requireNonNull(legal, "legal");
        supplementary.totals = difference.totals();
        return supplementary;
    }

    /**
     * Issues the invoice with its number: Approved by an operator, or Closed at creation for a prepay
     * account (seed 002). From then on it never changes.
     */
    public void issue(InvoiceState issuedState, IssuedNumber issuedNumber, Instant at, String by) {
        if (issuedState == InvoiceState.PENDING) {
            throw new IllegalArgumentException("Issuing makes an invoice Approved or Closed");
        }
        if (isIssued()) {
            throw new InvoicingException(
                    ErrorCode.INVOICE_ALREADY_ISSUED,
                    "Invoice " + id + " is already " + state + " with number " + number + ".");
        }
        this.state = issuedState;
        this.number = issuedNumber.number();
        this.seriesId = issuedNumber.seriesId();
        this.issuedAt = at;
        this.issuedBy = by;
    }

    /** A prepay account's invoice is made after its period and closed right away (seed 002). */
    public static InvoiceState stateOnCreation(Account account) {
        return account.getPaymentModel() == PaymentModel.PREPAY ? InvoiceState.CLOSED : InvoiceState.PENDING;
    }

    /**
     * Whether it is closed and numbered as soon as it is made, by the payment model it was made with:
     * a prepay account's invoice (seed 002).
     */
    public boolean closesOnCreation() {
        return paymentModel == PaymentModel.PREPAY;
    }

    /** Refuses unless it is Pending: an issued invoice is never deleted, it is credited. */
    public void requireDeletable() {
        if (isIssued()) {
            throw new InvoicingException(
                    ErrorCode.INVOICE_NOT_PENDING,
                    "Invoice " + id + " is " + state
                            + "; only a Pending invoice can be deleted, an issued one is credited.");
        }
    }

    public boolean isIssued() {
        return state != InvoiceState.PENDING;
    }

    public boolean isPending() {
        return state == InvoiceState.PENDING;
    }

    public BillingPeriod period() {
        return new BillingPeriod(startAt, endAt, ZoneId.of(timeZone));
    }

    public Long getId() {
        return id;
    }

    public long getContractorId() {
        return contractorId;
    }

    public long getAccountId() {
        return accountId;
    }

    public Direction getDirection() {
        return direction;
    }

    public InvoiceState getState() {
        return state;
    }

    public InvoiceType getType() {
        return type;
    }

    public PaymentModel getPaymentModel() {
        return paymentModel;
    }

    /** Whether the invoice has charges, subscriptions and corrections (seed 002). */
    public boolean hasPrepayDetails() {
        return kind == InvoiceKind.INVOICE && PrepayTable.belongTo(direction, paymentModel);
    }

    public LocalDate getFirstDay() {
        return firstDay;
    }

    public LocalDate getLastDay() {
        return lastDay;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** Its amount and section totals. */
    public InvoiceTotals totals() {
        return totals;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public InvoiceKind getKind() {
        return kind;
    }

    public String getNumber() {
        return number;
    }

    public Long getSeriesId() {
        return seriesId;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public String getIssuedBy() {
        return issuedBy;
    }

    public Long getCreditedInvoiceId() {
        return creditedInvoiceId;
    }

    public String getCreditReason() {
        return creditReason;
    }

    public Long getSupplementedInvoiceId() {
        return supplementedInvoiceId;
    }

    /** What the invoice copied at creation; null only for a credit note of an invoice made before V17. */
    public InvoiceLegal getLegal() {
        return legal;
    }

    /**
     * The account's name the invoice copied when it was made (V21); {@code account}'s now only for a row
     * written without it.
     */
    public String accountName(Account account) {
        return legal != null && legal.getAccountName() != null ? legal.getAccountName() : account.getName();
    }

    /** The buyer's name the invoice copied when it was made (V17); the contractor's now only for a row without it. */
    public String buyerName(Account account) {
        return legal != null && legal.getBuyerName() != null
                ? legal.getBuyerName()
                : account.getContractor().getName();
    }

    /** The currency the invoice copied when it was made (V17); the account's now only for a row without it. */
    public String currency(Account account) {
        return legal != null && legal.getCurrency() != null ? legal.getCurrency() : account.getCurrency();
    }

    /** Whether the invoice was made self-billed (V19); false for a row without what it copied. */
    public boolean selfBilled() {
        return legal != null && legal.isSelfBilled();
    }

    /** The local day the invoice was made, in the account's zone: its issue date for the due date. */
    public LocalDate creationDay() {
        return createdAt.atZone(zone()).toLocalDate();
    }
}
