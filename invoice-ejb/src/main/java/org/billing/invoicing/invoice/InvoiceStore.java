package org.billing.invoicing.invoice;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.common.Jdbc;
import org.billing.invoicing.invoice.InvoiceEvent.Action;
import org.billing.invoicing.period.BillingPeriod;
import org.billing.invoicing.tax.InvoiceParties;
import org.billing.invoicing.tax.LegalTotals;

/**
 * Where the invoices are kept, in the caller's transaction: the invoice rows through the entity
 * manager, and over the same transaction's connection what belongs to them: the claims of their
 * periods (which the database's exclusion constraint keeps from overlapping), their detail tables, the
 * audit trail, and their links (the credit note of an invoice, its supplementary invoices). Every
 * statement of an invoice's lifecycle is here; {@link InvoiceService} keeps the lifecycle and its
 * transaction boundaries, and SQLSTATEs stop here.
 */
final class InvoiceStore {

    /** SQLSTATE of an exclusion constraint violation: the database refused an overlapping period. */
    private static final String EXCLUSION_VIOLATION = "23P01";

    private final EntityManager em;
    private final DataSource dataSource;
    private final InvoiceLineStore lines = new InvoiceLineStore();

    /** @param dataSource the data source the entity manager writes to, for the reads of the detail tables */
    InvoiceStore(EntityManager em, DataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    Optional<Invoice> find(long id) {
        return Optional.ofNullable(em.find(Invoice.class, id));
    }

    /** The invoice, refused with {@code INVOICE_NOT_FOUND} when there is none. */
    Invoice get(long id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    /** The invoice, locked until the transaction ends: its lifecycle changes one at a time. */
    Invoice locked(long id) {
        Invoice invoice = em.find(Invoice.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (invoice == null) {
            throw notFound(id);
        }
        return invoice;
    }

    /**
     * A new invoice of a period, with the claim of its period and its detail tables. Two concurrent
     * creates both pass {@link #refuseOverlap}; the exclusion constraint on the claims lets one win, and
     * the other is refused with {@code PERIOD_OVERLAP}.
     */
    void add(Invoice invoice, InvoiceFigures figures, LegalTotals totals) {
        em.persist(invoice);
        Connection connection = connection();
        try {
            claimPeriods(connection, List.of(invoice));
        } catch (SQLException e) {
            for (SQLException error = e; error != null; error = error.getNextException()) {
                if (EXCLUSION_VIOLATION.equals(error.getSQLState())) {
                    throw overlap("The period overlaps an invoice of the same account and direction"
                            + " created at the same time.");
                }
            }
            throw new PersistenceException("Could not claim the period of invoice " + invoice.getId(), e);
        }
        try {
            lines.insert(connection, invoice.getId(), figures);
            TaxLineStore.insert(connection, invoice.getId(), totals);
        } catch (SQLException e) {
            throw new PersistenceException("Could not store the detail tables of invoice " + invoice.getId(), e);
        }
    }

    /**
     * Many new invoices at once, in a few batched statements: the invoices, then their claims and detail
     * rows, which reference them. {@code figures} and {@code totals} (their VAT lines) are the invoices',
     * in the same order.
     */
    void addAll(List<Invoice> invoices, List<InvoiceFigures> figures, List<LegalTotals> totals) {
        invoices.forEach(em::persist);
        Connection connection = connection();
        try {
            claimPeriods(connection, invoices);
            List<Long> ids = invoices.stream().map(Invoice::getId).toList();
            lines.insertAll(connection, ids, figures);
            TaxLineStore.insertAll(connection, ids, totals);
        } catch (SQLException e) {
            throw new PersistenceException("Could not store " + invoices.size() + " automatic invoices", e);
        }
    }

    /** A supplementary invoice with its detail tables; the period stays claimed by the invoice it supplements. */
    void addSupplementary(Invoice supplementary, InvoiceFigures figures, LegalTotals totals, Connection connection)
            throws SQLException {
        em.persist(supplementary);
        em.flush();
        lines.insert(connection, supplementary.getId(), figures);
        TaxLineStore.insert(connection, supplementary.getId(), totals);
    }

    /**
     * A credit note with its VAT lines ({@code reversed}: the original's, negated; null for an original
     * made before they were kept); the invoice it reverses releases its period, so that a corrected
     * invoice can be made.
     */
    void addCreditNote(Invoice note, LegalTotals reversed) {
        em.persist(note);
        em.flush();
        if (reversed != null) {
            try {
                TaxLineStore.insert(em.unwrap(Connection.class), note.getId(), reversed);
            } catch (SQLException e) {
                throw new PersistenceException(
                        "Could not store the VAT lines of the credit note of " + note.getCreditedInvoiceId(), e);
            }
        }
        em.createNativeQuery("DELETE FROM invoice_period_claim WHERE invoice_id = ?")
                .setParameter(1, note.getCreditedInvoiceId())
                .executeUpdate();
    }

    /** Removes a Pending invoice; its detail tables and claim go with it (ON DELETE CASCADE). */
    void remove(Invoice invoice) {
        em.remove(invoice);
    }

    /** Appends to the invoice's audit trail, which outlives the invoice. */
    void record(Invoice invoice, Action action, String actor, Instant at, String detail) {
        em.persist(new InvoiceEvent(invoice.getId(), action, actor, at, detail));
    }

    /** What happened to an invoice, oldest first; refused when there is neither a trail nor an invoice. */
    List<InvoiceEventView> history(long id) {
        List<InvoiceEventView> events = em.createQuery(
                        "SELECT e FROM InvoiceEvent e WHERE e.invoiceId = :id ORDER BY e.at, e.id", InvoiceEvent.class)
                .setParameter("id", id)
                .getResultStream()
                .map(InvoiceEvent::view)
                .toList();
        if (events.isEmpty() && em.find(Invoice.class, id) == null) {
            throw notFound(id);
        }
        return events;
    }

    /** Refuses a period that overlaps one already claimed by an invoice of the account and direction. */
    void refuseOverlap(long accountId, Direction direction, BillingPeriod period) {
        List<?> overlapping = em.createNativeQuery("SELECT i.id, i.first_day, i.last_day FROM invoice_period_claim c"
                        + " JOIN invoice i ON i.id = c.invoice_id WHERE c.account_id = ? AND c.direction = ?"
                        + " AND c.start_at < ? AND c.end_at > ? LIMIT 1")
                .setParameter(1, accountId)
                .setParameter(2, direction.name())
                .setParameter(3, period.end().atOffset(ZoneOffset.UTC))
                .setParameter(4, period.start().atOffset(ZoneOffset.UTC))
                .getResultList();
        if (!overlapping.isEmpty()) {
            Object[] other = (Object[]) overlapping.get(0);
            throw overlap("The period overlaps invoice " + other[0] + " (" + other[1] + " to " + other[2]
                    + ") of the same account and direction.");
        }
    }

    /** The credit note that reverses the invoice, if any. */
    Optional<Long> creditNoteOf(long invoiceId) {
        return em.createQuery("SELECT i.id FROM Invoice i WHERE i.creditedInvoiceId = :id", Long.class)
                .setParameter("id", invoiceId)
                .getResultStream()
                .findFirst();
    }

    /** The invoice's Pending supplementary invoice, if any (there is at most one). */
    Optional<Long> pendingSupplementary(long originalId) {
        return em.createQuery(
                        "SELECT s.id FROM Invoice s WHERE s.supplementedInvoiceId = :id AND s.state = :pending",
                        Long.class)
                .setParameter("id", originalId)
                .setParameter("pending", InvoiceState.PENDING)
                .getResultStream()
                .findFirst();
    }

    /** The invoice's issued supplementary invoices that no credit note reverses, oldest first. */
    List<Long> issuedSupplementaries(long originalId) {
        return em.createQuery(
                        "SELECT s.id FROM Invoice s WHERE s.supplementedInvoiceId = :id"
                                + " AND s.state <> :pending AND NOT EXISTS (SELECT c.id FROM Invoice c WHERE c.creditedInvoiceId = s.id)"
                                + " ORDER BY s.id",
                        Long.class)
                .setParameter("id", originalId)
                .setParameter("pending", InvoiceState.PENDING)
                .getResultList();
    }

    /** The rows of one of a stored invoice's prepay groups; empty for an invoice that has none. */
    List<?> prepayLines(Invoice invoice, PrepayTable table) {
        if (!invoice.hasPrepayDetails()) {
            return List.of();
        }
        try (Connection connection = dataSource.getConnection()) {
            return lines.prepayLines(connection, invoice.getId(), table, invoice.zone());
        } catch (SQLException e) {
            throw new PersistenceException("Could not read " + table + " of invoice " + invoice.getId(), e);
        }
    }

    /** The rows of one detail table of a stored invoice, times in its zone. */
    List<?> detailLines(Invoice invoice, DetailTable table) {
        try (Connection connection = dataSource.getConnection()) {
            return table.isCallTable()
                    ? InvoiceViews.callLines(lines.callLines(connection, invoice.getId(), table), invoice.zone())
                    : lines.serviceLines(connection, invoice.getId());
        } catch (SQLException e) {
            throw new PersistenceException("Could not read " + table + " of invoice " + invoice.getId(), e);
        }
    }

    /** A stored invoice's VAT lines and breakdown, read on the transaction's own connection. */
    TaxLineStore.Rows taxRows(long invoiceId) {
        try {
            return TaxLineStore.read(connection(), invoiceId);
        } catch (SQLException e) {
            throw new PersistenceException("Could not read the VAT lines of invoice " + invoiceId, e);
        }
    }

    /**
     * Who the accounts' invoices are from and to, now: what an invoice made now copies (issue 12). Read on
     * this transaction's connection, not a second one of the pool.
     */
    Map<Long, InvoiceParties> parties(Collection<Long> accountIds) {
        try {
            return InvoiceParties.read(connection(), accountIds);
        } catch (SQLException e) {
            throw new PersistenceException("Could not read the seller and buyer of accounts " + accountIds, e);
        }
    }

    /** This transaction's connection, with what the entity manager holds written to it first. */
    Connection connection() {
        em.flush();
        return em.unwrap(Connection.class);
    }

    private static void claimPeriods(Connection connection, List<Invoice> invoices) throws SQLException {
        try (PreparedStatement claim = connection.prepareStatement("INSERT INTO invoice_period_claim"
                + " (invoice_id, account_id, direction, start_at, end_at) VALUES (?, ?, ?, ?, ?)")) {
            for (Invoice invoice : invoices) {
                claim.setLong(1, invoice.getId());
                claim.setLong(2, invoice.getAccountId());
                claim.setString(3, invoice.getDirection().name());
                Jdbc.setInstant(claim, 4, invoice.period().start());
                Jdbc.setInstant(claim, 5, invoice.period().end());
                claim.addBatch();
            }
            claim.executeBatch();
        }
    }

    static InvoicingException notFound(long id) {
        return new InvoicingException(ErrorCode.INVOICE_NOT_FOUND, "There is no invoice " + id + ".");
    }

    private static InvoicingException overlap(String message) {
        return new InvoicingException(ErrorCode.PERIOD_OVERLAP, "startDate", message);
    }
}
