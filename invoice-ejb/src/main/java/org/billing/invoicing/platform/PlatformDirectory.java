package org.billing.invoicing.platform;

import java.util.List;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Reads the platform's contractors and accounts, which the module never changes. */
@Stateless
public class PlatformDirectory {

    @PersistenceContext(unitName = "invoicing")
    private EntityManager em;

    public List<ContractorView> contractors() {
        return em.createQuery("SELECT c FROM Contractor c ORDER BY c.name, c.id", Contractor.class)
                .getResultStream().map(ContractorView::of).toList();
    }

    public Optional<ContractorView> findContractor(long id) {
        return Optional.ofNullable(em.find(Contractor.class, id)).map(ContractorView::of);
    }

    /** All accounts, or those of one contractor. */
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
