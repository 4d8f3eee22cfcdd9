package org.billing.invoicing.document;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/** Every 20 seconds, renders the documents that failed (once their retry time came) or were lost. */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DocumentRetries {

    private static final Logger LOG = Logger.getLogger(DocumentRetries.class.getName());

    @EJB
    private DocumentRenderer renderer;

    @Schedule(second = "*/20", minute = "*", hour = "*", persistent = false)
    void retry() {
        try {
            int rendered = renderer.renderDue();
            if (rendered > 0) {
                LOG.info(() -> "Documents retried: " + rendered);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Document retries failed; next round in 20 s", e);
        }
    }
}
