package org.billing.invoicing.generation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.common.Jdbc;
import org.billing.invoicing.invoice.AutomaticInvoice;
import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.invoice.InvoiceFigures;
import org.billing.invoicing.invoice.InvoiceService;
import org.billing.invoicing.invoice.InvoiceView;
import org.billing.invoicing.period.InvoicePeriod;
import org.billing.invoicing.platform.Account;

/**
 * Automatic invoicing: which accounts are invoiced how often, and which of their periods are due —
 * over (period end + the account's maximum call duration) and not yet covered by an invoice.
 */
@Stateless
public class AutoInvoicingService {

    @PersistenceContext(unitName = "invoicing")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private InvoiceService invoices;

    public Optional<AutoInvoicingSettings> settings(long accountId, Direction direction) {
        requireAccount(accountId);
        return all().stream()
                .filter(s -> s.accountId() == accountId && s.direction() == direction)
                .findFirst();
    }

    public AutoInvoicingSettings change(AutoInvoicingSettings settings) {
        requireAccount(settings.accountId());
        if (settings.invoicePeriod() == null) {
            throw new InvoicingException(ErrorCode.VALIDATION_FAILED, "invoicePeriod", "invoicePeriod is required.");
        }
        if (settings.generateFrom() == null) {
            throw new InvoicingException(ErrorCode.VALIDATION_FAILED, "generateFrom", "generateFrom is required.");
        }
        try (PreparedStatement upsert = connection().prepareStatement("""
                INSERT INTO account_auto_invoicing (account_id, direction, invoice_period, generate_from, updated_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (account_id, direction) DO UPDATE SET invoice_period = excluded.invoice_period,
                    generate_from = excluded.generate_from, updated_at = excluded.updated_at
                """)) {
            upsert.setLong(1, settings.accountId());
            upsert.setString(2, settings.direction().name());
            upsert.setString(3, settings.invoicePeriod().name());
            upsert.setObject(4, settings.generateFrom());
            Jdbc.setInstant(upsert, 5, clock.instant());
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException(
                    "Could not store the automatic invoicing of account " + settings.accountId(), e);
        }
        return settings;
    }

    /** Stops the automatic invoicing of an account in one direction; its invoices stay. */
    public void stop(long accountId, Direction direction) {
        requireAccount(accountId);
        em.createNativeQuery("DELETE FROM account_auto_invoicing WHERE account_id = ? AND direction = ?")
                .setParameter(1, accountId)
                .setParameter(2, direction.name())
                .executeUpdate();
    }

    /**
     * Creates one due invoice from the figures its run computed, in a transaction of its own that also
     * marks the run's item done: after a crash, an item is done exactly when its invoice exists.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public InvoiceView create(DueItem due, InvoiceFigures figures, int attempt) {
        InvoiceView invoice = invoices.createAutomatic(due.accountId(), due.direction(), due.period(), figures);
        try {
            GenerationStore.markCreated(
                    connection(), List.of(due.id()), List.of(invoice.id()), attempt, clock.instant());
        } catch (SQLException e) {
            throw new PersistenceException("Could not mark the run's item " + due.id() + " done", e);
        }
        return invoice;
    }

    /**
     * Creates a chunk of a run's Pending invoices together in a transaction of its own that also marks
     * their items done; all or none: the run then makes each one alone.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> createAll(List<DueItem> due, List<InvoiceFigures> figures) {
        List<AutomaticInvoice> wanted = new ArrayList<>();
        for (int i = 0; i < due.size(); i++) {
            wanted.add(new AutomaticInvoice(
                    due.get(i).accountId(), due.get(i).direction(), due.get(i).period(), figures.get(i)));
        }
        List<Long> ids = invoices.createAutomaticAll(wanted);
        try {
            GenerationStore.markCreated(
                    connection(), due.stream().map(DueItem::id).toList(), ids, 1, clock.instant());
        } catch (SQLException e) {
            throw new PersistenceException("Could not mark " + due.size() + " items of the run done", e);
        }
        return ids;
    }

    private List<AutoInvoicingSettings> all() {
        List<AutoInvoicingSettings> settings = new ArrayList<>();
        try (PreparedStatement select = connection()
                        .prepareStatement("SELECT account_id, direction, invoice_period,"
                                + " generate_from FROM account_auto_invoicing ORDER BY account_id, direction");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                settings.add(new AutoInvoicingSettings(
                        row.getLong(1),
                        Direction.valueOf(row.getString(2)),
                        InvoicePeriod.valueOf(row.getString(3)),
                        row.getObject(4, LocalDate.class)));
            }
        } catch (SQLException e) {
            throw new PersistenceException("Could not read the automatic invoicing settings", e);
        }
        return settings;
    }

    private Connection connection() {
        return em.unwrap(Connection.class);
    }

    private void requireAccount(long accountId) {
        if (em.find(Account.class, accountId) == null) {
            throw new InvoicingException(
                    ErrorCode.ACCOUNT_NOT_FOUND, "accountId", "There is no account " + accountId + ".");
        }
    }
}
