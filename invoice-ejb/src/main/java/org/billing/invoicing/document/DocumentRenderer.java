package org.billing.invoicing.document;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import org.billing.invoicing.database.Database;
import org.billing.invoicing.invoice.InvoiceView;

/**
 * Makes the frozen document of an issued invoice, outside any transaction and any lock: it claims
 * the row (a short autocommit statement), reads the invoice, fills the template, asks LibreOffice for
 * the PDF, and stores both (another short statement). A failure is recorded with its reason and
 * retried later; it never touches the invoice, so it can never undo an approval.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DocumentRenderer {

    private static final Logger LOG = Logger.getLogger(DocumentRenderer.class.getName());
    private static final int BATCH = 20;

    @Resource(lookup = Database.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private Clock clock;

    @EJB
    private DocumentService documents;

    @EJB
    private Office office;

    private final OdtRenderer odtRenderer = new OdtRenderer();

    /**
     * Asks for the document of a just issued invoice when its account has a template for its
     * direction, or there is a global default; false when there is none (no document is made).
     */
    public boolean request(long invoiceId) {
        try (Connection connection = dataSource.getConnection();
                var select = connection.prepareStatement("SELECT account_id, direction FROM invoice WHERE id = ?")) {
            select.setLong(1, invoiceId);
            try (var row = select.executeQuery()) {
                if (!row.next()
                        || DocumentStore.templateFor(connection, row.getLong(1), row.getString(2))
                                .isEmpty()) {
                    return false;
                }
            }
            DocumentStore.request(connection, invoiceId, clock.instant());
            return true;
        } catch (SQLException e) {
            throw new PersistenceException("Could not ask for the document of invoice " + invoiceId, e);
        }
    }

    /**
     * Renders the document unless it is made already or another renderer holds it; {@code force}
     * ignores another's claim (an operator asks again).
     */
    public void render(long invoiceId, boolean force) {
        try (Connection connection = dataSource.getConnection()) {
            DocumentStore.request(connection, invoiceId, clock.instant());
            if (!DocumentStore.claim(connection, invoiceId, clock.instant(), force)) {
                return;
            }
        } catch (SQLException e) {
            throw new PersistenceException("Could not claim the document of invoice " + invoiceId, e);
        }
        TemplateSource template = null;
        String fileName = null;
        byte[] odt = null;
        try {
            DocumentData data = documents.data(invoiceId, false);
            InvoiceView invoice = data.invoice();
            if (invoice.pending()) {
                throw new DocumentException("Invoice " + invoiceId + " is not issued");
            }
            fileName = DocumentService.fileName(invoice);
            template = documents
                    .templateFor(invoice)
                    .orElseThrow(() -> new DocumentException("No template: the account has none for "
                            + invoice.direction() + " and there is no global default."));
            odt = odtRenderer.render(template.content(), data);
            byte[] pdf = office.toPdf(odt);
            store(invoiceId, fileName, template, odt, pdf);
        } catch (RuntimeException e) {
            String reason = reason(e, odt != null);
            LOG.log(Level.WARNING, "The document of invoice {0} failed: {1}", new Object[] {invoiceId, reason});
            fail(invoiceId, fileName, template, odt, reason);
        }
    }

    /** Renders the documents that are due (failed ones whose retry time came, lost requests). */
    public int renderDue() {
        List<Long> due;
        try (Connection connection = dataSource.getConnection()) {
            due = DocumentStore.due(connection, clock.instant(), BATCH);
        } catch (SQLException e) {
            throw new PersistenceException("Could not find the documents due", e);
        }
        due.forEach(id -> render(id, false));
        return due.size();
    }

    private void store(long invoiceId, String fileName, TemplateSource template, byte[] odt, byte[] pdf) {
        try (Connection connection = dataSource.getConnection()) {
            DocumentStore.ready(connection, invoiceId, fileName, template, odt, pdf, clock.instant());
        } catch (SQLException e) {
            throw new PersistenceException("Could not store the document of invoice " + invoiceId, e);
        }
    }

    private void fail(long invoiceId, String fileName, TemplateSource template, byte[] odt, String reason) {
        try (Connection connection = dataSource.getConnection()) {
            DocumentStore.failed(connection, invoiceId, fileName, template, odt, reason, clock.instant());
        } catch (SQLException e) {
            LOG.log(Level.SEVERE, "Could not record the failed document of invoice " + invoiceId, e);
        }
    }

    private static String reason(RuntimeException e, boolean odtMade) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        String message =
                Optional.ofNullable(cause.getMessage()).orElse(cause.getClass().getSimpleName());
        return (odtMade ? "PDF: " : "ODT: ") + message;
    }
}
