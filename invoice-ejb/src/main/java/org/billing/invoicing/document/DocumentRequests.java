package org.billing.invoicing.document;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import org.billing.invoicing.invoice.InvoiceLifecycleEvent.InvoiceApproved;

/**
 * Asks for the document of an invoice inside its issuing transaction, and makes it once that
 * transaction committed: never inside it (a LibreOffice conversion must not hold the invoice's lock
 * nor roll an approval back), on a managed thread. What fails here is retried by {@link DocumentRetries}.
 */
@ApplicationScoped
public class DocumentRequests {

    private static final Logger LOG = Logger.getLogger(DocumentRequests.class.getName());

    @EJB
    private DocumentRenderer renderer;

    @Resource
    private ManagedExecutorService executor;

    @PersistenceContext(unitName = "invoicing")
    private EntityManager em;

    @Inject
    private Clock clock;

    /**
     * The request (the document's row, PENDING) is written with the invoice's number, so that it
     * commits with the approval: the email queued in the same transaction then always knows that a
     * document is coming and waits for it (issue 11: written after the commit by another thread, an
     * email could leave first, without its PDF).
     */
    void request(@Observes(during = TransactionPhase.IN_PROGRESS) InvoiceApproved event) {
        Connection connection = em.unwrap(Connection.class);
        try (PreparedStatement select =
                connection.prepareStatement("SELECT account_id, direction FROM invoice WHERE id = ?")) {
            select.setLong(1, event.invoiceId());
            try (ResultSet row = select.executeQuery()) {
                if (row.next()
                        && DocumentStore.templateFor(connection, row.getLong(1), row.getString(2))
                                .isPresent()) {
                    DocumentStore.request(connection, event.invoiceId(), clock.instant());
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("Could not ask for the document of invoice " + event.invoiceId(), e);
        }
    }

    void issued(@Observes(during = TransactionPhase.AFTER_SUCCESS) InvoiceApproved event) {
        try {
            executor.submit(() -> {
                try {
                    if (renderer.request(event.invoiceId())) {
                        renderer.render(event.invoiceId(), false);
                    }
                } catch (RuntimeException e) {
                    LOG.log(
                            Level.WARNING,
                            "The document of invoice " + event.invoiceId() + " is left to the retries",
                            e);
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The document of invoice " + event.invoiceId() + " is left to the retries", e);
        }
    }
}
