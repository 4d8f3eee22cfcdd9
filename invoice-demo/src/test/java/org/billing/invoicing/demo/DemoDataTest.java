package org.billing.invoicing.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.LongStream;
import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDataTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-14T09:26:53Z"), ZoneId.of("Europe/Berlin"));
    private static final DemoDataSpec SMALL = new DemoDataSpec(7, 12, 5_000, 2, 0, false, CLOCK);

    private PostgresDatabases postgres;

    @BeforeAll
    void startPostgres() throws IOException {
        postgres = new PostgresDatabases();
    }

    @AfterAll
    void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void writesWhatWasAsked() throws SQLException {
        DataSource db = postgres.freshDatabase();

        DemoDataSummary summary = new DemoData(SMALL).writeTo(db);

        assertEquals(5_000, Sql.count(db, "SELECT count(*) FROM cdr"));
        assertEquals(5_000, summary.cdrs());
        assertEquals(summary.calls(), Sql.count(db, "SELECT count(*) FROM cdr WHERE is_last_cdr"));
        assertEquals(12, Sql.count(db, "SELECT count(*) FROM account"));
        assertEquals(LongStream.rangeClosed(1, 12).boxed().toList(), summary.accountIds());
        assertEquals(summary.contractors(), Sql.count(db, "SELECT count(*) FROM contractor"));
        assertEquals(summary.serviceTransactions(), Sql.count(db, "SELECT count(*) FROM service_transaction"));
        assertEquals(summary.balanceCorrections(), Sql.count(db, "SELECT count(*) FROM balance_correction"));
        assertEquals(summary.subscriptions(), Sql.count(db, "SELECT count(*) FROM subscription"));
        assertEquals(Instant.parse("2024-12-31T23:00:00Z"), summary.period().start()); // 1 January in Berlin
        assertEquals(
                List.of("cdr_y2024m12", "cdr_y2025m01", "cdr_y2025m02", "cdr_y2025m03"), summary.partitionsCreated());
        assertEquals(0, Sql.count(db, "SELECT count(*) FROM cdr_default"));
    }

    @Test
    void sameSeedAndClockGiveTheSameBytes() throws SQLException {
        DataSource first = postgres.freshDatabase();
        DataSource second = postgres.freshDatabase();
        DataSource otherSeed = postgres.freshDatabase();

        new DemoData(SMALL).writeTo(first);
        new DemoData(SMALL).writeTo(second);
        new DemoData(SMALL.withSeed(8)).writeTo(otherSeed);

        assertEquals(checksum(first), checksum(second));
        assertNotEquals(checksum(first), checksum(otherSeed));
    }

    private static String checksum(DataSource db) throws SQLException {
        StringBuilder sums = new StringBuilder();
        for (String table : List.of(
                "country",
                "network",
                "contractor",
                "account",
                "service",
                "subscription",
                "service_transaction",
                "balance_correction",
                "cdr")) {
            sums.append(Sql.text(db, "SELECT md5(string_agg(t::text, '|' ORDER BY id)) FROM " + table + " t"))
                    .append(' ');
        }
        return sums.toString();
    }

    @Test
    void callsAreConsistent() throws SQLException {
        DataSource db = postgres.freshDatabase();
        DemoDataSummary summary = new DemoData(SMALL).writeTo(db);

        // A call is its run of consecutive ids up to and including its last attempt.
        assertNone(
                db,
                "calls without exactly one last attempt, with more than 3 attempts, spread out or mixed",
                "SELECT call FROM (SELECT *, count(*) FILTER (WHERE is_last_cdr) OVER (ORDER BY id DESC) AS call FROM cdr) a "
                        + "GROUP BY call HAVING count(*) FILTER (WHERE is_last_cdr) <> 1 OR count(*) > 3 "
                        + "OR count(DISTINCT customer_acc_id) <> 1 OR count(DISTINCT vendor_acc_id) <> count(*) "
                        + "OR count(DISTINCT destination_prefix) <> 1 "
                        + "OR max(time_start) - min(time_start) > interval '60 seconds' "
                        + "OR max(id) <> max(id) FILTER (WHERE is_last_cdr)");
        assertNone(
                db,
                "failed attempts that are not the last one or are answered",
                "SELECT 1 FROM cdr WHERE NOT is_last_cdr AND (success OR duration <> 0 OR time_connect IS NOT NULL)");
        assertNone(
                db,
                "unanswered calls with a duration or connect time",
                "SELECT 1 FROM cdr WHERE NOT success AND (duration <> 0 OR time_connect IS NOT NULL "
                        + "OR customer_duration <> 0 OR vendor_duration <> 0 OR customer_price <> 0 OR vendor_price <> 0)");
        assertNone(
                db,
                "answered calls without a connect time or duration",
                "SELECT 1 FROM cdr WHERE success AND (time_connect <= time_start OR duration NOT BETWEEN 1 AND 7200)");
        assertNone(
                db,
                "calls longer than the account allows",
                "SELECT 1 FROM cdr c JOIN account a ON a.id = c.customer_acc_id WHERE c.duration > a.max_call_duration");
        assertNone(db, "a customer routed to itself", "SELECT 1 FROM cdr WHERE customer_acc_id = vendor_acc_id");
        assertNone(
                db,
                "calls outside the period",
                "SELECT 1 FROM cdr WHERE time_start < '" + summary.period().start() + "' OR time_start >= '"
                        + summary.period().end() + "'");
        assertNone(
                db,
                "billed durations shorter than the call or more than a minute longer",
                "SELECT 1 FROM cdr WHERE customer_duration < duration OR vendor_duration < duration "
                        + "OR customer_duration > duration + 59 OR vendor_duration > duration + 59");
        assertNone(
                db,
                "prices that are not billed minutes times the rate",
                "SELECT 1 FROM cdr WHERE customer_price * 60 <> customer_duration * destination_next_rate "
                        + "OR vendor_price * 60 <> vendor_duration * dialpeer_next_rate");
        assertNone(
                db,
                "vendors dearer than customers",
                "SELECT 1 FROM cdr WHERE dialpeer_next_rate >= destination_next_rate");
        assertNone(
                db,
                "vendors that are not vendors or customers that are not customers",
                "SELECT 1 FROM cdr c JOIN account ca ON ca.id = c.customer_acc_id JOIN contractor cc ON cc.id = ca.contractor_id "
                        + "JOIN account va ON va.id = c.vendor_acc_id JOIN contractor vc ON vc.id = va.contractor_id "
                        + "WHERE NOT cc.is_customer OR NOT vc.is_vendor");
        assertNone(
                db,
                "networks in another country than the CDR's",
                "SELECT 1 FROM cdr c JOIN network n ON n.id = c.dst_network_id WHERE n.country_id <> c.dst_country_id");
        assertNone(
                db,
                "a destination prefix the dialpeer prefix does not start",
                "SELECT 1 FROM cdr WHERE NOT starts_with(destination_prefix, dialpeer_prefix)");

        double answered =
                Sql.count(db, "SELECT count(*) FROM cdr WHERE is_last_cdr AND success") / (double) summary.calls();
        assertTrue(answered > 0.55 && answered < 0.65, "answered share " + answered);
        assertTrue(
                Sql.count(db, "SELECT count(*) FROM cdr WHERE success AND duration < 300")
                        > 0.85 * Sql.count(db, "SELECT count(*) FROM cdr WHERE success"),
                "most calls under five minutes");
        assertTrue(Sql.count(db, "SELECT count(*) FROM cdr WHERE destination_reverse_billing") > 0);
        assertTrue(Sql.count(db, "SELECT count(*) FROM cdr WHERE dialpeer_reverse_billing") > 0);
        assertTrue(Sql.count(db, "SELECT count(*) FROM cdr WHERE NOT is_last_cdr") > 0);
    }

    @Test
    void servicesAddUp() throws SQLException {
        DataSource db = postgres.freshDatabase();
        DemoDataSummary summary = new DemoData(SMALL).writeTo(db);

        assertNone(
                db,
                "amounts that are not quantity x unit price x months - discount + taxes",
                "SELECT 1 FROM service_transaction "
                        + "WHERE amount <> quantity * unit_price * coalesce(duration_months, 1) - discount + taxes");
        assertNone(
                db,
                "transactions outside the period",
                "SELECT 1 FROM service_transaction WHERE created_at < '"
                        + summary.period().start() + "' OR created_at >= '"
                        + summary.period().end() + "'");
        assertTrue(Sql.count(db, "SELECT count(*) FROM service_transaction WHERE amount < 0") > 0, "some refunds");
        assertTrue(Sql.count(db, "SELECT count(*) FROM balance_correction WHERE amount < 0") > 0);
        assertTrue(Sql.count(db, "SELECT count(*) FROM balance_correction WHERE amount > 0") > 0);
        assertTrue(Sql.count(db, "SELECT count(DISTINCT timezone) FROM account") >= 4);
        assertTrue(Sql.count(db, "SELECT count(DISTINCT currency) FROM account") >= 3);
        assertEquals(2, Sql.count(db, "SELECT count(DISTINCT payment_model) FROM account"));
        assertEquals(1, Sql.count(db, "SELECT count(*) FROM contractor WHERE is_reseller"));
        assertTrue(Sql.count(db, "SELECT count(*) FROM contractor WHERE is_customer AND is_vendor") >= 1);
    }

    @Test
    void heavyAccountGetsExactlyItsCallsInItsMonth() throws SQLException {
        DataSource db = postgres.freshDatabase();

        DemoDataSummary summary = new DemoData(SMALL.withCdrs(20_000).withHeavyAccountCdrs(3_000)).writeTo(db);

        DemoDataSummary.HeavyAccount heavy = summary.findHeavyAccount().orElseThrow();
        assertEquals(1, heavy.accountId());
        assertEquals(java.time.YearMonth.of(2025, 2), heavy.month());
        assertEquals(
                heavy.month().atDay(1).atStartOfDay(ZoneId.of(heavy.timezone())).toInstant(), heavy.from());
        assertEquals(
                3_000,
                Sql.count(
                        db,
                        "SELECT count(*) FROM cdr WHERE customer_acc_id = 1 AND is_last_cdr " + "AND time_start >= '"
                                + heavy.from() + "' AND time_start < '" + heavy.to() + "'"));
        assertEquals(20_000, Sql.count(db, "SELECT count(*) FROM cdr"));
        assertTrue(
                Sql.count(
                                db,
                                "SELECT count(*) FROM cdr WHERE customer_acc_id = 1 AND time_start < '" + heavy.from()
                                        + "'")
                        > 0,
                "the heavy account calls in other months too");
    }

    @Test
    void refusesADatabaseWithPlatformDataAndWritesNothing() throws SQLException {
        DataSource db = postgres.freshDatabase();
        Sql.execute(db, "INSERT INTO contractor (id, name) VALUES (500, 'Existing carrier')");

        assertThrows(DemoDataRefusedException.class, () -> new DemoData(SMALL).writeTo(db));

        assertEquals(1, Sql.count(db, "SELECT count(*) FROM contractor"));
        assertEquals(0, Sql.count(db, "SELECT count(*) FROM country"));
        assertEquals(0, Sql.count(db, "SELECT count(*) FROM cdr"));
        assertEquals(0, Sql.count(db, "SELECT count(*) FROM pg_class WHERE relname LIKE 'cdr_y%'"));
    }

    @Test
    void aFailureHalfWayLeavesNothingBehind() throws SQLException {
        DataSource db = postgres.freshDatabase();
        // Found out only once the tables before cdr are written: 1,000 calls need more than 1,000 rows.
        DemoDataSpec impossible = SMALL.withCdrs(1_000).withHeavyAccountCdrs(1_000);

        assertThrows(IllegalArgumentException.class, () -> new DemoData(impossible).writeTo(db));

        assertEquals(0, Sql.count(db, "SELECT count(*) FROM contractor"));
        assertEquals(0, Sql.count(db, "SELECT count(*) FROM country"));
        assertEquals(0, Sql.count(db, "SELECT count(*) FROM pg_class WHERE relname LIKE 'cdr_y%'"));
    }

    @Test
    void forceAddsAfterTheExistingRows() throws SQLException {
        DataSource db = postgres.freshDatabase();
        new DemoData(SMALL).writeTo(db);

        DemoDataSummary second = new DemoData(SMALL.withForce(true)).writeTo(db);

        assertEquals(10_000, Sql.count(db, "SELECT count(*) FROM cdr"));
        assertEquals(LongStream.rangeClosed(13, 24).boxed().toList(), second.accountIds());
        assertEquals(10_000, Sql.count(db, "SELECT count(DISTINCT id) FROM cdr"));
        assertEquals(List.of(), second.partitionsCreated());
    }

    private static void assertNone(DataSource db, String what, String sql) throws SQLException {
        assertEquals(0, Sql.count(db, "SELECT count(*) FROM (" + sql + ") offending"), what);
    }
}
