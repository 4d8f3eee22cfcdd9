package org.billing.invoicing.invoice;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.billing.invoicing.common.Jdbc;
import org.billing.invoicing.period.BillingPeriod;
import org.billing.invoicing.testing.FixtureDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The database itself refuses overlapping invoices of one account and direction: the period claims
 * of invoices exclude each other.
 */
class InvoiceOverlapConstraintTest {

    @RegisterExtension
    static final FixtureDatabase database = new FixtureDatabase("/fixtures/march-2026.sql");

    private static long nextId = 1;

    @AfterEach
    void removeInvoices() throws Exception {
        try (Connection connection = database.connection()) {
            connection.createStatement().execute("DELETE FROM invoice");
        }
    }

    private static void insert(long account, String direction, int firstDay, int lastDay) throws SQLException {
        BillingPeriod period =
                BillingPeriod.ofDays(LocalDate.of(2026, 3, firstDay), LocalDate.of(2026, 3, lastDay), ZoneOffset.UTC);
        long id = nextId++;
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement invoice = connection.prepareStatement("INSERT INTO invoice VALUES (?, 1, ?, ?,"
                            + " 'PENDING', 'MANUAL', ?, ?, 'UTC', ?, ?, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,"
                            + " NULL, NULL, NULL, NULL, now())");
                    PreparedStatement claim = connection.prepareStatement("INSERT INTO invoice_period_claim"
                            + " (invoice_id, account_id, direction, start_at, end_at) VALUES (?, ?, ?, ?, ?)")) {
                invoice.setLong(1, id);
                invoice.setLong(2, account);
                invoice.setString(3, direction);
                Jdbc.setInstant(invoice, 4, period.start());
                Jdbc.setInstant(invoice, 5, period.end());
                invoice.setObject(6, period.firstDay());
                invoice.setObject(7, period.lastDay());
                invoice.executeUpdate();
                claim.setLong(1, id);
                claim.setLong(2, account);
                claim.setString(3, direction);
                Jdbc.setInstant(claim, 4, period.start());
                Jdbc.setInstant(claim, 5, period.end());
                claim.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static void assertRefused(long account, String direction, int firstDay, int lastDay) {
        SQLException refused = assertThrows(SQLException.class, () -> insert(account, direction, firstDay, lastDay));
        assertEquals("23P01", refused.getSQLState(), refused.getMessage());
    }

    @Test
    void overlappingPeriodsOfOneAccountAndDirectionAreRefused() throws Exception {
        insert(10, "CUSTOMER", 10, 20);

        assertRefused(10, "CUSTOMER", 10, 20); // identical
        assertRefused(10, "CUSTOMER", 1, 31); // containing
        assertRefused(10, "CUSTOMER", 12, 15); // contained
        assertRefused(10, "CUSTOMER", 1, 10); // straddling the start
        assertRefused(10, "CUSTOMER", 20, 25); // straddling the end
    }

    @Test
    void touchingPeriodsOtherAccountsAndOtherDirectionsAreAllowed() throws Exception {
        insert(10, "CUSTOMER", 10, 20);

        assertDoesNotThrow(() -> insert(10, "CUSTOMER", 1, 9)); // ends where the other starts
        assertDoesNotThrow(() -> insert(10, "CUSTOMER", 21, 31)); // starts where the other ends
        assertDoesNotThrow(() -> insert(10, "VENDOR", 10, 20));
        assertDoesNotThrow(() -> insert(30, "CUSTOMER", 10, 20));
    }
}
