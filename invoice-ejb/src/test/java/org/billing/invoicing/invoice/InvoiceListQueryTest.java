package org.billing.invoicing.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.platform.PaymentModel;
import org.billing.invoicing.testing.GeneratedInvoices;
import org.billing.invoicing.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The list's SQL on PostgreSQL over 24,000 generated invoices: each filter and the search give what a
 * plain query of the same conditions gives, in the list's order; the total stops at its bound; a
 * cursor walks everything once while invoices are added; the plans are index walks.
 */
class InvoiceListQueryTest {

    private static final int INVOICES = 24_000;
    private static PostgresDatabase database;

    @BeforeAll
    static void startDatabaseWithManyInvoices() throws Exception {
        database = PostgresDatabase.startMigrated();
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            GeneratedInvoices.accounts(connection, 10, 3);
            statement.execute("UPDATE contractor SET name = 'Zebra Telecom' WHERE id = 3");
            statement.execute("UPDATE account SET name = 'Night_Owl 100% wholesale' WHERE id = 7");
            GeneratedInvoices.insert(connection, 1, INVOICES);
            statement.execute("VACUUM ANALYZE invoice");
        }
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        database.close();
    }

    private static InvoiceFilter filter(
            Long accountId,
            Long contractorId,
            Direction direction,
            InvoiceState state,
            InvoiceType type,
            LocalDate from,
            LocalDate to,
            PaymentModel model,
            String text) {
        return new InvoiceFilter(accountId, contractorId, direction, state, type, from, to, model, text);
    }

    private static InvoiceFilter text(String text) {
        return filter(null, null, null, null, null, null, null, null, text);
    }

    /** The ids a plain query finds, newest first: what the list must show. */
    private static List<Long> expected(String where) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT i.id FROM invoice i WHERE " + where + " ORDER BY i.created_at DESC, i.id DESC")) {
            while (row.next()) {
                ids.add(row.getLong(1));
            }
        }
        return ids;
    }

    /** Every id of the list, walked by cursor a page at a time. */
    private static List<Long> walk(InvoiceFilter filter, int size) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = database.connection()) {
            InvoiceListQuery query = InvoiceListQuery.of(connection, filter);
            InvoiceListQuery.Total total = query.total(connection);
            InvoiceCursor after = null;
            InvoiceListQuery.Slice slice;
            do {
                slice = query.page(connection, after, 0, size, total);
                slice.rows().forEach(row -> ids.add(row.id()));
                after = slice.rows().isEmpty()
                        ? null
                        : slice.rows().get(slice.rows().size() - 1).cursor();
            } while (slice.more());
        }
        return ids;
    }

    private static InvoiceListQuery.Total total(InvoiceFilter filter) throws SQLException {
        try (Connection connection = database.connection()) {
            return InvoiceListQuery.of(connection, filter).total(connection);
        }
    }

    @Test
    void eachFilterGivesWhatItsConditionSelectsNewestFirstWithItsExactTotal() throws Exception {
        assertListed(filter(7L, null, null, null, null, null, null, null, null), "i.account_id = 7");
        assertListed(
                filter(null, 3L, Direction.VENDOR, null, null, null, null, null, null),
                "i.contractor_id = 3 AND i.direction = 'VENDOR'");
        assertListed(
                filter(null, 2L, null, InvoiceState.PENDING, null, null, null, null, null),
                "i.contractor_id = 2 AND i.state = 'PENDING'");
        assertListed(
                filter(null, 5L, null, null, InvoiceType.MANUAL, null, null, PaymentModel.POSTPAY, null),
                "i.contractor_id = 5 AND i.type = 'MANUAL' AND i.payment_model = 'POSTPAY'");
        assertListed(
                filter(
                        null,
                        null,
                        null,
                        null,
                        null,
                        LocalDate.parse("2020-03-01"),
                        LocalDate.parse("2020-03-10"),
                        null,
                        null),
                "i.last_day >= '2020-03-01' AND i.first_day <= '2020-03-10'");
        assertListed(
                filter(9L, null, null, null, null, LocalDate.parse("2020-06-01"), null, null, null),
                "i.account_id = 9 AND i.last_day >= '2020-06-01'");
        assertListed(
                filter(9L, null, null, null, null, null, LocalDate.parse("2020-06-01"), null, null),
                "i.account_id = 9 AND i.first_day <= '2020-06-01'");
        assertEquals(
                new InvoiceListQuery.Total(0, true),
                total(filter(
                        null,
                        null,
                        null,
                        null,
                        null,
                        LocalDate.parse("2020-06-02"),
                        LocalDate.parse("2020-06-01"),
                        null,
                        null)));
    }

    @Test
    void theSearchFindsNumbersAndAccountAndContractorNamesInAnyCase() throws Exception {
        assertListed(text("gen-1234"), "i.number ILIKE '%GEN-1234%'");
        assertTrue(expected("i.number ILIKE '%GEN-1234%'").size() > 5);
        assertListed(text("zebra"), "i.contractor_id = 3");
        assertListed(text("owl 100% WHOLE"), "i.account_id = 7");
        assertListed(text("Night_Owl"), "i.account_id = 7");
        // Wildcards are taken literally: '_' is no "any character", '%' no "anything".
        assertEquals(new InvoiceListQuery.Total(0, true), total(text("Night Owl")));
        assertEquals(new InvoiceListQuery.Total(0, true), total(text("GEN%12")));
        // Too short for a trigram: names as ever, and the start of a number.
        assertListed(text("ze"), "i.contractor_id = 3");
        assertListed(filter(7L, null, null, null, null, null, null, null, "ge"), "i.account_id = 7");
        assertEquals(new InvoiceListQuery.Total(0, true), total(text("12")));
        assertListed(
                filter(null, null, Direction.CUSTOMER, null, null, null, null, null, "zebra"),
                "i.contractor_id = 3 AND i.direction = 'CUSTOMER'");
    }

    /**
     * An invoice shows the account's and the buyer's names as they were when it was made (issue 12): after a
     * rename the search still finds the account and the contractor by the names their invoices print, and by
     * today's.
     */
    @Test
    void theSearchFindsAccountsAndContractorsByTheNamesTheirInvoicesWereMadeWith() throws Exception {
        long contractor;
        String accountName;
        String contractorName;
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            try (var row = statement.executeQuery("SELECT a.contractor_id, a.name, c.name FROM account a"
                    + " JOIN contractor c ON c.id = a.contractor_id WHERE a.id = 5")) {
                row.next();
                contractor = row.getLong(1);
                accountName = row.getString(2);
                contractorName = row.getString(3);
            }
            // Three invoices made while account 5 was 'Harbour Lines' of 'Osprey Carriers', then both renamed.
            statement.execute("INSERT INTO invoice (id, contractor_id, account_id, direction, state, type, start_at,"
                    + " end_at, time_zone, first_day, last_day, amount, orig_spent, orig_earned, term_spent,"
                    + " term_earned, srv_spent, srv_earned, srv_transactions_count, calls_count,"
                    + " successful_calls_count, calls_duration, billing_duration, created_at, created_by,"
                    + " account_name, buyer_name) SELECT nextval('invoice_seq'), " + contractor
                    + ", 5, 'CUSTOMER', 'PENDING',"
                    + " 'MANUAL', timestamptz '2019-01-01Z' + d * interval '1 day', timestamptz '2019-01-02Z' + d *"
                    + " interval '1 day', 'UTC', date '2019-01-01' + d, date '2019-01-01' + d, 0, 0, 0, 0, 0, 0, 0, 0,"
                    + " 0, 0, 0, 0, timestamptz '2019-01-03Z' + d * interval '1 day', 'names-test', 'Harbour Lines',"
                    + " 'Osprey Carriers' FROM generate_series(0, 2) d");
            statement.execute("UPDATE account SET name = 'Kestrel Networks' WHERE id = 5");
            statement.execute("UPDATE contractor SET name = 'Plover Voice' WHERE id = " + contractor);
        }
        try {
            assertListed(text("harbour"), "i.account_id = 5");
            assertListed(text("KESTREL"), "i.account_id = 5");
            assertListed(text("osprey carr"), "i.contractor_id = " + contractor);
            assertListed(text("plover"), "i.contractor_id = " + contractor);
            assertEquals(new InvoiceListQuery.Total(0, true), total(text("Harbour Linesx")));
        } finally {
            try (Connection connection = database.connection();
                    Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM invoice WHERE created_by = 'names-test'");
                statement.execute("DELETE FROM invoice_name WHERE name IN ('Harbour Lines', 'Osprey Carriers')");
                try (var restore = connection.prepareStatement("UPDATE account SET name = ? WHERE id = 5")) {
                    restore.setString(1, accountName);
                    restore.executeUpdate();
                }
                try (var restore = connection.prepareStatement("UPDATE contractor SET name = ? WHERE id = ?")) {
                    restore.setString(1, contractorName);
                    restore.setLong(2, contractor);
                    restore.executeUpdate();
                }
            }
        }
    }

    /** Issue 13: the invoices whose last drift check found a difference, alone and with another filter. */
    @Test
    void theDriftedFilterListsTheInvoicesWhoseLastCheckFoundADifference() throws Exception {
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            statement.execute(
                    "INSERT INTO invoice_drift (invoice_id, checked_at, checked_by, drifted, calls_then, calls_now,"
                            + " duration_then, duration_now, billing_duration_then, billing_duration_now, amount_then, amount_now,"
                            + " rows_changed) SELECT id, now(), 'test', id % 97 = 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 FROM invoice"
                            + " WHERE id % 97 = 0 OR id % 89 = 0");
        }
        try {
            InvoiceFilter drifted = InvoiceFilter.any().onlyDrifted();
            assertListed(drifted, "i.id IN (SELECT invoice_id FROM invoice_drift WHERE drifted)");
            assertListed(
                    filter(null, 2L, null, null, null, null, null, null, null).onlyDrifted(),
                    "i.contractor_id = 2 AND i.id IN (SELECT invoice_id FROM invoice_drift WHERE drifted)");
            assertTrue(total(drifted).count() > 0);
        } finally {
            try (Connection connection = database.connection();
                    Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM invoice_drift");
            }
        }
    }

    private static void assertListed(InvoiceFilter filter, String where) throws SQLException {
        List<Long> expected = expected(where);
        assertTrue(expected.size() <= InvoiceListQuery.TOTAL_BOUND, "pick a narrower filter for this test");
        assertEquals(new InvoiceListQuery.Total(expected.size(), true), total(filter), where);
        assertEquals(expected, walk(filter, 50), where);
        try (Connection connection = database.connection()) {
            InvoiceListQuery query = InvoiceListQuery.of(connection, filter);
            // Both plans: the order's index walk, and matches first then sorted (given an exact total).
            for (InvoiceListQuery.Total total : java.util.Arrays.asList(null, query.total(connection))) {
                InvoiceListQuery.Slice page2 = query.page(connection, null, 20, 20, total);
                assertEquals(
                        expected.subList(Math.min(20, expected.size()), Math.min(40, expected.size())),
                        page2.rows().stream().map(InvoiceListQuery.Row::id).toList(),
                        where);
                assertEquals(expected.size() > 40, page2.more());
            }
        }
    }

    @Test
    void datesMatchingMoreThanTheBoundArePagedRightWhetherTheyAreNewOrOld() throws Exception {
        for (String where : List.of("i.last_day >= '2020-06-01'", "i.first_day <= '2020-10-01'")) {
            InvoiceFilter filter = where.contains(">=")
                    ? filter(null, null, null, null, null, LocalDate.parse("2020-06-01"), null, null, null)
                    : filter(null, null, null, null, null, null, LocalDate.parse("2020-10-01"), null, null);
            List<Long> expected = expected(where);
            assertTrue(expected.size() > InvoiceListQuery.TOTAL_BOUND, where);
            try (Connection connection = database.connection()) {
                InvoiceListQuery query = InvoiceListQuery.of(connection, filter);
                InvoiceListQuery.Total total = query.total(connection);
                assertEquals(new InvoiceListQuery.Total(InvoiceListQuery.TOTAL_BOUND, false), total);
                List<Long> walked = new ArrayList<>();
                InvoiceCursor after = null;
                for (int page = 0; page < 3; page++) {
                    InvoiceListQuery.Slice slice = query.page(connection, after, 0, 100, total);
                    assertTrue(slice.more());
                    slice.rows().forEach(row -> walked.add(row.id()));
                    after = slice.rows().get(99).cursor();
                }
                assertEquals(expected.subList(0, 300), walked, where);
                assertEquals(
                        expected.subList(500, 550),
                        query.page(connection, null, 500, 50, total).rows().stream()
                                .map(InvoiceListQuery.Row::id)
                                .toList(),
                        where);
            }
        }
    }

    @Test
    void theTotalIsCountedUpToItsBound() throws Exception {
        assertEquals(new InvoiceListQuery.Total(InvoiceListQuery.TOTAL_BOUND, false), total(InvoiceFilter.any()));
        assertEquals(
                new InvoiceListQuery.Total(InvoiceListQuery.TOTAL_BOUND, false),
                total(filter(null, null, Direction.CUSTOMER, null, null, null, null, null, null)));
        assertEquals(
                new InvoiceListQuery.Total(INVOICES / 10, true),
                total(filter(null, null, null, InvoiceState.PENDING, null, null, null, null, null)));
    }

    @Test
    void aCursorWalkReturnsEveryInvoiceOnceWhileNewOnesAreAdded() throws Exception {
        InvoiceFilter customers = filter(null, null, Direction.CUSTOMER, null, null, null, null, null, null);
        List<Long> before = expected("i.direction = 'CUSTOMER'");
        List<Long> walked = new ArrayList<>();
        long added = 0;
        try (Connection connection = database.connection()) {
            InvoiceListQuery query = InvoiceListQuery.of(connection, customers);
            InvoiceCursor after = null;
            InvoiceListQuery.Slice slice;
            do {
                slice = query.page(connection, after, 0, 500);
                slice.rows().forEach(row -> walked.add(row.id()));
                after = slice.rows().isEmpty()
                        ? null
                        : slice.rows().get(slice.rows().size() - 1).cursor();
                // Newer invoices come while the walk goes on; they belong before its first page.
                added += GeneratedInvoices.insert(connection, INVOICES + 1 + added, 40);
                if (after != null) {
                    after = InvoiceCursor.decode(after.encode(), "cursor"); // as a client sends it back
                }
            } while (slice.more());
        } finally {
            try (Connection connection = database.connection();
                    Statement statement = connection.createStatement()) {
                // The added invoices are issued, which the database keeps; a test database may let go.
                statement.execute("SET session_replication_role = replica");
                statement.execute("DELETE FROM invoice WHERE created_at > timestamptz '2024-01-01'" + " + " + INVOICES
                        + " * interval '30 seconds'");
            }
        }
        assertTrue(added > 0);
        assertEquals(before, walked);
        assertEquals(walked.size(), new HashSet<>(walked).size());
    }

    @Test
    void aCursorIsOpaqueAndAnythingElseIsRefusedNamingTheField() {
        InvoiceCursor cursor = new InvoiceCursor(Instant.parse("2026-11-26T03:00:00.123456Z"), 4250);
        assertEquals(cursor, InvoiceCursor.decode(cursor.encode(), "cursor"));
        assertFalse(cursor.encode().contains("4250"));
        for (String bad : List.of(
                "",
                "abc",
                "!!!",
                "djEuMS4yLjM=x",
                cursor.encode() + "x",
                "x".repeat(500),
                java.util.Base64.getUrlEncoder().encodeToString("v1.99999999999999999999.0.1".getBytes()))) {
            InvoicingException refused =
                    assertThrows(InvoicingException.class, () -> InvoiceCursor.decode(bad, "cursor"));
            assertEquals(ErrorCode.VALIDATION_FAILED, refused.code());
            assertEquals("cursor", refused.field());
        }
    }

    @Test
    void pagesAreIndexWalksThatStopAtThePage() throws Exception {
        for (InvoiceFilter filter : List.of(
                InvoiceFilter.any(),
                filter(7L, null, null, null, null, null, null, null, null),
                filter(null, 3L, null, null, null, null, null, null, null),
                filter(null, null, null, InvoiceState.PENDING, null, null, null, null, null),
                filter(null, null, null, null, InvoiceType.MANUAL, null, null, null, null),
                filter(null, null, null, null, null, null, null, PaymentModel.PREPAY, null))) {
            try (Connection connection = database.connection()) {
                InvoiceListQuery query = InvoiceListQuery.of(connection, filter);
                InvoiceCursor after =
                        query.page(connection, null, 0, 50).rows().get(49).cursor();
                for (String plan : List.of(
                        query.explainPage(connection, null, 0, 50), query.explainPage(connection, after, 0, 50))) {
                    assertFalse(plan.contains("Seq Scan on invoice"), filter + "\n" + plan);
                    assertFalse(plan.contains("Sort"), filter + "\n" + plan);
                    assertTrue(plan.contains("Index"), filter + "\n" + plan);
                }
                // The count reads no more than the bound's rows, by whichever path is cheapest.
                String plan = query.explainTotal(connection);
                assertTrue(
                        plan.lines()
                                .filter(line -> line.contains("->"))
                                .findFirst()
                                .orElseThrow()
                                .contains("->  Limit"),
                        filter + "\n" + plan);
                assertFalse(plan.contains("Sort"), filter + "\n" + plan);
            }
        }
    }
}
