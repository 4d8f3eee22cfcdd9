package org.billing.invoicing.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.period.BillingPeriod;
import org.billing.invoicing.platform.Account;
import org.billing.invoicing.tax.InvoiceParties;
import org.billing.invoicing.tax.LegalTotals;
import org.billing.invoicing.tax.TaxTreatment;
import org.billing.invoicing.tax.VatCalculation;
import org.billing.invoicing.testing.FixtureDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 12 on a real PostgreSQL: an invoice copies its seller (the account's profile, else the default)
 * and buyer (the contractor, its tax profile) when it is made, through the same steps as
 * {@code InvoiceService.create} (the figures, the parties, the legal totals, the entity, the VAT rows),
 * with JPA in Java SE; renaming the contractor afterwards changes nothing stored; once issued the
 * database refuses to change the copied columns or the VAT rows, whoever asks.
 */
class InvoiceLegalFreezeTest {

    private static final long ACME_WHOLESALE = 10;
    private static final long CARRIER_B_TERMINATION = 20;
    private static final Instant CREATED = Instant.parse("2026-04-02T22:30:00Z");

    @RegisterExtension
    static final FixtureDatabase database = new FixtureDatabase("/fixtures/march-2026.sql");

    private static EntityManagerFactory jpa;

    @BeforeAll
    static void profilesAndJpa() throws Exception {
        execute("""
                INSERT INTO seller_profile (id, legal_name, street, city, postal_code, country, vat_id, registration,
                    contact_email, contact_phone, iban, bic, payment_terms_days, rounding, is_default, created_at,
                    updated_at)
                VALUES (1, 'Carrier GmbH', 'Hauptstr. 1', 'Berlin', '10115', 'DE', 'DE123456789', 'HRB 1234',
                    'billing@carrier.example', NULL, 'DE89370400440532013000', 'COBADEFFXXX', 14, 'HALF_UP', true,
                    now(), now()),
                       (2, 'Carrier France SAS', '1 rue de Rivoli', 'Paris', '75001', 'FR', 'FRXX123456789', NULL,
                    NULL, NULL, NULL, NULL, 30, 'HALF_EVEN', false, now(), now())""");
        execute("INSERT INTO account_seller_profile (account_id, seller_profile_id, updated_at) VALUES (20, 2, now())");
        execute("""
                INSERT INTO buyer_tax_profile (contractor_id, country, vat_id, treatment, vat_rate, buyer_reference,
                    updated_at, updated_by)
                VALUES (1, 'DE', 'DE987654321', 'DOMESTIC', 19, 'PO-4711', now(), 'ada')""");
        jpa = Persistence.createEntityManagerFactory(
                "invoicing",
                Map.of(
                        "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                        "jakarta.persistence.jtaDataSource", "",
                        "jakarta.persistence.nonJtaDataSource", database.dataSource()));
    }

    @AfterAll
    static void closeJpa() {
        if (jpa != null) {
            jpa.close();
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void assertRefused(String sql) {
        SQLException refused = assertThrows(SQLException.class, () -> execute(sql));
        assertEquals("23000", refused.getSQLState(), refused.getMessage());
    }

    /** What InvoiceService.create does, but the claim, the history and the events. */
    private static long create(long accountId, Direction direction, LocalDate first, LocalDate last) throws Exception {
        EntityManager em = jpa.createEntityManager();
        try {
            em.getTransaction().begin();
            Account account = em.find(Account.class, accountId);
            BillingPeriod period = BillingPeriod.ofDays(first, last, account.zone());
            InvoiceFigures figures;
            InvoiceParties parties;
            try (Connection connection = database.connection()) {
                figures = new InvoiceCalculator()
                        .calculate(connection, accountId, direction, account.getPaymentModel(), period);
                parties = InvoiceParties.read(connection, List.of(accountId)).get(accountId);
            }
            LegalTotals totals = InvoiceLegal.totals(parties, figures);
            Invoice invoice = Invoice.create(
                    account,
                    direction,
                    InvoiceType.MANUAL,
                    period,
                    figures,
                    InvoiceLegal.frozen(
                            parties,
                            direction,
                            totals,
                            CREATED.atZone(period.zone()).toLocalDate()),
                    CREATED,
                    "ada");
            em.persist(invoice);
            em.flush();
            Connection connection = em.unwrap(Connection.class);
            new InvoiceLineStore().insert(connection, invoice.getId(), figures);
            TaxLineStore.insert(connection, invoice.getId(), totals);
            em.getTransaction().commit();
            return invoice.getId();
        } finally {
            em.close();
        }
    }

    private static Invoice read(long id) {
        EntityManager em = jpa.createEntityManager();
        try {
            return em.find(Invoice.class, id);
        } finally {
            em.close();
        }
    }

    @Test
    void theSellerIsTheAccountsProfileElseTheDefaultAndTheBuyerItsContractorsProfile() throws Exception {
        Map<Long, InvoiceParties> parties;
        try (Connection connection = database.connection()) {
            parties = InvoiceParties.read(connection, List.of(ACME_WHOLESALE, CARRIER_B_TERMINATION));
        }
        InvoiceParties acme = parties.get(ACME_WHOLESALE);
        assertEquals("Carrier GmbH", acme.seller().legalName(), "the default seller");
        assertEquals(RoundingMode.HALF_UP, acme.rounding());
        assertEquals("Acme Telecom", acme.buyer().name());
        assertEquals("Hauptstr. 1, Berlin", acme.buyer().address());
        assertEquals(TaxTreatment.DOMESTIC, acme.buyer().treatment());
        assertEquals("PO-4711", acme.buyer().buyerReference());
        assertEquals("EUR", acme.currency());
        InvoiceParties carrierB = parties.get(CARRIER_B_TERMINATION);
        assertEquals("Carrier France SAS", carrierB.seller().legalName(), "the account's own seller");
        assertEquals("Carrier B", carrierB.buyer().name());
        assertNull(carrierB.buyer().treatment(), "no tax profile: not set");
        assertEquals("USD", carrierB.currency());
    }

    @Test
    void creatingAnInvoiceFreezesWhoItIsFromAndToAndTheDatabaseKeepsItOnceIssued() throws Exception {
        long id = create(ACME_WHOLESALE, Direction.CUSTOMER, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
        Invoice created = read(id);
        InvoiceLegal legal = created.getLegal();
        assertEquals("Carrier GmbH", legal.getSellerLegalName());
        assertEquals("DE123456789", legal.getSellerVatId());
        assertEquals("DE89370400440532013000", legal.getSellerIban());
        assertEquals("Acme Telecom", legal.getBuyerName());
        assertEquals("+49 30 1234", legal.getBuyerPhones());
        assertEquals("Acme wholesale", legal.getAccountName());
        assertEquals("DE987654321", legal.getBuyerVatId());
        assertEquals(TaxTreatment.DOMESTIC, legal.getTaxTreatment());
        assertEquals("EUR", legal.getCurrency());
        // Made 2026-04-03 in Berlin (22:30 UTC on the 2nd), due 14 days later.
        assertEquals(LocalDate.of(2026, 4, 17), legal.getDueDate());
        // The legal totals are those of VatCalculation on the invoice's raw figures, rounded once.
        BigDecimal net = created.totals().amount().setScale(2, RoundingMode.HALF_UP);
        assertEquals(
                0,
                legal.getNetTotal().compareTo(net),
                "one call section and no earnings: " + created.totals().amount());
        assertEquals(
                0,
                legal.getVatTotal()
                        .compareTo(net.multiply(new BigDecimal("0.19")).setScale(2, RoundingMode.HALF_UP)));
        assertEquals(0, legal.getGrossTotal().compareTo(legal.getNetTotal().add(legal.getVatTotal())));
        try (Connection connection = database.connection()) {
            TaxLineStore.Rows rows = TaxLineStore.read(connection, id);
            assertEquals("S", rows.breakdown().get(0).category());
            assertEquals(0, rows.breakdown().get(0).vatAmount().compareTo(legal.getVatTotal()));
            assertEquals(TaxLines.ORIGINATED, rows.lines().get(0).description());
        }

        execute("UPDATE contractor SET name = 'Acme Renamed', address = 'Elsewhere 2', phones = '+49 30 9999'"
                + " WHERE id = 1");
        execute("UPDATE account SET name = 'Acme renamed account' WHERE id = " + ACME_WHOLESALE);
        execute("UPDATE seller_profile SET legal_name = 'Carrier Renamed GmbH' WHERE id = 1");
        try {
            Invoice later = read(id);
            assertEquals("Acme Telecom", later.getLegal().getBuyerName());
            assertEquals("Hauptstr. 1, Berlin", later.getLegal().getBuyerAddress());
            assertEquals("+49 30 1234", later.getLegal().getBuyerPhones());
            assertEquals("Acme wholesale", later.getLegal().getAccountName());
            assertEquals("Carrier GmbH", later.getLegal().getSellerLegalName());
        } finally {
            execute("UPDATE contractor SET name = 'Acme Telecom', address = 'Hauptstr. 1, Berlin',"
                    + " phones = '+49 30 1234' WHERE id = 1");
            execute("UPDATE account SET name = 'Acme wholesale' WHERE id = " + ACME_WHOLESALE);
            execute("UPDATE seller_profile SET legal_name = 'Carrier GmbH' WHERE id = 1");
        }

        // Pending: still recalculated by deleting it; approved, it never changes.
        execute("UPDATE invoice SET state = 'APPROVED', number = 'INV-FROZEN', series_id = 1, issued_at = now()"
                + " WHERE id = " + id);
        assertRefused("UPDATE invoice SET buyer_name = 'Acme Renamed' WHERE id = " + id);
        assertRefused("UPDATE invoice SET account_name = 'Acme renamed account' WHERE id = " + id);
        assertRefused("UPDATE invoice SET buyer_phones = NULL WHERE id = " + id);
        assertRefused("UPDATE invoice SET seller_vat_id = NULL WHERE id = " + id);
        assertRefused(
                "UPDATE invoice SET vat_total = 0, gross_total = net_total, amount_due = net_total WHERE id = " + id);
        assertRefused("UPDATE invoice SET due_date = due_date + 30 WHERE id = " + id);
        assertRefused("UPDATE inv_tax_lines SET net_amount = 0 WHERE invoice_id = " + id);
        assertRefused("DELETE FROM inv_vat_breakdown WHERE invoice_id = " + id);
        assertRefused("INSERT INTO inv_vat_breakdown (invoice_id, line_no, vat_category, vat_rate, taxable_amount,"
                + " vat_amount) VALUES (" + id + ", 9, 'Z', 0, 1, 0)");
        assertRefused("TRUNCATE inv_tax_lines");
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT buyer_name, seller_legal_name, tax_treatment" + " FROM invoice WHERE id = " + id)) {
            row.next();
            assertEquals("Acme Telecom", row.getString(1));
            assertEquals("Carrier GmbH", row.getString(2));
            assertEquals("DOMESTIC", row.getString(3));
        }
    }

    @Test
    void anInvoiceWithoutProfilesIsMadeWithWhatIsKnown() throws Exception {
        execute("DELETE FROM account_seller_profile");
        long id;
        try {
            execute("UPDATE seller_profile SET is_default = false");
            id = create(CARRIER_B_TERMINATION, Direction.CUSTOMER, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
        } finally {
            execute("UPDATE seller_profile SET is_default = true WHERE id = 1");
            execute(
                    "INSERT INTO account_seller_profile (account_id, seller_profile_id, updated_at) VALUES (20, 2, now())");
        }
        InvoiceLegal legal = read(id).getLegal();
        assertEquals("Carrier B", legal.getBuyerName());
        assertEquals("USD", legal.getCurrency());
        assertNull(legal.getSellerLegalName());
        assertNull(legal.getTaxTreatment(), "not set");
        assertEquals(0, legal.getVatTotal().signum());
        assertEquals(legal.getNetTotal(), legal.getGrossTotal());
        assertEquals(CREATED.atZone(ZoneId.of("UTC")).toLocalDate(), legal.getDueDate(), "no terms: due at once");
        assertNull(VatCalculation.note(legal.getTaxTreatment(), null));
    }

    @Test
    void aVendorInvoiceOfAnAccountThatSelfBillsIsFrozenSelfBilledAndTaxedByTheVendorsProfile() throws Exception {
        execute("INSERT INTO account_invoice_settings (account_id, direction, updated_at, self_billing)"
                + " VALUES (10, 'VENDOR', now(), true), (20, 'VENDOR', now(), true)");
        long id;
        try {
            try (Connection connection = database.connection()) {
                Map<Long, InvoiceParties> parties =
                        InvoiceParties.read(connection, List.of(ACME_WHOLESALE, CARRIER_B_TERMINATION));
                assertTrue(parties.get(ACME_WHOLESALE).selfBilling());
                assertFalse(InvoiceLegal.selfBilled(parties.get(ACME_WHOLESALE), Direction.CUSTOMER));
            }
            id = create(ACME_WHOLESALE, Direction.VENDOR, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
            // Carrier B's contractor has no tax profile: its self-billed invoice would state no VAT.
            InvoicingException refused = assertThrows(
                    InvoicingException.class,
                    () -> create(
                            CARRIER_B_TERMINATION,
                            Direction.VENDOR,
                            LocalDate.of(2026, 3, 1),
                            LocalDate.of(2026, 3, 31)));
            assertEquals(ErrorCode.TAX_PROFILE_REQUIRED, refused.code());
            assertTrue(refused.getMessage().contains("Carrier B"), refused.getMessage());
        } finally {
            execute("DELETE FROM account_invoice_settings WHERE direction = 'VENDOR' AND account_id IN (10, 20)");
        }
        InvoiceLegal legal = read(id).getLegal();
        assertTrue(legal.isSelfBilled());
        assertEquals(TaxTreatment.DOMESTIC, legal.getTaxTreatment(), "the vendor contractor's profile");
        assertEquals(0, legal.getVatRate().compareTo(new BigDecimal("19")));
        assertEquals("Self-billing", legal.getTaxNote());
        assertEquals(
                0,
                legal.getVatTotal()
                        .compareTo(legal.getNetTotal()
                                .multiply(new BigDecimal("0.19"))
                                .setScale(2, RoundingMode.HALF_UP)));
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT self_billed FROM invoice WHERE id = " + id)) {
            row.next();
            assertTrue(row.getBoolean(1), "frozen: the setting is off again, the invoice stays self-billed");
        }
        // Only the vendor direction self-bills (V19).
        SQLException customer = assertThrows(
                SQLException.class,
                () -> execute("INSERT INTO account_invoice_settings (account_id, direction, updated_at, self_billing)"
                        + " VALUES (10, 'CUSTOMER', now(), true)"));
        assertEquals("23514", customer.getSQLState(), customer.getMessage());
    }
}
