package org.billing.invoicing.invoice;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.billing.invoicing.testing.FixtureDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The database itself refuses to change an issued invoice or its detail rows, whoever asks. */
class IssuedInvoiceImmutabilityTest {

    @RegisterExtension
    static final FixtureDatabase database =
            new FixtureDatabase("/fixtures/march-2026.sql", "/fixtures/invoice-1-pending.sql");

    @BeforeAll
    static void startDatabaseWithAnApprovedInvoice() throws Exception {
        execute("""
                INSERT INTO inv_orig_dst (invoice_id, line_no, dst_prefix, calls_count, successful_calls_count,
                    calls_duration, billing_duration, amount)
                VALUES (1, 1, '49', 1, 1, 60, 60, 5)""");
        execute("INSERT INTO invoice_period_claim SELECT id, account_id, direction, start_at, end_at FROM invoice");
        execute(
                "UPDATE invoice SET state = 'APPROVED', number = 'INV-1', series_id = 1, issued_at = now() WHERE id = 1");
        execute(
                "INSERT INTO invoice_event (id, invoice_id, action, actor, at) VALUES (1, 1, 'APPROVED', 'ada', now())");
    }

    @BeforeEach
    void aPendingInvoice() throws Exception {
        execute("DELETE FROM invoice WHERE state = 'PENDING'");
        execute("""
                INSERT INTO invoice (id, contractor_id, account_id, direction, state, type, start_at, end_at, time_zone,
                    first_day, last_day, amount, orig_spent, orig_earned, term_spent, term_earned, srv_spent, srv_earned,
                    srv_transactions_count, calls_count, successful_calls_count, calls_duration, billing_duration,
                    created_at)
                VALUES (2, 1, 10, 'CUSTOMER', 'PENDING', 'MANUAL', '2026-02-01Z', '2026-03-01Z', 'UTC', '2026-02-01',
                    '2026-02-28', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, now())""");
        execute("INSERT INTO invoice_period_claim SELECT id, account_id, direction, start_at, end_at FROM invoice"
                + " WHERE id = 2");
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

    @Test
    void anApprovedInvoiceCannotBeUpdatedOrDeletedInSql() throws Exception {
        assertRefused("UPDATE invoice SET amount = 1 WHERE id = 1");
        assertRefused(
                "UPDATE invoice SET state = 'PENDING', number = NULL, series_id = NULL, issued_at = NULL WHERE id = 1");
        assertRefused("DELETE FROM invoice WHERE id = 1");
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            var row = statement.executeQuery("SELECT amount, state, number FROM invoice WHERE id = 1");
            row.next();
            assertEquals(0, row.getBigDecimal("amount").compareTo(java.math.BigDecimal.valueOf(5)));
            assertEquals("APPROVED", row.getString("state"));
            assertEquals("INV-1", row.getString("number"));
        }
    }

    @Test
    void theDetailRowsOfAnApprovedInvoiceCannotChange() {
        assertRefused("UPDATE inv_orig_dst SET amount = 0 WHERE invoice_id = 1");
        assertRefused("DELETE FROM inv_orig_dst WHERE invoice_id = 1");
        assertRefused("INSERT INTO inv_orig_dst (invoice_id, line_no, calls_count, successful_calls_count,"
                + " calls_duration, billing_duration, amount) VALUES (1, 2, 1, 1, 1, 1, 1)");
    }

    @Test
    void aPendingInvoiceCanStillBeRecalculatedOrDeleted() {
        assertDoesNotThrow(() -> execute("UPDATE invoice SET amount = 7 WHERE id = 2"));
        assertDoesNotThrow(() -> execute("INSERT INTO inv_orig_dst (invoice_id, line_no, calls_count,"
                + " successful_calls_count, calls_duration, billing_duration, amount) VALUES (2, 1, 1, 1, 1, 1, 7)"));
        assertDoesNotThrow(() -> execute("DELETE FROM invoice WHERE id = 2"));
    }

    /** V20: the detail tables have no foreign keys any more; their statement-level trigger does their work. */
    @Test
    void detailRowsBelongToAnInvoiceAndGoWithIt() throws Exception {
        SQLException orphan = assertThrows(
                SQLException.class,
                () -> execute("INSERT INTO inv_term_networks (invoice_id, line_no, calls_count,"
                        + " successful_calls_count, calls_duration, billing_duration, amount)"
                        + " VALUES (2, 1, 1, 1, 1, 1, 7), (99, 1, 1, 1, 1, 1, 7)"));
        assertEquals("23503", orphan.getSQLState(), orphan.getMessage());
        assertEquals(0, count("SELECT count(*) FROM inv_term_networks WHERE invoice_id IN (2, 99)"));

        execute("INSERT INTO inv_term_networks (invoice_id, line_no, calls_count, successful_calls_count,"
                + " calls_duration, billing_duration, amount) VALUES (2, 1, 1, 1, 1, 1, 7), (2, 2, 1, 1, 1, 1, 7)");
        execute("INSERT INTO inv_tax_lines (invoice_id, line_no, description, net_amount)"
                + " VALUES (2, 1, 'Originated calls', 7)");
        execute("DELETE FROM invoice WHERE id = 2");
        assertEquals(0, count("SELECT count(*) FROM inv_term_networks WHERE invoice_id = 2"));
        assertEquals(0, count("SELECT count(*) FROM inv_tax_lines WHERE invoice_id = 2"));
        // The approved invoice's rows are untouched.
        assertEquals(1, count("SELECT count(*) FROM inv_orig_dst WHERE invoice_id = 1"));
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement();
                var row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Issue 11: two series of one pattern printed the same number; a number is unique across all series (V11). */
    @Test
    void aNumberIsIssuedOnceAcrossAllSeries() throws Exception {
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            SQLException refused = assertThrows(
                    SQLException.class,
                    () -> statement.executeUpdate(
                            "UPDATE invoice"
                                    + " SET state = 'APPROVED', number = 'INV-1', series_id = 2, issued_at = now() WHERE id = 2"));
            assertEquals("23505", refused.getSQLState(), refused.getMessage());
            connection.rollback();
            assertEquals(
                    1,
                    statement.executeUpdate("UPDATE invoice SET state = 'APPROVED', number = 'VND-1',"
                            + " series_id = 2, issued_at = now() WHERE id = 2"));
            connection.rollback();
        }
    }

    /** The audit trail is append-only (V12): an event is never changed or deleted, whoever asks. */
    @Test
    void theHistoryOfAnInvoiceIsAppendOnly() {
        assertRefused("UPDATE invoice_event SET actor = 'someone else' WHERE id = 1");
        assertRefused("DELETE FROM invoice_event WHERE id = 1");
        assertDoesNotThrow(() -> execute("INSERT INTO invoice_event (id, invoice_id, action, actor, at)"
                + " VALUES (2, 2, 'CREATED', 'oscar', now())"));
        assertRefused("DELETE FROM invoice_event WHERE id = 2");
    }

    /** The period an issued invoice claims is released only by its credit note (V12); a Pending one's goes with it. */
    @Test
    void theClaimOfAnIssuedInvoiceIsReleasedOnlyByItsCreditNote() throws Exception {
        assertRefused("DELETE FROM invoice_period_claim WHERE invoice_id = 1");
        assertRefused("UPDATE invoice_period_claim SET end_at = start_at + interval '1 day' WHERE invoice_id = 1");
        assertDoesNotThrow(() -> execute("DELETE FROM invoice_period_claim WHERE invoice_id = 2"));

        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("""
                    INSERT INTO invoice (id, contractor_id, account_id, direction, state, type, start_at, end_at,
                        time_zone, first_day, last_day, amount, orig_spent, orig_earned, term_spent, term_earned,
                        srv_spent, srv_earned, srv_transactions_count, calls_count, successful_calls_count,
                        calls_duration, billing_duration, created_at, kind, credited_invoice_id, credit_reason)
                    SELECT 3, contractor_id, account_id, direction, 'PENDING', type, start_at, end_at, time_zone,
                        first_day, last_day, -amount, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, now(), 'CREDIT_NOTE', 1,
                        'wrong rate'
                    FROM invoice WHERE id = 1""");
            assertEquals(1, statement.executeUpdate("DELETE FROM invoice_period_claim WHERE invoice_id = 1"));
            connection.rollback();
        }
    }

    /** TRUNCATE fires no row trigger: it is refused on every protected table (V12). */
    @Test
    void theProtectedTablesAreNeverTruncated() {
        for (String table : new String[] {
            "invoice_event",
            "invoice_period_claim",
            "invoice_document",
            "inv_orig_dst",
            "inv_charges",
            "invoice CASCADE"
        }) {
            assertRefused("TRUNCATE " + table);
        }
    }

    @Test
    void anIssuedInvoiceHasANumber() {
        SQLException refused =
                assertThrows(SQLException.class, () -> execute("UPDATE invoice SET state = 'APPROVED' WHERE id = 2"));
        assertEquals("23514", refused.getSQLState(), refused.getMessage());
    }
}
