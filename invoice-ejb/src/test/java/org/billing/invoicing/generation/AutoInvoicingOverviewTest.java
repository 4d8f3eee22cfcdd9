package org.billing.invoicing.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.generation.AutoInvoicingOverview.Days;
import org.billing.invoicing.generation.AutoInvoicingOverview.Filter;
import org.billing.invoicing.generation.AutoInvoicingOverview.Pair;
import org.billing.invoicing.generation.AutoInvoicingOverview.Row;
import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.period.AutoPeriod;
import org.billing.invoicing.period.InvoicePeriod;
import org.billing.invoicing.testing.FixtureDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The overview of every account's automatic invoicing on a real PostgreSQL: the fixture's accounts 10
 * ("Acme wholesale"), 20 ("Carrier B termination") and 30 ("Acme retail"), and 25 more of a contractor
 * "Paging Ltd" (101 to 125), each in both directions.
 */
class AutoInvoicingOverviewTest {

    private static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");
    private static final Pair ACME_CUSTOMER = new Pair(10, Direction.CUSTOMER);
    private static final Pair RETAIL_CUSTOMER = new Pair(30, Direction.CUSTOMER);
    private static final Pair CARRIER_VENDOR = new Pair(20, Direction.VENDOR);

    @RegisterExtension
    static final FixtureDatabase database = new FixtureDatabase("/fixtures/march-2026.sql");

    @BeforeAll
    static void addToTheFixture() throws Exception {
        execute("INSERT INTO contractor (id, name, address, phones, email, is_customer, is_vendor) VALUES"
                + " (9, 'Paging Ltd', 'x', 'x', 'x@paging.example', true, true)");
        execute("INSERT INTO account (id, contractor_id, name, balance, currency, timezone, payment_model)"
                + " SELECT n, 9, 'Paged ' || n, 0, 'EUR', 'UTC', 'POSTPAY' FROM generate_series(101, 125) AS n");
    }

    @BeforeEach
    void clean() throws SQLException {
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            // Issued invoices refuse DELETE; switched off for this transaction only, as on a test copy.
            statement.execute("SET LOCAL session_replication_role = replica");
            statement.execute("DELETE FROM generation_run");
            statement.execute("DELETE FROM invoice");
            statement.execute("DELETE FROM account_auto_invoicing");
            connection.commit();
        }
    }

    @Test
    void pagesInSqlEveryAccountInBothDirectionsByAccountId() throws SQLException {
        try (Connection connection = database.connection()) {
            assertEquals(56, AutoInvoicingOverview.count(connection, Filter.all()));

            List<Row> first = AutoInvoicingOverview.page(connection, Filter.all(), 0, 4);
            assertEquals(List.of("10 CUSTOMER", "10 VENDOR", "20 CUSTOMER", "20 VENDOR"), keys(first));
            assertEquals("Acme wholesale", first.get(0).accountName());
            assertEquals("Acme Telecom", first.get(0).contractorName());
            assertNull(first.get(0).invoicePeriod(), "not invoiced automatically");
            assertNull(first.get(0).nextDue());

            List<String> all = new ArrayList<>();
            for (int from = 0; from < 56; from += 20) {
                all.addAll(keys(AutoInvoicingOverview.page(connection, Filter.all(), from, 20)));
            }
            assertEquals(56, all.size());
            assertEquals(56, new HashSet<>(all).size(), "no row on two pages");
            assertEquals("125 VENDOR", all.get(55));
            assertTrue(
                    AutoInvoicingOverview.page(connection, Filter.all(), 56, 20).isEmpty());

            InvoicingException tooLarge = assertThrows(
                    InvoicingException.class,
                    () -> AutoInvoicingOverview.page(
                            connection, Filter.all(), 0, AutoInvoicingOverview.MAX_PAGE_SIZE + 1));
            assertEquals(ErrorCode.VALIDATION_FAILED, tooLarge.code());
        }
    }

    @Test
    void filtersByNameOfAccountOrContractorDirectionAndPeriod() throws SQLException {
        try (Connection connection = database.connection()) {
            AutoInvoicingOverview.changeMany(
                    connection, List.of(ACME_CUSTOMER), InvoicePeriod.WEEKLY, LocalDate.of(2026, 3, 2), NOW);
            AutoInvoicingOverview.changeMany(
                    connection, List.of(RETAIL_CUSTOMER), InvoicePeriod.MONTHLY, LocalDate.of(2026, 3, 1), NOW);

            assertEquals(
                    List.of("10 CUSTOMER", "10 VENDOR", "30 CUSTOMER", "30 VENDOR"),
                    keys(page(connection, new Filter("acme", null, null, null))),
                    "the contractor's name");
            assertEquals(
                    List.of("20 CUSTOMER", "20 VENDOR"),
                    keys(page(connection, new Filter(" Termination ", null, null, null))),
                    "the account's name");
            assertEquals(
                    List.of("107 CUSTOMER", "107 VENDOR"), keys(page(connection, new Filter("107", null, null, null))));
            assertEquals(
                    List.of("10 VENDOR", "30 VENDOR"),
                    keys(page(connection, new Filter("Acme", Direction.VENDOR, null, null))));
            assertEquals(
                    List.of("10 CUSTOMER", "30 CUSTOMER"), keys(page(connection, new Filter(null, null, true, null))));
            assertEquals(
                    List.of("30 CUSTOMER"),
                    keys(page(connection, new Filter(null, null, null, InvoicePeriod.MONTHLY))));
            assertEquals(54, AutoInvoicingOverview.count(connection, new Filter(null, null, false, null)));
            assertEquals(
                    0,
                    AutoInvoicingOverview.count(connection, new Filter("100%", null, null, null)),
                    "% is a character, not a wildcard");
        }
    }

    @Test
    void theNextPeriodDueFollowsTheLastAutomaticInvoiceOrStartsFromTheSettings() throws SQLException {
        try (Connection connection = database.connection()) {
            // From a Wednesday: the first whole week is the next Monday's.
            AutoInvoicingOverview.changeMany(
                    connection, List.of(ACME_CUSTOMER), InvoicePeriod.WEEKLY, LocalDate.of(2026, 3, 4), NOW);
            assertEquals(
                    new Days(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 15)),
                    row(connection, ACME_CUSTOMER).nextDue());

            invoice(connection, 1, ACME_CUSTOMER, "AUTO", "2026-03-09", "2026-03-15", null);
            invoice(connection, 2, ACME_CUSTOMER, "AUTO", "2026-03-16", "2026-03-22", null);
            // A later manual invoice is the latest invoice, but automatic invoicing goes on after its own.
            invoice(connection, 3, ACME_CUSTOMER, "MANUAL", "2026-04-01", "2026-04-10", "INV-77");
            Row row = row(connection, ACME_CUSTOMER);
            assertEquals(new Days(LocalDate.of(2026, 3, 23), LocalDate.of(2026, 3, 29)), row.nextDue());
            assertEquals(3, row.lastInvoice().id());
            assertEquals("INV-77", row.lastInvoice().number());
            assertEquals(
                    new Days(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 10)),
                    row.lastInvoice().days());

            // Settings moved past the invoices: the first whole period from the new day.
            AutoInvoicingOverview.changeMany(
                    connection, List.of(ACME_CUSTOMER), InvoicePeriod.MONTHLY, LocalDate.of(2026, 5, 15), NOW);
            assertEquals(
                    new Days(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30)),
                    row(connection, ACME_CUSTOMER).nextDue());
        }
    }

    @Test
    void theNextPeriodNeverHalfCoversTheLastInvoiceWhenTheKindChanged() {
        // Invoiced monthly to the end of March (a Tuesday), now weekly: the first whole week after it.
        AutoPeriod next = AutoInvoicingOverview.nextDue(
                InvoicePeriod.WEEKLY, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31));
        assertEquals(new AutoPeriod(LocalDate.of(2026, 4, 6), LocalDate.of(2026, 4, 12), false), next);
        // Split by month: the rest of the week that the month cut.
        assertEquals(
                new AutoPeriod(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 5), true),
                AutoInvoicingOverview.nextDue(
                        InvoicePeriod.WEEKLY_SPLIT_BY_MONTH, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)));
    }

    @Test
    void showsTheLatestFailureOfAPair() throws SQLException {
        execute(
                "INSERT INTO generation_run (id, status, trigger, started_by, node, partitions, started_at, heartbeat_at,"
                        + " ended_at) VALUES (1, 'COMPLETED', 'OPERATOR', 'admin', 'n1', 1, '2026-11-01T10:00Z', '2026-11-01T10:01Z',"
                        + " '2026-11-01T10:01Z')");
        execute(
                "INSERT INTO generation_item (run_id, account_id, direction, first_day, last_day, partial, bucket, status,"
                        + " attempts, code, reason, ended_at) VALUES"
                        + " (1, 20, 'VENDOR', '2026-03-01', '2026-03-31', false, 0, 'FAILED', 1, 'DATABASE_ERROR', 'older', '2026-11-01T10:00:10Z'),"
                        + " (1, 20, 'VENDOR', '2026-04-01', '2026-04-30', false, 0, 'FAILED', 2, 'INVALID_TIME_ZONE',"
                        + "  'The account''s time zone Mars/Olympus_Mons is unknown.', '2026-11-01T10:00:20Z'),"
                        + " (1, 20, 'VENDOR', '2026-05-01', '2026-05-31', false, 0, 'CREATED', 1, NULL, NULL, '2026-11-01T10:00:30Z'),"
                        + " (1, 20, 'CUSTOMER', '2026-05-01', '2026-05-31', false, 0, 'FAILED', 1, 'OTHER', 'x', '2026-11-01T10:00:40Z')");
        try (Connection connection = database.connection()) {
            Row row = row(connection, CARRIER_VENDOR);
            assertNotNull(row.lastFailure());
            assertEquals("INVALID_TIME_ZONE", row.lastFailure().code());
            assertEquals(
                    "The account's time zone Mars/Olympus_Mons is unknown.",
                    row.lastFailure().reason());
            assertEquals(
                    Instant.parse("2026-11-01T10:00:20Z"), row.lastFailure().at());
            assertNull(row(connection, ACME_CUSTOMER).lastFailure());
        }
    }

    @Test
    void changesAndStopsManyPairsAtOnce() throws SQLException {
        try (Connection connection = database.connection()) {
            int changed = AutoInvoicingOverview.changeMany(
                    connection,
                    List.of(ACME_CUSTOMER, RETAIL_CUSTOMER, ACME_CUSTOMER),
                    InvoicePeriod.WEEKLY,
                    LocalDate.of(2026, 3, 2),
                    NOW);
            assertEquals(2, changed, "each pair once");
            assertEquals(Map.of("10 CUSTOMER", "WEEKLY 2026-03-02", "30 CUSTOMER", "WEEKLY 2026-03-02"), settings());

            AutoInvoicingOverview.changeMany(
                    connection,
                    List.of(RETAIL_CUSTOMER, CARRIER_VENDOR),
                    InvoicePeriod.SEMIMONTHLY,
                    LocalDate.of(2026, 4, 1),
                    NOW);
            assertEquals(
                    Map.of(
                            "10 CUSTOMER",
                            "WEEKLY 2026-03-02",
                            "30 CUSTOMER",
                            "SEMIMONTHLY 2026-04-01",
                            "20 VENDOR",
                            "SEMIMONTHLY 2026-04-01"),
                    settings());

            // 20 CUSTOMER was never invoiced automatically: it is not counted.
            int stopped = AutoInvoicingOverview.stopMany(
                    connection, List.of(RETAIL_CUSTOMER, CARRIER_VENDOR, new Pair(20, Direction.CUSTOMER)));
            assertEquals(2, stopped);
            assertEquals(Map.of("10 CUSTOMER", "WEEKLY 2026-03-02"), settings());
        }
    }

    @Test
    void anUnknownAccountRefusesTheWholeRequestAndChangesNothing() throws SQLException {
        try (Connection connection = database.connection()) {
            AutoInvoicingOverview.changeMany(
                    connection, List.of(ACME_CUSTOMER), InvoicePeriod.MONTHLY, LocalDate.of(2026, 3, 1), NOW);

            InvoicingException change = assertThrows(
                    InvoicingException.class,
                    () -> AutoInvoicingOverview.changeMany(
                            connection,
                            List.of(
                                    ACME_CUSTOMER,
                                    RETAIL_CUSTOMER,
                                    new Pair(999, Direction.CUSTOMER),
                                    new Pair(998, Direction.VENDOR)),
                            InvoicePeriod.DAILY,
                            LocalDate.of(2026, 5, 1),
                            NOW));
            assertEquals(ErrorCode.ACCOUNT_NOT_FOUND, change.code());
            assertEquals("There are no accounts 998, 999.", change.getMessage());

            InvoicingException stop = assertThrows(
                    InvoicingException.class,
                    () -> AutoInvoicingOverview.stopMany(
                            connection, List.of(ACME_CUSTOMER, new Pair(999, Direction.CUSTOMER))));
            assertEquals(ErrorCode.ACCOUNT_NOT_FOUND, stop.code());
            assertEquals("There is no account 999.", stop.getMessage());

            assertEquals(Map.of("10 CUSTOMER", "MONTHLY 2026-03-01"), settings());
        }
    }

    @Test
    void refusesAChangeWithoutPeriodDateOrSelection() throws SQLException {
        try (Connection connection = database.connection()) {
            InvoicingException noPeriod = assertThrows(
                    InvoicingException.class,
                    () -> AutoInvoicingOverview.changeMany(
                            connection, List.of(ACME_CUSTOMER), null, LocalDate.of(2026, 3, 1), NOW));
            assertEquals("invoicePeriod", noPeriod.field());
            InvoicingException noDate = assertThrows(
                    InvoicingException.class,
                    () -> AutoInvoicingOverview.changeMany(
                            connection, List.of(ACME_CUSTOMER), InvoicePeriod.DAILY, null, NOW));
            assertEquals("generateFrom", noDate.field());
            InvoicingException none =
                    assertThrows(InvoicingException.class, () -> AutoInvoicingOverview.stopMany(connection, List.of()));
            assertEquals(ErrorCode.VALIDATION_FAILED, none.code());
            assertEquals("selection", none.field());
            assertTrue(settings().isEmpty());
        }
    }

    private static List<Row> page(Connection connection, Filter filter) throws SQLException {
        return AutoInvoicingOverview.page(connection, filter, 0, 100);
    }

    private static Row row(Connection connection, Pair pair) throws SQLException {
        return page(connection, new Filter(String.valueOf(pair.accountId()), pair.direction(), null, null))
                .get(0);
    }

    private static List<String> keys(List<Row> rows) {
        return rows.stream().map(row -> row.accountId() + " " + row.direction()).toList();
    }

    private static Map<String, String> settings() throws SQLException {
        Map<String, String> settings = new TreeMap<>();
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT account_id, direction, invoice_period, generate_from"
                        + " FROM account_auto_invoicing")) {
            while (rows.next()) {
                settings.put(rows.getLong(1) + " " + rows.getString(2), rows.getString(3) + " " + rows.getString(4));
            }
        }
        return settings;
    }

    /** A bare invoice of the pair for its local days (UTC instants: only the days matter here). */
    private static void invoice(
            Connection connection, long id, Pair pair, String type, String firstDay, String lastDay, String number)
            throws SQLException {
        String state = number == null ? "PENDING" : "APPROVED";
        try (Statement statement = connection.createStatement()) {
            statement.execute(
                    "INSERT INTO invoice (id, contractor_id, account_id, direction, state, type, start_at, end_at,"
                            + " time_zone, first_day, last_day, amount, orig_spent, orig_earned, term_spent, term_earned, srv_spent,"
                            + " srv_earned, srv_transactions_count, calls_count, successful_calls_count, calls_duration,"
                            + " billing_duration, created_at, kind, number, series_id, issued_at) VALUES (" + id
                            + ", 1, "
                            + pair.accountId() + ", '" + pair.direction() + "', '" + state + "', '" + type + "', '"
                            + firstDay
                            + "T00:00Z', (DATE '" + lastDay + "' + 1)::timestamp AT TIME ZONE 'UTC', 'UTC', '"
                            + firstDay
                            + "', '" + lastDay + "', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, now(), 'INVOICE', "
                            + (number == null ? "NULL, NULL, NULL" : "'" + number + "', 1, now()") + ")");
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
