package org.billing.invoicing.mail;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;

import org.billing.invoicing.invoice.InvoiceService;

/**
 * Delivers the queued invoice emails after their transaction committed, never inside it: a failed or
 * slow SMTP server neither undoes nor delays an approval. It runs every {@code poll-interval} and at
 * once when messages were queued (nudged after the commit, on a managed thread, so the approving
 * request does not wait). One sender at a time per server; several servers share the outbox safely,
 * since each message is claimed before it is sent.
 */
@Singleton
@Startup
@DependsOn("DatabaseStartup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class.getName());

    @Inject
    private MailSettings settings;

    @Inject
    private Clock clock;

    @EJB
    private MailOutbox outbox;

    @EJB
    private InvoiceService invoices;

    @Resource
    private TimerService timers;

    @Resource
    private ManagedExecutorService executor;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean asked = new AtomicBoolean();
    private volatile SmtpPostman postman;

    @PostConstruct
    void start() {
        if (!settings.enabled()) {
            LOG.warning("invoicing.mail.host is not set: invoice emails are queued but not sent until it is.");
            return;
        }
        postman = new SmtpPostman(settings);
        long interval = settings.pollInterval().toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig("Invoice emails", false));
        LOG.info(() -> "Invoice emails go through " + settings);
    }

    @Timeout
    void poll() {
        deliverDue();
    }

    /** Messages were queued and committed: deliver them now rather than at the next poll. */
    public void nudge(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailQueued queued) {
        if (postman != null) {
            executor.execute(this::deliverDue);
        }
    }

    /** Sends every due message, one claim at a time; a call while a round runs makes that round go on. */
    public void deliverDue() {
        if (postman == null) {
            return;
        }
        asked.set(true);
        while (asked.get() && running.compareAndSet(false, true)) {
            try {
                asked.set(false);
                outbox.failAbandoned();
                outbox.forgetOldAttachments();
                for (List<OutgoingMail> claimed = outbox.claimNext();
                        !claimed.isEmpty();
                        claimed = outbox.claimNext()) {
                    claimed.forEach(this::deliver);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Delivering invoice emails failed; trying again at the next poll", e);
                return;
            } finally {
                running.set(false);
            }
        }
    }

    private void deliver(OutgoingMail claimed) {
        Optional<OutgoingMail> ready = outbox.readyToSend(claimed);
        if (ready.isEmpty()) {
            return;
        }
        OutgoingMail mail = ready.get();
        java.nio.file.Path calls = null;
        try {
            OutgoingMail leaving = mail;
            if (mail.attachesCalls()) {
                calls = CallsAttachment.write(invoices, mail.invoiceId());
                if (!CallsAttachment.fits(calls)) {
                    // Over what an email may carry here: the message goes without the file and says so.
                    leaving = mail.withBodyNote(CallsAttachment.tooLarge(java.nio.file.Files.size(calls)));
                    CallsAttachment.delete(calls);
                    calls = null;
                }
            }
            postman.send(leaving, clock.instant(), calls);
        } catch (MessagingException | RuntimeException | java.io.IOException e) {
            String error = SmtpPostman.describe(e);
            LOG.warning(() -> "Invoice email " + mail.id() + " to " + mail.recipient() + ", attempt " + mail.attempts()
                    + ", failed: " + error);
            outbox.attemptFailed(
                    mail, error, e instanceof MessagingException refused && SmtpPostman.permanent(refused));
            return;
        } finally {
            CallsAttachment.delete(calls);
        }
        outbox.sent(mail);
    }
}
