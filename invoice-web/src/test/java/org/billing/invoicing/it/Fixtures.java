package org.billing.invoicing.it;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.billing.invoicing.testing.PostgresDatabase;

/** Test data chores on the fixture database. */
final class Fixtures {

    private Fixtures() {}

    /**
     * Removes every invoice (issued ones too: the triggers that keep issued invoices unchanged are
     * switched off for this transaction only, as a database administrator would on a test copy), the
     * series added by tests, and the account settings; the default series start again.
     */
    static void removeInvoices(PostgresDatabase database) throws SQLException {
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SET LOCAL session_replication_role = replica");
            statement.execute("DELETE FROM invoice_event");
            statement.execute("DELETE FROM mail_outbox");
            statement.execute("DELETE FROM invoice_document");
            statement.execute("DELETE FROM invoice_period_claim");
            statement.execute("DELETE FROM invoice_drift");
            statement.execute("DELETE FROM generation_drift_failure");
            for (String table : new String[] {
                "inv_orig_dst",
                "inv_orig_dst_succ",
                "inv_orig_networks",
                "inv_orig_networks_succ",
                "inv_term_dst",
                "inv_term_dst_succ",
                "inv_term_networks",
                "inv_term_networks_succ",
                "inv_srv_data",
                "inv_charges",
                "inv_subscriptions",
                "inv_corrections",
                "inv_tax_lines",
                "inv_vat_breakdown"
            }) {
                statement.execute("DELETE FROM " + table);
            }
            statement.execute("DELETE FROM invoice WHERE credited_invoice_id IS NOT NULL");
            statement.execute("DELETE FROM invoice WHERE supplemented_invoice_id IS NOT NULL");
            statement.execute("DELETE FROM invoice");
            statement.execute("DELETE FROM numbering_counter");
            statement.execute("DELETE FROM account_invoice_settings");
            statement.execute("DELETE FROM account_auto_invoicing");
            statement.execute("UPDATE invoicing_settings SET customer_series_id = 1, vendor_series_id = 2,"
                    + " credit_note_series_id = 3");
            statement.execute("DELETE FROM numbering_series WHERE id > 3");
            connection.commit();
        }
    }

    /** Removes every invoice template, account assignment and the global default (documents first). */
    static void removeTemplates(PostgresDatabase database) throws SQLException {
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SET LOCAL session_replication_role = replica");
            statement.execute("DELETE FROM invoice_document");
            statement.execute("DELETE FROM account_invoice_template");
            statement.execute("UPDATE invoice_template_default SET template_id = NULL");
            statement.execute("DELETE FROM invoice_template");
            connection.commit();
        }
    }

    /** No seller or buyer tax profile: the tax profile tests start from none (other classes share the database). */
    static void removeTaxProfiles(PostgresDatabase database) throws SQLException {
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM account_seller_profile");
            statement.execute("DELETE FROM seller_profile");
            statement.execute("DELETE FROM buyer_tax_profile");
        }
    }
}
