package org.billing.invoicing.tax;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.billing.invoicing.common.Jdbc;

/**
 * Who an account's invoices are from and to, as they are now: what an invoice copies when it is made
 * (issue 12, frozen at creation). Read with plain SQL, for many accounts at once when automatic invoicing
 * makes a chunk of invoices.
 *
 * @param accountName the account's name ({@code [A_NAME]})
 * @param currency the account's currency (ISO 4217)
 * @param seller the account's seller profile, else the default one; null when there is none
 * @param selfBilling whether the account's vendor invoices are self-billed (its VENDOR invoice settings)
 */
public record InvoiceParties(
        long accountId, String accountName, String currency, Seller seller, Buyer buyer, boolean selfBilling) {

    /** The parties of an account whose vendor invoices are statements, not self-billed. */
    public InvoiceParties(long accountId, String accountName, String currency, Seller seller, Buyer buyer) {
        this(accountId, accountName, currency, seller, buyer, false);
    }

    /** The seller as its profile says now. */
    public record Seller(
            long profileId,
            String legalName,
            String street,
            String city,
            String postalCode,
            String country,
            String vatId,
            String registration,
            String contactEmail,
            String contactPhone,
            String iban,
            String bic,
            int paymentTermsDays,
            RoundingMode rounding) {}

    /**
     * The buyer: the contractor's name, address and phones from the platform, the rest from its tax profile
     * (all null without one).
     */
    public record Buyer(
            long contractorId,
            String name,
            String address,
            String phones,
            String country,
            String vatId,
            TaxTreatment treatment,
            BigDecimal vatRate,
            String exemptionReason,
            String buyerReference) {}

    /** How the legal totals are rounded: the seller's policy, else half-up. */
    public RoundingMode rounding() {
        return seller == null ? RoundingMode.HALF_UP : seller.rounding();
    }

    private static final String SQL = """
            SELECT a.id AS account_id, a.name AS account_name, a.currency, c.id AS contractor_id, c.name, c.address,
                   c.phones,
                   b.country AS buyer_country, b.vat_id AS buyer_vat_id, b.treatment, b.vat_rate, b.exemption_reason,
                   b.buyer_reference,
                   s.id AS seller_id, s.legal_name, s.street, s.city, s.postal_code, s.country AS seller_country,
                   s.vat_id AS seller_vat_id, s.registration, s.contact_email, s.contact_phone, s.iban, s.bic,
                   s.payment_terms_days, s.rounding, coalesce(v.self_billing, false) AS self_billing
            FROM account a
            JOIN contractor c ON c.id = a.contractor_id
            LEFT JOIN account_invoice_settings v ON v.account_id = a.id AND v.direction = 'VENDOR'
            LEFT JOIN buyer_tax_profile b ON b.contractor_id = c.id
            LEFT JOIN account_seller_profile assigned ON assigned.account_id = a.id
            LEFT JOIN seller_profile s ON s.id = coalesce(
                assigned.seller_profile_id, (SELECT d.id FROM seller_profile d WHERE d.is_default))
            WHERE a.id = ANY (?)""";

    /** The parties of each account asked for that exists, by account id. */
    public static Map<Long, InvoiceParties> read(Connection connection, Collection<Long> accountIds)
            throws SQLException {
        Map<Long, InvoiceParties> parties = new HashMap<>();
        if (accountIds.isEmpty()) {
            return parties;
        }
        try (PreparedStatement select = connection.prepareStatement(SQL)) {
            Array ids = connection.createArrayOf("bigint", accountIds.toArray());
            select.setArray(1, ids);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    InvoiceParties read = of(row);
                    parties.put(read.accountId(), read);
                }
            } finally {
                ids.free();
            }
        }
        return parties;
    }

    private static InvoiceParties of(ResultSet row) throws SQLException {
        Long sellerId = Jdbc.nullableLong(row, "seller_id");
        Seller seller = sellerId == null
                ? null
                : new Seller(
                        sellerId,
                        row.getString("legal_name"),
                        row.getString("street"),
                        row.getString("city"),
                        row.getString("postal_code"),
                        row.getString("seller_country"),
                        row.getString("seller_vat_id"),
                        row.getString("registration"),
                        row.getString("contact_email"),
                        row.getString("contact_phone"),
                        row.getString("iban"),
                        row.getString("bic"),
                        row.getInt("payment_terms_days"),
                        RoundingMode.valueOf(row.getString("rounding")));
        String treatment = row.getString("treatment");
        Buyer buyer = new Buyer(
                row.getLong("contractor_id"),
                row.getString("name"),
                row.getString("address"),
                row.getString("phones"),
                row.getString("buyer_country"),
                row.getString("buyer_vat_id"),
                treatment == null ? null : TaxTreatment.valueOf(treatment),
                row.getBigDecimal("vat_rate"),
                row.getString("exemption_reason"),
                row.getString("buyer_reference"));
        String currency = row.getString("currency");
        return new InvoiceParties(
                row.getLong("account_id"),
                row.getString("account_name"),
                currency == null ? null : currency.trim(),
                seller,
                buyer,
                row.getBoolean("self_billing"));
    }
}
