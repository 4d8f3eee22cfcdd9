package org.billing.invoicing.platform;

import java.util.List;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;

/** Reads the platform's contractors and accounts, which the module never changes. */
@Stateless
public class PlatformDirectory {

    public static final int MAX_PAGE_SIZE = 500;
    private static final long MAX_OFFSET = 100_000;

    @PersistenceContext(unitName = "invoicing")
    private EntityManager em;

    public List<ContractorView> contractors() {
        return em.createQuery("SELECT c FROM Contractor c ORDER BY c.name, c.id", Contractor.class)
                .getResultStream()
                .map(ContractorView::of)
                .toList();
    }

    /** A page of the contractors by name (issue 11: the list was answered whole, however long). */
    public DirectoryPage<ContractorView> contractors(int page, int size) {
        requirePage(page, size);
        long total =
                em.createQuery("SELECT count(c) FROM Contractor c", Long.class).getSingleResult();
        List<ContractorView> items = em.createQuery(
                        "SELECT c FROM Contractor c ORDER BY c.name, c.id", Contractor.class)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultStream()
                .map(ContractorView::of)
                .toList();
        return new DirectoryPage<>(total, page, size, items);
    }

    /** A page of all accounts, or of one contractor's, by name. */
    public DirectoryPage<AccountView> accounts(Long contractorId, int page, int size) {
        requirePage(page, size);
        String where = contractorId == null ? "" : " WHERE a.contractor.id = :contractor";
        var count = em.createQuery("SELECT count(a) FROM Account a" + where, Long.class);
        var query = em.createQuery("SELECT a FROM Account a" + where + " ORDER BY a.name, a.id", Account.class);
        if (contractorId != null) {
            count.setParameter("contractor", contractorId);
            query.setParameter("contractor", contractorId);
        }
        List<AccountView> items = query.setFirstResult(page * size)
                .setMaxResults(size)
                .getResultStream()
                .map(AccountView::of)
                .toList();
        return new DirectoryPage<>(count.getSingleResult(), page, size, items);
    }

    private static void requirePage(int page, int size) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvoicingException(
                    ErrorCode.VALIDATION_FAILED, "size", "The page size is from 1 to " + MAX_PAGE_SIZE + ".");
        }
        if (page < 0) {
            throw new InvoicingException(ErrorCode.VALIDATION_FAILED, "page", "The page counts from 0.");
        }
        if ((long) page * size > MAX_OFFSET) {
            throw new InvoicingException(
                    ErrorCode.VALIDATION_FAILED,
                    "page",
                    "Pages reach " + MAX_OFFSET + " rows deep; narrow the list (contractorId).");
        }
    }

    public Optional<ContractorView> findContractor(long id) {
        return Optional.ofNullable(em.find(Contractor.class, id)).map(ContractorView::of);
    }

    /** All accounts, or those of one contractor (the screens' account choice). */
    public List<AccountView> accounts(Long contractorId) {
        String where = contractorId == null ? "" : " WHERE a.contractor.id = :contractor";
        var query = em.createQuery("SELECT a FROM Account a" + where + " ORDER BY a.name, a.id", Account.class);
        if (contractorId != null) {
            query.setParameter("contractor", contractorId);
        }
        return query.getResultStream().map(AccountView::of).toList();
    }

    public Optional<AccountView> findAccount(long id) {
        return Optional.ofNullable(em.find(Account.class, id)).map(AccountView::of);
    }
}
