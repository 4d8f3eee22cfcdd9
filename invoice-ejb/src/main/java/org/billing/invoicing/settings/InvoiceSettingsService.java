package org.billing.invoicing.settings;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.common.Jdbc;
import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.invoice.EInvoiceAttachment;
import org.billing.invoicing.numbering.NumberingSeries;
import org.billing.invoicing.platform.Account;

/** The module's settings: the default numbering series, and each account's invoice settings. */
@Stateless
public class InvoiceSettingsService {

    /** Deliberately plain: one @, no spaces, a dot in the domain. The SMTP server has the last word. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s,;<>]+@[^@\\s,;<>]+\\.[^@\\s,;<>]+");

    private static final int MAX_RECIPIENTS = 20;

    @PersistenceContext(unitName = "invoicing")
    private EntityManager em;

    @Inject
    private Clock clock;

    public NumberingDefaults numberingDefaults() {
        Object[] row = (Object[]) em.createNativeQuery("SELECT customer_series_id, vendor_series_id,"
                        + " credit_note_series_id FROM invoicing_settings WHERE id = 1")
                .getSingleResult();
        return new NumberingDefaults(
                ((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue());
    }

    public NumberingDefaults changeNumberingDefaults(NumberingDefaults defaults) {
        requireSeries(defaults.customerSeriesId(), "customerSeriesId");
        requireSeries(defaults.vendorSeriesId(), "vendorSeriesId");
        requireSeries(defaults.creditNoteSeriesId(), "creditNoteSeriesId");
        em.createNativeQuery("UPDATE invoicing_settings SET customer_series_id = ?, vendor_series_id = ?,"
                        + " credit_note_series_id = ? WHERE id = 1")
                .setParameter(1, defaults.customerSeriesId())
                .setParameter(2, defaults.vendorSeriesId())
                .setParameter(3, defaults.creditNoteSeriesId())
                .executeUpdate();
        return numberingDefaults();
    }

    public AccountInvoiceSettings accountSettings(long accountId, Direction direction) {
        requireAccount(accountId);
        try (PreparedStatement select = connection()
                .prepareStatement("SELECT series_id, recipients, attach_calls, einvoice_attachment, self_billing"
                        + " FROM account_invoice_settings WHERE account_id = ? AND direction = ?")) {
            select.setLong(1, accountId);
            select.setString(2, direction.name());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return new AccountInvoiceSettings(accountId, direction, null, List.of());
                }
                Array recipients = row.getArray("recipients");
                return new AccountInvoiceSettings(
                        accountId,
                        direction,
                        Jdbc.nullableLong(row, "series_id"),
                        Arrays.asList((String[]) recipients.getArray()),
                        row.getBoolean("attach_calls"),
                        EInvoiceAttachment.valueOf(row.getString("einvoice_attachment")),
                        row.getBoolean("self_billing"));
            }
        } catch (SQLException e) {
            throw new PersistenceException("Could not read the invoice settings of account " + accountId, e);
        }
    }

    public AccountInvoiceSettings changeAccountSettings(AccountInvoiceSettings settings) {
        requireAccount(settings.accountId());
        if (settings.seriesId() != null) {
            requireSeries(settings.seriesId(), "seriesId");
        }
        if (settings.selfBilling() && settings.direction() != Direction.VENDOR) {
            throw new InvoicingException(
                    ErrorCode.VALIDATION_FAILED,
                    "selfBilling",
                    "Self-billing is for vendor invoices (what the platform owes the account): set it on VENDOR.");
        }
        List<String> recipients = recipients(settings.recipients());
        Connection connection = connection();
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO account_invoice_settings
                    (account_id, direction, series_id, recipients, updated_at, attach_calls, einvoice_attachment,
                     self_billing)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (account_id, direction) DO UPDATE
                SET series_id = excluded.series_id, recipients = excluded.recipients, updated_at = excluded.updated_at,
                    attach_calls = excluded.attach_calls, einvoice_attachment = excluded.einvoice_attachment,
                    self_billing = excluded.self_billing
                """)) {
            upsert.setLong(1, settings.accountId());
            upsert.setString(2, settings.direction().name());
            Jdbc.setLong(upsert, 3, settings.seriesId());
            upsert.setArray(4, connection.createArrayOf("text", recipients.toArray()));
            Jdbc.setInstant(upsert, 5, clock.instant());
            upsert.setBoolean(6, settings.attachCalls());
            upsert.setString(7, settings.einvoiceAttachment().name());
            upsert.setBoolean(8, settings.selfBilling());
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException(
                    "Could not store the invoice settings of account " + settings.accountId(), e);
        }
        return new AccountInvoiceSettings(
                settings.accountId(),
                settings.direction(),
                settings.seriesId(),
                recipients,
                settings.attachCalls(),
                settings.einvoiceAttachment(),
                settings.selfBilling());
    }

    private static List<String> recipients(List<String> given) {
        if (given.size() > MAX_RECIPIENTS) {
            throw new InvoicingException(
                    ErrorCode.VALIDATION_FAILED, "recipients", "At most " + MAX_RECIPIENTS + " recipients.");
        }
        List<String> recipients = new ArrayList<>();
        for (String address : given) {
            String trimmed = address == null ? "" : address.trim();
            if (!EMAIL.matcher(trimmed).matches()) {
                throw new InvoicingException(
                        ErrorCode.VALIDATION_FAILED, "recipients", "'" + address + "' is not an email address.");
            }
            if (!recipients.contains(trimmed)) {
                recipients.add(trimmed);
            }
        }
        return recipients;
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

    private void requireSeries(Long seriesId, String field) {
        if (seriesId == null) {
            throw new InvoicingException(ErrorCode.VALIDATION_FAILED, field, field + " is required.");
        }
        if (em.find(NumberingSeries.class, seriesId) == null) {
            throw new InvoicingException(
                    ErrorCode.SERIES_NOT_FOUND, field, "There is no numbering series " + seriesId + ".");
        }
    }
}
