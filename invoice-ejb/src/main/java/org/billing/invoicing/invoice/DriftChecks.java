package org.billing.invoicing.invoice;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

/**
 * Drift checks of many issued invoices at once, for automatic invoicing's run (issue 13): the periods of
 * a chunk recalculated together by the statements Calculate runs, one per direction, and each invoice's
 * check recorded, all in one transaction of its own. The run sends a chunk that fails again invoice by
 * invoice, so that one failure never stops the other checks.
 */
@Stateless
public class DriftChecks {

    /** Who the checks of a run are recorded as made by. */
    public static final String BY = "automatic invoicing";

    @PersistenceContext(unitName = "invoicing")
    private EntityManager em;

    @Inject
    private Clock clock;

    private final DriftCheck driftCheck = new DriftCheck();

    /**
     * Checks the invoices that are still checkable (issued invoices, not credited); the others are left
     * out. Returns how many of them drifted.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int check(List<Long> invoiceIds) {
        List<Invoice> invoices = em.createQuery(
                        "SELECT i FROM Invoice i WHERE i.id IN :ids AND i.kind = :kind"
                                + " AND i.state <> :pending AND NOT EXISTS (SELECT c.id FROM Invoice c WHERE c.creditedInvoiceId = i.id)"
                                + " ORDER BY i.id",
                        Invoice.class)
                .setParameter("ids", invoiceIds)
                .setParameter("kind", InvoiceKind.INVOICE)
                .setParameter("pending", InvoiceState.PENDING)
                .getResultList();
        if (invoices.isEmpty()) {
            return 0;
        }
        try {
            Connection connection = em.unwrap(Connection.class);
            Instant now = clock.instant();
            int drifted = 0;
            for (DriftCheck.Outcome outcome : driftCheck.check(em, connection, invoices)) {
                DriftCheck.record(connection, outcome, now, BY);
                drifted += outcome.drifted() ? 1 : 0;
            }
            return drifted;
        } catch (SQLException e) {
            throw new PersistenceException("Could not check the drift of " + invoices.size() + " invoices", e);
        }
    }
}
