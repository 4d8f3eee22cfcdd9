package org.billing.invoicing.tax;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.platform.Account;
import org.billing.invoicing.platform.Contractor;

/**
 * The seller profiles (the platform operator's legal entities, one of them the default), which one each
 * account sells through, and the buyers' tax profiles.
 */
@Stateless
public class TaxProfileService {

    @PersistenceContext(unitName = "invoicing")
    private EntityManager em;

    @Resource
    private SessionContext session;

    @Inject
    private Clock clock;

    public List<SellerProfileView> sellers() {
        return em.createQuery(
                        "SELECT s FROM SellerProfile s ORDER BY s.isDefault DESC, s.legalName, s.id",
                        SellerProfile.class)
                .getResultStream()
                .map(SellerProfile::view)
                .toList();
    }

    public SellerProfileView seller(long id) {
        return find(id).view();
    }

    /** The first seller profile becomes the default; a later one when its definition says so. */
    public SellerProfileView createSeller(SellerProfileDefinition given) {
        SellerProfileDefinition definition = given.validated();
        requireNameFree(definition.legalName(), null);
        SellerProfile profile = SellerProfile.of(definition, now());
        boolean first = em.createQuery("SELECT count(s) FROM SellerProfile s", Long.class)
                        .getSingleResult()
                == 0;
        if (first || definition.isDefault()) {
            clearDefault();
            profile.makeDefault(true);
        }
        em.persist(profile);
        em.flush();
        return profile.view();
    }

    /** There is always one default once any profile exists: it moves by making another the default. */
    public SellerProfileView reviseSeller(long id, SellerProfileDefinition given) {
        SellerProfileDefinition definition = given.validated();
        SellerProfile profile = find(id);
        requireNameFree(definition.legalName(), id);
        if (profile.isDefault() && !definition.isDefault()) {
            throw new InvoicingException(
                    ErrorCode.VALIDATION_FAILED,
                    "isDefault",
                    "There is always a default seller: make another profile the default instead.");
        }
        if (definition.isDefault() && !profile.isDefault()) {
            clearDefault();
            profile.makeDefault(true);
        }
        profile.revise(definition, now());
        em.flush();
        return profile.view();
    }

    public void deleteSeller(long id) {
        SellerProfile profile = find(id);
        if (profile.isDefault()) {
            throw new InvoicingException(
                    ErrorCode.SELLER_PROFILE_IN_USE,
                    "id",
                    "Seller profile " + id + " is the default: make another profile the default first.");
        }
        long accounts = ((Number)
                        em.createNativeQuery("SELECT count(*) FROM account_seller_profile WHERE seller_profile_id = ?1")
                                .setParameter(1, id)
                                .getSingleResult())
                .longValue();
        if (accounts > 0) {
            throw new InvoicingException(
                    ErrorCode.SELLER_PROFILE_IN_USE,
                    "id",
                    "Seller profile " + id + " is assigned to " + accounts + (accounts == 1 ? " account" : " accounts")
                            + ": assign them another one first.");
        }
        em.remove(profile);
    }

    public AccountSellerView sellerOf(long accountId) {
        requireAccount(accountId);
        List<?> assigned = em.createNativeQuery(
                        "SELECT seller_profile_id FROM account_seller_profile WHERE account_id = ?1")
                .setParameter(1, accountId)
                .getResultList();
        if (!assigned.isEmpty()) {
            return new AccountSellerView(
                    accountId,
                    true,
                    find(((Number) assigned.get(0)).longValue()).view());
        }
        Optional<SellerProfile> fallback = em.createQuery(
                        "SELECT s FROM SellerProfile s WHERE s.isDefault = true", SellerProfile.class)
                .getResultStream()
                .findFirst();
        return new AccountSellerView(
                accountId, false, fallback.map(SellerProfile::view).orElse(null));
    }

    /** {@code sellerProfileId} null: the account goes back to the default seller. */
    public AccountSellerView assignSeller(long accountId, Long sellerProfileId) {
        requireAccount(accountId);
        if (sellerProfileId == null) {
            em.createNativeQuery("DELETE FROM account_seller_profile WHERE account_id = ?1")
                    .setParameter(1, accountId)
                    .executeUpdate();
        } else {
            find(sellerProfileId);
            em.createNativeQuery("INSERT INTO account_seller_profile (account_id, seller_profile_id, updated_at)"
                            + " VALUES (?1, ?2, ?3) ON CONFLICT (account_id) DO UPDATE"
                            + " SET seller_profile_id = excluded.seller_profile_id, updated_at = excluded.updated_at")
                    .setParameter(1, accountId)
                    .setParameter(2, sellerProfileId)
                    .setParameter(3, java.sql.Timestamp.from(now()))
                    .executeUpdate();
        }
        return sellerOf(accountId);
    }

    public Optional<BuyerTaxProfileView> buyerProfile(long contractorId) {
        requireContractor(contractorId);
        return Optional.ofNullable(em.find(BuyerTaxProfile.class, contractorId)).map(BuyerTaxProfile::view);
    }

    public BuyerTaxProfileView putBuyerProfile(long contractorId, BuyerTaxProfileDefinition given) {
        requireContractor(contractorId);
        BuyerTaxProfileDefinition definition = given.validated();
        BuyerTaxProfile profile = em.find(BuyerTaxProfile.class, contractorId);
        if (profile == null) {
            profile = BuyerTaxProfile.of(contractorId);
            em.persist(profile);
        }
        profile.revise(definition, now(), caller());
        em.flush();
        return profile.view();
    }

    private SellerProfile find(long id) {
        SellerProfile profile = em.find(SellerProfile.class, id);
        if (profile == null) {
            throw new InvoicingException(
                    ErrorCode.SELLER_PROFILE_NOT_FOUND, "id", "There is no seller profile " + id + ".");
        }
        return profile;
    }

    private void requireNameFree(String legalName, Long except) {
        boolean taken = em.createQuery("SELECT s.id FROM SellerProfile s WHERE LOWER(s.legalName) = :name", Long.class)
                .setParameter("name", legalName.toLowerCase(Locale.ROOT))
                .getResultStream()
                .anyMatch(id -> !id.equals(except));
        if (taken) {
            throw new InvoicingException(
                    ErrorCode.SELLER_PROFILE_NAME_TAKEN,
                    "legalName",
                    "A seller profile named '" + legalName + "' exists already.");
        }
    }

    private void clearDefault() {
        em.createQuery("UPDATE SellerProfile s SET s.isDefault = false WHERE s.isDefault = true")
                .executeUpdate();
    }

    private void requireAccount(long accountId) {
        if (em.find(Account.class, accountId) == null) {
            throw new InvoicingException(
                    ErrorCode.ACCOUNT_NOT_FOUND, "accountId", "There is no account " + accountId + ".");
        }
    }

    private void requireContractor(long contractorId) {
        if (em.find(Contractor.class, contractorId) == null) {
            throw new InvoicingException(
                    ErrorCode.CONTRACTOR_NOT_FOUND, "contractorId", "There is no contractor " + contractorId + ".");
        }
    }

    /** As PostgreSQL keeps it (microseconds), so that an answer shows what a later read will. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
