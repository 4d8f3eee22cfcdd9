package org.billing.invoicing.invoice;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import javax.sql.DataSource;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.database.Database;
import org.billing.invoicing.period.BillingPeriod;
import org.billing.invoicing.platform.Account;

/**
 * The lifecycle of invoices: calculate (a dry run), create, read, search and delete. A thin
 * transaction boundary: the figures come from {@link InvoiceCalculator}, the rules from the domain.
 */
@Stateless
public class InvoiceService {

    /** SQLSTATE of an exclusion constraint violation: the database refused an overlapping period. */
    private static final String EXCLUSION_VIOLATION = "23P01";
    private static final int MAX_PAGE_SIZE = 500;

    @PersistenceContext(unitName = "invoicing")
    private EntityManager em;

    @Resource(lookup = Database.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private Clock clock;

    private final InvoiceCalculator calculator = new InvoiceCalculator();
    private final InvoiceLineStore lineStore = new InvoiceLineStore();

    /** What {@link #create} would store now; nothing is written and no number is used. */
    public InvoiceView calculate(InvoiceRequest request) {
        Account account = account(request);
        BillingPeriod period = period(request, account);
        return InvoiceView.calculated(account, request.direction(), period,
                figures(account, request.direction(), period), clock.instant());
    }

    /** Creates a Manual invoice, Pending, with its detail tables. */
    public InvoiceView create(InvoiceRequest request) {
        Account account = account(request);
        BillingPeriod period = period(request, account);
        refuseOverlap(account, request.direction(), period);
        InvoiceFigures figures = figures(account, request.direction(), period);
        Invoice invoice = Invoice.manual(account, request.direction(), period, figures, clock.instant());
        em.persist(invoice);
        flushRefusingOverlap();
        try {
            lineStore.insert(em.unwrap(Connection.class), invoice.getId(), figures);
        } catch (SQLException e) {
            throw new PersistenceException("Could not store the detail tables of invoice " + invoice.getId(), e);
        }
        return InvoiceView.of(invoice, account);
    }

    public Optional<InvoiceView> find(long id) {
        return Optional.ofNullable(em.find(Invoice.class, id))
                .map(invoice -> InvoiceView.of(invoice, em.find(Account.class, invoice.getAccountId())));
    }

    public InvoiceView get(long id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    /** Deletes a Pending invoice and its detail tables; an issued invoice is never deleted. */
    public void delete(long id) {
        Invoice invoice = em.find(Invoice.class, id);
        if (invoice == null) {
            throw notFound(id);
        }
        if (!invoice.isPending()) {
            throw new InvoicingException(ErrorCode.INVOICE_NOT_PENDING,
                    "Invoice " + id + " is " + invoice.getState() + "; only a Pending invoice can be deleted.");
        }
        em.remove(invoice);
    }

    /** The rows of one detail table of a stored invoice. */
    public List<?> table(long id, DetailTable table) {
        Invoice invoice = em.find(Invoice.class, id);
        if (invoice == null) {
            throw notFound(id);
        }
        try (Connection connection = dataSource.getConnection()) {
            return table.isCallTable()
                    ? CallLineView.of(lineStore.callLines(connection, id, table), invoice.zone())
                    : lineStore.serviceLines(connection, id);
        } catch (SQLException e) {
            throw new PersistenceException("Could not read " + table + " of invoice " + id, e);
        }
    }

    /** Invoices matching the filter, newest first; {@code page} counts from 0. */
    public InvoicePage search(InvoiceFilter filter, int page, int size) {
        if (page < 0) {
            throw new InvoicingException(ErrorCode.VALIDATION_FAILED, "page", "The page counts from 0.");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvoicingException(ErrorCode.VALIDATION_FAILED, "size",
                    "The page size is from 1 to " + MAX_PAGE_SIZE + ".");
        }
        StringBuilder where = new StringBuilder(" FROM Invoice i, Account a WHERE a.id = i.accountId");
        Map<String, Object> parameters = new HashMap<>();
        condition(where, parameters, "i.accountId = :accountId", "accountId", filter.accountId());
        condition(where, parameters, "i.contractorId = :contractorId", "contractorId", filter.contractorId());
        condition(where, parameters, "i.direction = :direction", "direction", filter.direction());
        condition(where, parameters, "i.state = :state", "state", filter.state());
        condition(where, parameters, "i.type = :type", "type", filter.type());
        condition(where, parameters, "i.lastDay >= :from", "from", filter.from());
        condition(where, parameters, "i.firstDay <= :to", "to", filter.to());

        TypedQuery<Long> count = em.createQuery("SELECT COUNT(i)" + where, Long.class);
        TypedQuery<Object[]> rows = em.createQuery(
                "SELECT i, a" + where + " ORDER BY i.createdAt DESC, i.id DESC", Object[].class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            rows.setParameter(name, value);
        });
        List<InvoiceView> items = new ArrayList<>();
        for (Object[] row : rows.setFirstResult(page * size).setMaxResults(size).getResultList()) {
            items.add(InvoiceView.of((Invoice) row[0], (Account) row[1]));
        }
        return new InvoicePage(count.getSingleResult(), page, size, items);
    }

    private static void condition(StringBuilder where, Map<String, Object> parameters, String clause, String name,
                                  Object value) {
        if (value != null) {
            where.append(" AND ").append(clause);
            parameters.put(name, value);
        }
    }

    private Account account(InvoiceRequest request) {
        requireField(request.accountId(), "accountId");
        requireField(request.direction(), "direction");
        requireField(request.startDate(), "startDate");
        requireField(request.endDate(), "endDate");
        Account account = em.find(Account.class, request.accountId());
        if (account == null) {
            throw new InvoicingException(ErrorCode.ACCOUNT_NOT_FOUND, "accountId",
                    "There is no account " + request.accountId() + ".");
        }
        return account;
    }

    private BillingPeriod period(InvoiceRequest request, Account account) {
        return BillingPeriod.manual(request.startDate(), request.endDate(), account.zone(), clock.instant());
    }

    private InvoiceFigures figures(Account account, Direction direction, BillingPeriod period) {
        try (Connection connection = dataSource.getConnection()) {
            return calculator.calculate(connection, account.getId(), direction, period);
        } catch (SQLException e) {
            throw new PersistenceException("Could not calculate the invoice of account " + account.getId(), e);
        }
    }

    private void refuseOverlap(Account account, Direction direction, BillingPeriod period) {
        List<Invoice> overlapping = em.createQuery("SELECT i FROM Invoice i WHERE i.accountId = :account"
                        + " AND i.direction = :direction AND i.startAt < :end AND i.endAt > :start", Invoice.class)
                .setParameter("account", account.getId())
                .setParameter("direction", direction)
                .setParameter("start", period.start())
                .setParameter("end", period.end())
                .setMaxResults(1)
                .getResultList();
        if (!overlapping.isEmpty()) {
            Invoice other = overlapping.get(0);
            throw overlap("The period overlaps invoice " + other.getId() + " (" + other.getFirstDay() + " to "
                    + other.getLastDay() + ") of the same account and direction.");
        }
    }

    /** Two concurrent creates both pass the check above; the exclusion constraint lets one win. */
    private void flushRefusingOverlap() {
        try {
            em.flush();
        } catch (PersistenceException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && EXCLUSION_VIOLATION.equals(sql.getSQLState())) {
                    throw overlap("The period overlaps an invoice of the same account and direction"
                            + " created at the same time.");
                }
            }
            throw e;
        }
    }

    private static InvoicingException overlap(String message) {
        return new InvoicingException(ErrorCode.PERIOD_OVERLAP, "startDate", message);
    }

    private static InvoicingException notFound(long id) {
        return new InvoicingException(ErrorCode.INVOICE_NOT_FOUND, "There is no invoice " + id + ".");
    }

    private static void requireField(Object value, String field) {
        if (value == null) {
            throw new InvoicingException(ErrorCode.VALIDATION_FAILED, field, field + " is required.");
        }
    }
}
