package org.billing.invoicing.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.testing.FixtureDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Planning a run on PostgreSQL: every account at once, the claimed periods left out, a broken account alone. */
class DuePlanningTest {

    private static final Instant NOW = Instant.parse("2026-04-03T12:00:00Z");

    @RegisterExtension
    static final FixtureDatabase database = new FixtureDatabase("/fixtures/march-2026.sql");

    @BeforeEach
    void noSettings() throws Exception {
        sql(
                "DELETE FROM account_auto_invoicing",
                "DELETE FROM invoice",
                "UPDATE account SET timezone = 'Europe/Berlin' WHERE id = 10");
        sql("UPDATE account SET timezone = 'UTC', max_call_duration = NULL WHERE id = 30");
    }

    private static void sql(String... statements) throws Exception {
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static DuePlanning.Plan plan(int limit) throws Exception {
        return plan(NOW, limit);
    }

    private static DuePlanning.Plan plan(Instant now, int limit) throws Exception {
        try (Connection connection = database.connection()) {
            return DuePlanning.plan(connection, now, limit);
        }
    }

    @Test
    void everyAccountIsPlannedInOneGoAndClaimedPeriodsAreLeftOut() throws Exception {
        sql(
                "INSERT INTO account_auto_invoicing VALUES (10, 'CUSTOMER', 'MONTHLY', '2026-01-01', now()),"
                        + " (20, 'VENDOR', 'SEMIMONTHLY', '2026-02-01', now()), (30, 'CUSTOMER', 'DAILY', '2026-04-01', now())");
        // Account 10's January is invoiced already (a Pending manual invoice), and account 20's second half of
        // March too: the claims of both accounts are merged with the settings in one pass.
        database.run("/fixtures/invoice-1-pending.sql");
        sql(
                "UPDATE invoice SET time_zone = 'Europe/Berlin', start_at = '2025-12-31T23:00Z', end_at = '2026-01-31T23:00Z'",
                "INSERT INTO invoice_period_claim SELECT id, account_id, direction, start_at, end_at FROM invoice",
                "INSERT INTO invoice (id, contractor_id, account_id, direction, state, type, start_at, end_at, time_zone,"
                        + " first_day, last_day, amount, orig_spent, orig_earned, term_spent, term_earned, srv_spent,"
                        + " srv_earned, srv_transactions_count, calls_count, successful_calls_count, calls_duration,"
                        + " billing_duration, created_at) SELECT 2, 2, 20, 'VENDOR', 'PENDING', 'MANUAL',"
                        + " '2026-03-16Z', '2026-04-01Z', 'UTC', '2026-03-16', '2026-03-31', 0, 0, 0, 0, 0, 0, 0, 0, 0,"
                        + " 0, 0, 0, now()",
                "INSERT INTO invoice_period_claim SELECT id, account_id, direction, start_at, end_at FROM invoice"
                        + " WHERE id = 2");

        DuePlanning.Plan plan = plan(1_000);

        assertEquals(
                List.of(
                        "10 CUSTOMER 2026-02-01..2026-02-28",
                        "10 CUSTOMER 2026-03-01..2026-03-31",
                        "20 VENDOR 2026-02-01..2026-02-15",
                        "20 VENDOR 2026-02-16..2026-02-28",
                        "20 VENDOR 2026-03-01..2026-03-15",
                        "30 CUSTOMER 2026-04-01..2026-04-01",
                        "30 CUSTOMER 2026-04-02..2026-04-02"),
                plan.items().stream().map(DuePlanningTest::describe).toList());
        assertEquals(0, plan.deferred());
        assertTrue(plan.items().stream().noneMatch(PlannedItem::failed));
    }

    /**
     * A day is due once it has ended in the account's zone and its longest call could have ended too: the
     * platform's default of two hours when the account sets none. In Sydney (UTC+11 until 5 April 2026)
     * 2 April ends at 13:00 UTC; at 14:00 UTC it is due for an account whose calls last at most 30 minutes,
     * not for one that sets no limit (due at 15:00).
     */
    @Test
    void aDayIsDueOnceTheAccountsLongestCallHasEndedTheDefaultWhenItSetsNone() throws Exception {
        Instant at = Instant.parse("2026-04-02T14:00:00Z");
        sql(
                "UPDATE account SET timezone = 'Australia/Sydney', max_call_duration = NULL WHERE id = 30",
                "INSERT INTO account_auto_invoicing VALUES (30, 'CUSTOMER', 'DAILY', '2026-04-01', now())");

        assertEquals(
                List.of("30 CUSTOMER 2026-04-01..2026-04-01"),
                plan(at, 1_000).items().stream().map(DuePlanningTest::describe).toList());

        sql("UPDATE account SET max_call_duration = 1800 WHERE id = 30");
        assertEquals(
                List.of("30 CUSTOMER 2026-04-01..2026-04-01", "30 CUSTOMER 2026-04-02..2026-04-02"),
                plan(at, 1_000).items().stream().map(DuePlanningTest::describe).toList());
    }

    @Test
    void anAccountWithAZoneTheJvmDoesNotKnowFailsAloneAndTheOthersArePlanned() throws Exception {
        sql(
                "UPDATE account SET timezone = 'Mars/Olympus_Mons' WHERE id = 10",
                "INSERT INTO account_auto_invoicing VALUES (10, 'CUSTOMER', 'MONTHLY', '2026-01-01', now()),"
                        + " (20, 'VENDOR', 'MONTHLY', '2026-02-01', now())");

        DuePlanning.Plan plan = plan(1_000);

        List<PlannedItem> failed =
                plan.items().stream().filter(PlannedItem::failed).toList();
        assertEquals(1, failed.size());
        assertEquals(10, failed.get(0).accountId());
        assertEquals(Direction.CUSTOMER, failed.get(0).direction());
        assertEquals("INVALID_TIME_ZONE", failed.get(0).code());
        assertTrue(
                failed.get(0).reason().contains("Mars/Olympus_Mons"),
                failed.get(0).reason());
        assertEquals(
                List.of("20 VENDOR 2026-02-01..2026-02-28", "20 VENDOR 2026-03-01..2026-03-31"),
                plan.items().stream()
                        .filter(item -> !item.failed())
                        .map(DuePlanningTest::describe)
                        .toList());
    }

    @Test
    void catchingUpIsBoundedPerAccountAndTheRestIsDeferredNotDropped() throws Exception {
        sql("INSERT INTO account_auto_invoicing VALUES (30, 'CUSTOMER', 'DAILY', '2026-01-01', now()),"
                + " (20, 'VENDOR', 'DAILY', '2026-03-30', now())");

        DuePlanning.Plan plan = plan(40);

        // Account 30: 1 January to 2 April is 92 days; 40 planned, 52 deferred. Account 20: 30 March to 2 April.
        assertEquals(44, plan.items().size());
        assertEquals(52, plan.deferred());
        assertEquals(
                LocalDate.of(2026, 2, 9),
                plan.items().stream()
                        .filter(i -> i.accountId() == 30)
                        .reduce((a, b) -> b)
                        .orElseThrow()
                        .period()
                        .lastDay());
    }

    private static String describe(PlannedItem item) {
        return item.accountId() + " " + item.direction() + " " + item.period().firstDay() + ".."
                + item.period().lastDay();
    }
}
