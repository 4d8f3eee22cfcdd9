package org.billing.invoicing.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.billing.invoicing.period.BillingPeriod;
import org.billing.invoicing.platform.PaymentModel;
import org.billing.invoicing.testing.FixtureDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The invoice of a prepay account (seed 002) on a real PostgreSQL: its charges, subscriptions and
 * corrections, and its total, from the fixture {@code prepay-april-2026.sql} (on top of
 * {@code march-2026.sql}). Every expected value is worked out by hand from the rows of that file
 * (their ids in comments); April 2026 of account 30 (UTC) is [2026-04-01T00:00Z, 2026-05-01T00:00Z).
 */
class PrepayInvoiceTest {

    private static final BillingPeriod APRIL_IN_UTC =
            BillingPeriod.ofDays(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), ZoneOffset.UTC);
    private static final BillingPeriod APRIL_IN_BERLIN =
            BillingPeriod.ofDays(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), ZoneId.of("Europe/Berlin"));
    private static final long ACME_RETAIL = 30;
    private static final long ACME_WHOLESALE = 10;

    @RegisterExtension
    static final FixtureDatabase database =
            new FixtureDatabase("/fixtures/march-2026.sql", "/fixtures/prepay-april-2026.sql");

    private final InvoiceCalculator calculator = new InvoiceCalculator();
    private final InvoiceLineStore store = new InvoiceLineStore();

    private InvoiceFigures calculate(long accountId, Direction direction, PaymentModel model, BillingPeriod period)
            throws SQLException {
        try (Connection connection = database.connection()) {
            return calculator.calculate(connection, accountId, direction, model, period);
        }
    }

    private InvoiceFigures acmeRetailInApril() throws SQLException {
        return calculate(ACME_RETAIL, Direction.CUSTOMER, PaymentModel.PREPAY, APRIL_IN_UTC);
    }

    /** In: 101 (exactly at the start), 102 and 103 (the same instant: by id), 104 (refund), 105 (the last second). */
    static final List<ChargeLine> APRIL_CHARGES = List.of(
            // 1 x 4.00 x 3 months - 1.20 discount + 2.052 taxes = 12.852
            charge(
                    1,
                    101,
                    1,
                    302L,
                    "DID +49 40 2000, Hamburg, quarterly",
                    "1.000",
                    3,
                    "4.00",
                    "1.20",
                    "2.052",
                    "12.852",
                    "2026-04-01T00:00Z"),
            // 10 x 2.50 + 4.75 = 29.75
            charge(
                    2,
                    102,
                    3,
                    301L,
                    "SIP trunk, 10 channels, April",
                    "10.000",
                    1,
                    "2.50",
                    "0",
                    "4.75",
                    "29.75",
                    "2026-04-10T09:00Z"),
            charge(
                    3,
                    103,
                    4,
                    null,
                    "Number porting fee",
                    "1.000",
                    null,
                    "15.00",
                    "0",
                    "0",
                    "15.00",
                    "2026-04-10T09:00Z"),
            // 1 x -5.00 - 0.95 taxes = -5.95
            charge(
                    4,
                    104,
                    2,
                    301L,
                    "Refund: trunk outage on 2026-04-12",
                    "1.000",
                    null,
                    "-5.00",
                    "0",
                    "-0.95",
                    "-5.95",
                    "2026-04-20T12:00Z"),
            // pay-as-you-go (external): no unit price nor duration, as the platform left them
            charge(
                    5,
                    105,
                    5,
                    null,
                    "Call recording storage, 12.345 GB",
                    "12.345",
                    null,
                    null,
                    null,
                    "0",
                    "1.2345",
                    "2026-04-30T23:59:59Z"));

    @Test
    void theChargesAreTheAccountsServiceTransactionsOfThePeriodNumberedByTimeThenId() throws Exception {
        // Out: 106 (exactly at the end of April), 107 (account 10's), 1..7 (March and earlier).
        assertEquals(
                normalizedCharges(APRIL_CHARGES),
                normalizedCharges(acmeRetailInApril().prepay().charges()));
    }

    @Test
    void theSubscriptionsAreThoseTheChargesReferenceOnceEachInIdOrder() throws Exception {
        // 101 -> 302; 102 and 104 -> 301; 103 and 105 none. Not 303 (charged by 106, in May), not 304 (no
        // charge), not 101 (account 10's).
        assertEquals(
                List.of(
                        new SubscriptionLine(301, "SIP trunk, 10 channels", "ACTIVE"),
                        new SubscriptionLine(302, "DID pack Hamburg", "INSTALLATION_FAILED")),
                acmeRetailInApril().prepay().subscriptions());
    }

    @Test
    void theCorrectionsAreThoseApprovedInThePeriodNumberedByTimeThenId() throws Exception {
        // 1 and 3 were approved at the same instant; 2 later. Out: 4 (exactly at the end), 5 (account 10's).
        assertEquals(
                normalizedCorrections(List.of(
                        correction(1, 1, "Top-up by bank transfer", "50.00", "2026-04-05T14:00Z"),
                        correction(2, 3, "Goodwill credit for the outage", "2.505", "2026-04-05T14:00Z"),
                        correction(3, 2, "Chargeback of card payment", "-20.00", "2026-04-25T08:30Z"))),
                normalizedCorrections(acmeRetailInApril().prepay().corrections()));
    }

    @Test
    void theTotalTakesTheChargesAndCorrectionsIntoAccount() throws Exception {
        InvoiceFigures figures = acmeRetailInApril();

        // Calls 101, 102 (unanswered), 103, 105; not 104 (a failed attempt) nor 106 (at the end).
        assertEquals(4, figures.calls().callsCount());
        assertEquals(3, figures.calls().successfulCallsCount());
        assertEquals(90 + 0 + 45 + 200, figures.calls().callsDuration());
        assertEquals(120 + 0 + 60 + 240, figures.calls().billingDuration());
        // Normal destinations 0.30 + 0 + 0.72; the reverse-billing 103 earns 0.05.
        assertMoney("1.02", figures.calls().spent());
        assertMoney("0.05", figures.calls().earned());
        // Charges 12.852 + 29.75 + 15.00 + 1.2345 spent, the refund 5.95 earned.
        assertEquals(5, figures.services().transactionsCount());
        assertMoney("58.8365", figures.services().spent());
        assertMoney("5.95", figures.services().earned());
        // The charges' signed amounts sum to the services' spent - earned: 58.8365 - 5.95.
        assertMoney(
                "52.8865",
                figures.prepay().charges().stream().map(ChargeLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
        // 50.00 + 2.505 - 20.00
        assertMoney("32.505", figures.correctionsAmount());
        // spent 1.02 + 58.8365 = 59.8565; earned 0.05 + 5.95 = 6.00
        assertMoney("59.8565", figures.spent());
        assertMoney("6.00", figures.earned());
        // 59.8565 - 6.00 - 32.505: the positive corrections lower what the account owes, the negative raises it.
        assertMoney("21.3515", figures.amount());
    }

    @Test
    void thePrepayGroupsBelongToCustomerInvoicesOfPrepayAccountsOnly() throws Exception {
        // Account 30 as a vendor: nothing terminated to it in April; its charges and corrections are not a
        // vendor invoice's.
        InvoiceFigures vendor = calculate(ACME_RETAIL, Direction.VENDOR, PaymentModel.PREPAY, APRIL_IN_UTC);
        assertEquals(PrepayDetails.NONE, vendor.prepay());
        assertMoney("0", vendor.correctionsAmount());
        assertMoney("0", vendor.amount());

        // The same account's customer invoice, were it postpay: no groups and no corrections in the total,
        // 59.8565 - 6.00.
        InvoiceFigures postpay = calculate(ACME_RETAIL, Direction.CUSTOMER, PaymentModel.POSTPAY, APRIL_IN_UTC);
        assertEquals(PrepayDetails.NONE, postpay.prepay());
        assertMoney("53.8565", postpay.amount());

        // Account 10 (postpay) in April in Berlin: call 8 (0.12, 00:00 on 1 April in Berlin), transactions 4
        // (5.00, the same instant) and 107 (6.00); its correction 5 (-7.00) is not counted.
        InvoiceFigures wholesale = calculate(ACME_WHOLESALE, Direction.CUSTOMER, PaymentModel.POSTPAY, APRIL_IN_BERLIN);
        assertEquals(PrepayDetails.NONE, wholesale.prepay());
        assertMoney("0", wholesale.correctionsAmount());
        assertMoney("11.12", wholesale.amount());
    }

    @Test
    void storedGroupsReadBackAsCalculatedAndKeepThePlatformsRowsAsTheyWere() throws Exception {
        InvoiceFigures figures = acmeRetailInApril();
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            insertInvoice(connection, 998);
            store.insert(connection, 998, figures);
            try (Statement statement = connection.createStatement()) {
                // The platform changes its rows after the invoice was made.
                statement.execute("UPDATE subscription SET status = 'STOPPED', name = 'Renamed' WHERE id = 301");
                statement.execute("UPDATE service_transaction SET amount = 99, description = 'x' WHERE id = 102");
                statement.execute("UPDATE balance_correction SET amount = 0 WHERE id = 1");
            }

            assertEquals(
                    normalizedCharges(APRIL_CHARGES),
                    normalizedCharges(store.charges(connection, 998, ZoneOffset.UTC)));
            assertEquals(figures.prepay().subscriptions(), store.subscriptions(connection, 998));
            assertEquals("ACTIVE", store.subscriptions(connection, 998).get(0).status());
            assertEquals(
                    normalizedCorrections(figures.prepay().corrections()),
                    normalizedCorrections(store.corrections(connection, 998, ZoneOffset.UTC)));
            // Read in another zone, the same instants carry that zone's offset.
            assertEquals(
                    OffsetDateTime.parse("2026-04-01T02:00+02:00"),
                    store.charges(connection, 998, ZoneId.of("Europe/Berlin"))
                            .get(0)
                            .createdAt());
            connection.rollback();
        }
    }

    @Test
    void theGroupsOfAClosedPrepayInvoiceNeverChange() throws Exception {
        try (Connection connection = database.connection()) {
            insertInvoice(connection, 997);
            store.insert(connection, 997, acmeRetailInApril());
        }
        execute("UPDATE invoice SET state = 'CLOSED', number = 'INV-2026-000997', series_id = 1, issued_at = now()"
                + " WHERE id = 997");

        for (String table : List.of("inv_charges", "inv_subscriptions", "inv_corrections")) {
            assertRefused("UPDATE " + table + " SET line_no = line_no + 10 WHERE invoice_id = 997");
            assertRefused("DELETE FROM " + table + " WHERE invoice_id = 997");
        }
        assertRefused("UPDATE inv_charges SET amount = 0 WHERE invoice_id = 997");
        assertRefused("UPDATE inv_subscriptions SET status = 'DELETED' WHERE invoice_id = 997");
        assertRefused("UPDATE inv_corrections SET amount = 0 WHERE invoice_id = 997");
        assertRefused("INSERT INTO inv_corrections (invoice_id, line_no, correction_id, amount, approved_at)"
                + " VALUES (997, 4, 4, 100, now())");
        assertRefused("DELETE FROM invoice WHERE id = 997");
        try (Connection connection = database.connection()) {
            assertEquals(5, store.charges(connection, 997, ZoneOffset.UTC).size());
            assertEquals(2, store.subscriptions(connection, 997).size());
            assertEquals(3, store.corrections(connection, 997, ZoneOffset.UTC).size());
        }
    }

    /** A bare Pending prepay invoice row of account 30 for April to hang the lines on. */
    private static void insertInvoice(Connection connection, long id) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO invoice (id, contractor_id, account_id, direction, state, type, start_at,"
                    + " end_at, time_zone, first_day, last_day, amount, orig_spent, orig_earned, term_spent, term_earned,"
                    + " srv_spent, srv_earned, srv_transactions_count, calls_count, successful_calls_count,"
                    + " calls_duration, billing_duration, created_at, payment_model, corrections_amount)"
                    + " VALUES (" + id
                    + ", 1, 30, 'CUSTOMER', 'PENDING', 'MANUAL', '2026-04-01Z', '2026-05-01Z', 'UTC',"
                    + " '2026-04-01', '2026-04-30', 21.3515, 1.02, 0.05, 0, 0, 58.8365, 5.95, 5, 4, 3, 335, 420, now(),"
                    + " 'PREPAY', 32.505)");
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void assertRefused(String sql) {
        SQLException refused = assertThrows(SQLException.class, () -> execute(sql), sql);
        assertEquals("23000", refused.getSQLState(), refused.getMessage());
        assertTrue(refused.getMessage().contains("997"), refused.getMessage());
    }

    private static ChargeLine charge(
            int lineNo,
            long transactionId,
            long serviceId,
            Long subscriptionId,
            String description,
            String quantity,
            Integer months,
            String unitPrice,
            String discount,
            String taxes,
            String amount,
            String createdAt) {
        return new ChargeLine(
                lineNo,
                transactionId,
                serviceId,
                subscriptionId,
                description,
                decimal(quantity),
                months,
                decimal(unitPrice),
                decimal(discount),
                decimal(taxes),
                decimal(amount),
                OffsetDateTime.parse(createdAt.replace("Z", "+00:00")));
    }

    private static CorrectionLine correction(
            int lineNo, long id, String description, String amount, String approvedAt) {
        return new CorrectionLine(
                lineNo, id, description, decimal(amount), OffsetDateTime.parse(approvedAt.replace("Z", "+00:00")));
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    /** Numeric values keep the scale they were written with; equal amounts compare equal whatever the scale. */
    private static List<ChargeLine> normalizedCharges(List<ChargeLine> lines) {
        return lines.stream()
                .map(l -> new ChargeLine(
                        l.lineNo(),
                        l.transactionId(),
                        l.serviceId(),
                        l.subscriptionId(),
                        l.description(),
                        strip(l.quantity()),
                        l.durationMonths(),
                        strip(l.unitPrice()),
                        strip(l.discount()),
                        strip(l.taxes()),
                        strip(l.amount()),
                        l.createdAt()))
                .toList();
    }

    private static List<CorrectionLine> normalizedCorrections(List<CorrectionLine> lines) {
        return lines.stream()
                .map(l -> new CorrectionLine(
                        l.lineNo(), l.correctionId(), l.description(), strip(l.amount()), l.approvedAt()))
                .toList();
    }

    private static BigDecimal strip(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }

    private static void assertMoney(String expected, BigDecimal actual) {
        assertEquals(
                0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
    }
}
