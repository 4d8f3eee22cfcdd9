package org.billing.invoicing.mail;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.invoice.EInvoiceAttachment;
import org.billing.invoicing.invoice.Invoice;
import org.billing.invoicing.invoice.InvoiceEvent;
import org.billing.invoicing.invoice.InvoiceEvent.Action;
import org.billing.invoicing.invoice.InvoiceLifecycleEvent;
import org.billing.invoicing.mail.InvoiceAttachments.Attachment;
import org.billing.invoicing.mail.MailTemplates.RenderedMail;
import org.billing.invoicing.platform.Account;
import org.billing.invoicing.settings.AccountInvoiceSettings;
import org.billing.invoicing.settings.InvoiceSettingsService;

/**
 * The emails of issued invoices (seed 000: an approved invoice "is sent to the contragent's email
 * configured in account settings"), kept in a transactional outbox: the messages are queued inside
 * the transaction that issues the invoice, so a rolled-back approval queues nothing and a committed
 * one is never without its messages. {@link MailSender} delivers them after the commit; the short
 * transactions it needs are here.
 */
@Stateless
public class MailOutbox {

    private static final Logger LOG = Logger.getLogger(MailOutbox.class.getName());

    /** How long an email waits for its invoice's document before it leaves without it. */
    static final Duration DOCUMENT_WAIT = Duration.ofMinutes(10);

    private static final Duration DOCUMENT_POLL = Duration.ofSeconds(5);

    static final String SYSTEM = "system";
    static final String ISSUED = "ISSUED";
    static final String RESEND = "RESEND";

    @PersistenceContext(unitName = "invoicing")
    private EntityManager em;

    @Resource
    private SessionContext session;

    @Inject
    private Clock clock;

    @Inject
    private MailSettings settings;

    @Inject
    private InvoiceSettingsService invoiceSettings;

    @Inject
    private InvoiceAttachments attachments;

    @Inject
    private Event<MailQueued> queued;

    /** How often the attachments past their retention are looked for (the statement reads the outbox). */
    private static final Duration FORGET_EVERY = Duration.ofHours(1);

    private static final AtomicReference<Instant> LAST_FORGETTING = new AtomicReference<>();

    private final OutboxStore store = new OutboxStore();

    /**
     * Queues one message per recipient of the account's settings for the invoice's direction, inside
     * the approving (or closing, or crediting) transaction. No recipients: nothing is queued, and the
     * delivery status says so.
     */
    public void queueIssued(
            @Observes(during = TransactionPhase.IN_PROGRESS) InvoiceLifecycleEvent.InvoiceApproved issued) {
        Invoice invoice = em.find(Invoice.class, issued.invoiceId());
        queue(invoice, ISSUED, invoice.getIssuedBy(), Set.of());
    }

    /**
     * Queues the invoice's messages again, to the recipients configured now. A recipient whose
     * message is still on its way is not queued twice.
     */
    public InvoiceDeliveries resend(long invoiceId) {
        // The lock makes two resends at once queue one message per recipient, not two.
        Invoice invoice = em.find(Invoice.class, invoiceId, LockModeType.PESSIMISTIC_WRITE);
        if (invoice == null) {
            throw notFound(invoiceId);
        }
        if (!invoice.isIssued()) {
            throw new InvoicingException(
                    ErrorCode.INVOICE_NOT_ISSUED,
                    "Invoice " + invoiceId + " is Pending; it is emailed when it is approved.");
        }
        int recipients = queue(invoice, RESEND, session.getCallerPrincipal().getName(), onTheirWay(invoiceId));
        if (recipients == 0) {
            throw new InvoicingException(
                    ErrorCode.NO_RECIPIENTS,
                    "Account " + invoice.getAccountId() + " has no recipients for its " + invoice.getDirection()
                            + " invoices; set them in its invoice settings.");
        }
        return deliveries(invoice);
    }

    /** The messages of an invoice and its delivery status. */
    public InvoiceDeliveries deliveries(long invoiceId) {
        Invoice invoice = em.find(Invoice.class, invoiceId);
        if (invoice == null) {
            throw notFound(invoiceId);
        }
        return deliveries(invoice);
    }

    /** Claims the next due message for the sender, in a transaction of its own; empty when none is due. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<OutgoingMail> claimNext() {
        Instant now = clock.instant();
        try {
            return store.claimDue(connection(), now, now.plus(settings.lease()), 1);
        } catch (SQLException e) {
            throw new PersistenceException("Could not claim due invoice emails", e);
        }
    }

    /**
     * The message as it leaves, with its invoice's document once that is made; empty when it waits a
     * little for a document being made (at most {@link #DOCUMENT_WAIT} after it was queued, then it
     * leaves without). Waiting is not an attempt.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<OutgoingMail> readyToSend(OutgoingMail mail) {
        return withDocument(mail).map(this::withEInvoice);
    }

    private Optional<OutgoingMail> withDocument(OutgoingMail mail) {
        if (mail.hasAttachment()) {
            return Optional.of(mail);
        }
        Instant now = clock.instant();
        try {
            Optional<Attachment> document = mail.einvoiceAttachment() == EInvoiceAttachment.FACTUR_X
                    ? facturX(mail, now)
                    : attachments.attachmentOf(mail.invoiceId());
            if (document.isPresent()) {
                OutgoingMail withDocument = mail.with(document.get());
                store.attach(connection(), withDocument);
                return Optional.of(withDocument);
            }
            if (attachments.isComing(mail.invoiceId())
                    && now.isBefore(mail.queuedAt().plus(DOCUMENT_WAIT))) {
                store.postpone(connection(), mail, now.plus(DOCUMENT_POLL));
                return Optional.empty();
            }
        } catch (SQLException e) {
            throw new PersistenceException("Could not attach the document of message " + mail.id(), e);
        }
        return Optional.of(mail);
    }

    /**
     * The document as Factur-X; the plain PDF when the invoice cannot be an e-invoice, which the invoice's
     * history says (the email still goes: the PDF is the invoice).
     */
    private Optional<Attachment> facturX(OutgoingMail mail, Instant now) {
        try {
            return attachments.facturXOf(mail.invoiceId());
        } catch (InvoicingException e) {
            notAttached(mail, "Factur-X", e, now);
            return attachments.attachmentOf(mail.invoiceId());
        }
    }

    /** The e-invoice's XML beside the document (UBL or CII), made as the message leaves, never stored. */
    private OutgoingMail withEInvoice(OutgoingMail mail) {
        EInvoiceAttachment syntax = mail.einvoiceAttachment();
        if (syntax != EInvoiceAttachment.UBL && syntax != EInvoiceAttachment.CII) {
            return mail;
        }
        try {
            return attachments
                    .einvoiceOf(mail.invoiceId(), syntax)
                    .map(mail::with)
                    .orElse(mail);
        } catch (InvoicingException e) {
            notAttached(mail, syntax.name(), e, clock.instant());
            return mail;
        }
    }

    /** Said once per message, on its first attempt, in the invoice's history and the log. */
    private void notAttached(OutgoingMail mail, String what, InvoicingException e, Instant now) {
        LOG.warning(
                () -> "Invoice email " + mail.id() + " goes without its e-invoice (" + what + "): " + e.getMessage());
        if (mail.attempts() <= 1) {
            record(
                    mail.invoiceId(),
                    Action.EINVOICE_NOT_ATTACHED,
                    now,
                    "To " + mail.recipient() + " (message " + mail.id() + "), without " + what + ": " + e.getMessage());
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void sent(OutgoingMail mail) {
        Instant now = clock.instant();
        try {
            if (store.markSent(connection(), mail, now)) {
                record(
                        mail.invoiceId(),
                        Action.EMAIL_SENT,
                        now,
                        "To " + mail.recipient() + " (message " + mail.id() + ", attempt " + mail.attempts() + ")");
            }
        } catch (SQLException e) {
            throw new PersistenceException("Could not record that message " + mail.id() + " was sent", e);
        }
    }

    /** An attempt failed: retried after a growing delay, or given up after the last attempt or a permanent refusal. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void attemptFailed(OutgoingMail mail, String error, boolean permanent) {
        Instant now = clock.instant();
        boolean last = permanent || mail.attempts() >= settings.maxAttempts();
        Instant retryAt = last ? null : now.plus(settings.retryDelayAfter(mail.attempts()));
        try {
            if (store.markAttemptFailed(connection(), mail, error, retryAt) && last) {
                record(
                        mail.invoiceId(),
                        Action.EMAIL_FAILED,
                        now,
                        "To " + mail.recipient() + " (message " + mail.id() + ") after " + mail.attempts()
                                + (mail.attempts() == 1 ? " attempt: " : " attempts: ") + error);
            }
        } catch (SQLException e) {
            throw new PersistenceException("Could not record the failed attempt at message " + mail.id(), e);
        }
    }

    /**
     * Drops the attachments of messages sent (or given up) longer than the retention ago, at most once
     * an hour: the outbox does not keep a copy of every invoice for ever.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int forgetOldAttachments() {
        Instant now = clock.instant();
        Instant last = LAST_FORGETTING.get();
        if (last != null && last.plus(FORGET_EVERY).isAfter(now) || !LAST_FORGETTING.compareAndSet(last, now)) {
            return 0;
        }
        try {
            return store.forgetAttachments(connection(), now.minus(settings.attachmentRetention()));
        } catch (SQLException e) {
            throw new PersistenceException("Could not drop the attachments of sent invoice emails", e);
        }
    }

    /** Gives up the messages whose sender stopped while sending; see {@link OutboxStore#failAbandoned}. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int failAbandoned() {
        Instant now = clock.instant();
        try {
            List<OutboxStore.AbandonedRow> abandoned = store.failAbandoned(connection(), now);
            for (OutboxStore.AbandonedRow row : abandoned) {
                record(
                        row.invoiceId(),
                        Action.EMAIL_FAILED,
                        now,
                        "To " + row.message().recipient() + " (message "
                                + row.message().id() + "): " + OutboxStore.ABANDONED);
            }
            return abandoned.size();
        } catch (SQLException e) {
            throw new PersistenceException("Could not give up abandoned invoice emails", e);
        }
    }

    private int queue(Invoice invoice, String cause, String requestedBy, Set<String> skipped) {
        Account account = em.find(Account.class, invoice.getAccountId());
        AccountInvoiceSettings accountSettings =
                invoiceSettings.accountSettings(account.getId(), invoice.getDirection());
        List<String> recipients = accountSettings.recipients();
        String callsName =
                accountSettings.attachCalls() ? CallsAttachment.fileName(invoice.getNumber(), invoice.getId()) : null;
        if (recipients.isEmpty()) {
            return 0;
        }
        RenderedMail mail = settings.templates().render(InvoiceMailFacts.of(invoice, account));
        Attachment attachment = null;
        Instant now = clock.instant();
        int count = 0;
        try {
            Connection connection = connection();
            for (String recipient : recipients) {
                if (skipped.contains(recipient)) {
                    continue;
                }
                long id = store.queue(
                        connection,
                        invoice.getId(),
                        cause,
                        requestedBy,
                        recipient,
                        mail,
                        attachment,
                        callsName,
                        accountSettings.einvoiceAttachment(),
                        now);
                record(
                        invoice.getId(),
                        Action.EMAIL_QUEUED,
                        requestedBy,
                        now,
                        "To " + recipient + " (message " + id + ")");
                count++;
            }
        } catch (SQLException e) {
            throw new PersistenceException("Could not queue the emails of invoice " + invoice.getId(), e);
        }
        if (count > 0) {
            queued.fire(new MailQueued(invoice.getId(), count));
        }
        return recipients.size();
    }

    private Set<String> onTheirWay(long invoiceId) {
        try {
            return store.recipientsOnTheirWay(connection(), invoiceId);
        } catch (SQLException e) {
            throw new PersistenceException("Could not read the emails of invoice " + invoiceId, e);
        }
    }

    private InvoiceDeliveries deliveries(Invoice invoice) {
        try {
            List<MailDelivery> messages = store.deliveries(connection(), invoice.getId());
            return new InvoiceDeliveries(invoice.getId(), DeliveryStatus.of(invoice.isIssued(), messages), messages);
        } catch (SQLException e) {
            throw new PersistenceException("Could not read the emails of invoice " + invoice.getId(), e);
        }
    }

    private void record(long invoiceId, Action action, Instant at, String detail) {
        record(invoiceId, action, SYSTEM, at, detail);
    }

    private void record(long invoiceId, Action action, String actor, Instant at, String detail) {
        em.persist(new InvoiceEvent(invoiceId, action, actor, at, detail));
    }

    private Connection connection() {
        return em.unwrap(Connection.class);
    }

    private static InvoicingException notFound(long id) {
        return new InvoicingException(ErrorCode.INVOICE_NOT_FOUND, "There is no invoice " + id + ".");
    }
}
