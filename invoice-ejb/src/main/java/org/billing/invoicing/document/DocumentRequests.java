package org.billing.invoicing.document;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.billing.invoicing.invoice.InvoiceLifecycleEvent.InvoiceApproved;

/**
 * Makes the document of an invoice once its issuing transaction committed: never inside it (a
 * LibreOffice conversion must not hold the invoice's lock nor roll an approval back), on a managed
 * thread. What fails here is retried by {@link DocumentRetries}.
 */
@ApplicationScoped
public class DocumentRequests {

    private static final Logger LOG = Logger.getLogger(DocumentRequests.class.getName());

    @EJB
    private DocumentRenderer renderer;

    @Resource
    private ManagedExecutorService executor;

    void issued(@Observes(during = TransactionPhase.AFTER_SUCCESS) InvoiceApproved event) {
        try {
            executor.submit(() -> {
                try {
                    if (renderer.request(event.invoiceId())) {
                        renderer.render(event.invoiceId(), false);
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "The document of invoice " + event.invoiceId() + " is left to the retries", e);
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The document of invoice " + event.invoiceId() + " is left to the retries", e);
        }
    }
}
