package org.billing.invoicing.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.billing.invoicing.period.BillingPeriod;
import org.billing.invoicing.platform.PaymentModel;
import org.billing.invoicing.testing.FixtureDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The figures of invoices computed on a real PostgreSQL from the fixture {@code march-2026.sql}.
 * Every expected value below is summed by hand from the rows of that file (CDR ids in comments).
 */
class InvoiceCalculatorTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final BillingPeriod MARCH_IN_BERLIN =
            BillingPeriod.ofDays(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), BERLIN);
    private static final BillingPeriod MARCH_IN_UTC =
            BillingPeriod.ofDays(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), ZoneOffset.UTC);

    @RegisterExtension
    static final FixtureDatabase database = new FixtureDatabase("/fixtures/march-2026.sql");

    private final InvoiceCalculator calculator = new InvoiceCalculator();

    private InvoiceFigures calculate(long accountId, Direction direction, BillingPeriod period) throws Exception {
        try (Connection connection = database.connection()) {
            // Accounts 10 and 20 of the fixture are postpay; the prepay figures are PrepayInvoiceTest's.
            return calculator.calculate(connection, accountId, direction, PaymentModel.POSTPAY, period);
        }
    }

    @Test
    void customerInvoiceSumsTheLastAttemptsOfTheAccountsOriginatedCallsInItsZone() throws Exception {
        InvoiceFigures figures = calculate(10, Direction.CUSTOMER, MARCH_IN_BERLIN);
        CallTotals calls = figures.calls();

        // In: 1 (at the start), 2, 3 (unanswered), 5, 6, 7, 9. Out: 4 (not the last attempt),
        // 8 (at the end), 10 (before), 11 (another account).
        assertEquals(7, calls.callsCount());
        assertEquals(6, calls.successfulCallsCount());
        assertEquals(65 + 30 + 0 + 125 + 60 + 10 + 1, calls.callsDuration());
        assertEquals(120 + 60 + 0 + 180 + 60 + 60 + 60, calls.billingDuration());
        // Normal destinations: 0.24 + 0.12 + 0 + 0.54 + 0.12 + 0.10; the reverse-billing 6 earns 0.05.
        assertMoney("1.12", calls.spent());
        assertMoney("0.05", calls.earned());
        assertEquals(Instant.parse("2026-02-28T23:00:00Z"), calls.firstCallAt());
        assertEquals(Instant.parse("2026-03-31T21:59:59Z"), calls.lastCallAt());
        assertEquals(Instant.parse("2026-02-28T23:00:00Z"), calls.firstSuccessfulCallAt());
        assertEquals(Instant.parse("2026-03-31T21:59:59Z"), calls.lastSuccessfulCallAt());

        // Service transactions 1 (10.00), 2 (2.50, the last second) and 3 (-3.00); 4 and 5 lie outside.
        assertEquals(3, figures.services().transactionsCount());
        assertMoney("12.50", figures.services().spent());
        assertMoney("3.00", figures.services().earned());
        assertEquals(
                normalizedServices(List.of(
                        new ServiceLine(1, "DID rental", 2, new BigDecimal("12.50")),
                        new ServiceLine(2, "Refund", 1, new BigDecimal("-3.00")))),
                normalizedServices(figures.serviceLines()));

        assertMoney("13.62", figures.spent());
        assertMoney("3.05", figures.earned());
        assertMoney("10.57", figures.amount());
        assertEquals(CallTotals.NONE, figures.terminated());
    }

    @Test
    void customerDestinationTablesGroupByPrefixCountryNetworkAndRate() throws Exception {
        InvoiceFigures figures = calculate(10, Direction.CUSTOMER, MARCH_IN_BERLIN);

        assertLines(
                List.of(
                        line(
                                "33",
                                2L,
                                "France",
                                21L,
                                "Orange",
                                "0.18",
                                1,
                                1,
                                125,
                                180,
                                "0.54",
                                "2026-03-12T09:00:05Z",
                                "2026-03-12T09:00:05Z"),
                        line(
                                "491800",
                                1L,
                                "Germany",
                                12L,
                                "Vodafone",
                                "0.05",
                                1,
                                1,
                                60,
                                60,
                                "0.05",
                                "2026-03-20T12:00:00Z",
                                "2026-03-20T12:00:00Z"),
                        line(
                                "4930",
                                1L,
                                "Germany",
                                11L,
                                "Telekom",
                                "0.10",
                                1,
                                1,
                                1,
                                60,
                                "0.10",
                                "2026-03-31T21:59:59Z",
                                "2026-03-31T21:59:59Z"),
                        // 1, 2, 3 (unanswered) and 7
                        line(
                                "4930",
                                1L,
                                "Germany",
                                11L,
                                "Telekom",
                                "0.12",
                                4,
                                3,
                                105,
                                240,
                                "0.48",
                                "2026-02-28T23:00:00Z",
                                "2026-03-29T01:30:00Z")),
                figures.callLines(DetailTable.INV_ORIG_DST_TABLE));
        assertLines(
                List.of(
                        line(
                                "33",
                                2L,
                                "France",
                                21L,
                                "Orange",
                                "0.18",
                                1,
                                1,
                                125,
                                180,
                                "0.54",
                                "2026-03-12T09:00:05Z",
                                "2026-03-12T09:00:05Z"),
                        line(
                                "491800",
                                1L,
                                "Germany",
                                12L,
                                "Vodafone",
                                "0.05",
                                1,
                                1,
                                60,
                                60,
                                "0.05",
                                "2026-03-20T12:00:00Z",
                                "2026-03-20T12:00:00Z"),
                        line(
                                "4930",
                                1L,
                                "Germany",
                                11L,
                                "Telekom",
                                "0.10",
                                1,
                                1,
                                1,
                                60,
                                "0.10",
                                "2026-03-31T21:59:59Z",
                                "2026-03-31T21:59:59Z"),
                        // 1, 2 and 7: the unanswered 3 is left out
                        line(
                                "4930",
                                1L,
                                "Germany",
                                11L,
                                "Telekom",
                                "0.12",
                                3,
                                3,
                                105,
                                240,
                                "0.48",
                                "2026-02-28T23:00:00Z",
                                "2026-03-29T01:30:00Z")),
                figures.callLines(DetailTable.INV_ORIG_DST_SUCC_TABLE));
    }

    @Test
    void customerNetworkTablesGroupByCountryNetworkAndRate() throws Exception {
        InvoiceFigures figures = calculate(10, Direction.CUSTOMER, MARCH_IN_BERLIN);

        assertLines(
                List.of(
                        line(
                                null,
                                2L,
                                "France",
                                21L,
                                "Orange",
                                "0.18",
                                1,
                                1,
                                125,
                                180,
                                "0.54",
                                "2026-03-12T09:00:05Z",
                                "2026-03-12T09:00:05Z"),
                        line(
                                null,
                                1L,
                                "Germany",
                                11L,
                                "Telekom",
                                "0.10",
                                1,
                                1,
                                1,
                                60,
                                "0.10",
                                "2026-03-31T21:59:59Z",
                                "2026-03-31T21:59:59Z"),
                        line(
                                null,
                                1L,
                                "Germany",
                                11L,
                                "Telekom",
                                "0.12",
                                4,
                                3,
                                105,
                                240,
                                "0.48",
                                "2026-02-28T23:00:00Z",
                                "2026-03-29T01:30:00Z"),
                        line(
                                null,
                                1L,
                                "Germany",
                                12L,
                                "Vodafone",
                                "0.05",
                                1,
                                1,
                                60,
                                60,
                                "0.05",
                                "2026-03-20T12:00:00Z",
                                "2026-03-20T12:00:00Z")),
                figures.callLines(DetailTable.INV_ORIG_NETWORKS_TABLE));
        assertLines(
                List.of(
                        line(
                                null,
                                2L,
                                "France",
                                21L,
                                "Orange",
                                "0.18",
                                1,
                                1,
                                125,
                                180,
                                "0.54",
                                "2026-03-12T09:00:05Z",
                                "2026-03-12T09:00:05Z"),
                        line(
                                null,
                                1L,
                                "Germany",
                                11L,
                                "Telekom",
                                "0.10",
                                1,
                                1,
                                1,
                                60,
                                "0.10",
                                "2026-03-31T21:59:59Z",
                                "2026-03-31T21:59:59Z"),
                        line(
                                null,
                                1L,
                                "Germany",
                                11L,
                                "Telekom",
                                "0.12",
                                3,
                                3,
                                105,
                                240,
                                "0.48",
                                "2026-02-28T23:00:00Z",
                                "2026-03-29T01:30:00Z"),
                        line(
                                null,
                                1L,
                                "Germany",
                                12L,
                                "Vodafone",
                                "0.05",
                                1,
                                1,
                                60,
                                60,
                                "0.05",
                                "2026-03-20T12:00:00Z",
                                "2026-03-20T12:00:00Z")),
                figures.callLines(DetailTable.INV_ORIG_NETWORKS_SUCC_TABLE));
        for (DetailTable table : DetailTable.callTables(CallSide.TERMINATED)) {
            assertTrue(figures.callLines(table).isEmpty(), table + " belongs to vendor invoices");
        }
    }

    @Test
    void vendorInvoiceCountsEveryAttemptTerminatedToTheAccount() throws Exception {
        InvoiceFigures figures = calculate(20, Direction.VENDOR, MARCH_IN_UTC);
        CallTotals calls = figures.calls();

        // In March UTC: 2, 3, 4 (a failed attempt counts here), 5, 7, 8, 9, 11 (another customer).
        // Out: 1 (February in UTC), 10 (February), 6 (terminated by account 30).
        assertEquals(8, calls.callsCount());
        assertEquals(6, calls.successfulCallsCount());
        assertEquals(30 + 0 + 0 + 125 + 10 + 15 + 1 + 20, calls.callsDuration());
        assertEquals(60 + 0 + 0 + 180 + 10 + 15 + 1 + 20, calls.billingDuration());
        // Normal dialpeers earn 0.06 + 0.25 + 0.03 + 0.01 + 0.04; the reverse-billing 7 costs 0.02.
        assertMoney("0.39", calls.earned());
        assertMoney("0.02", calls.spent());
        assertMoney("0.37", figures.amount());
        assertEquals(Instant.parse("2026-03-10T10:00:00Z"), calls.firstCallAt());
        assertEquals(Instant.parse("2026-03-31T22:00:00Z"), calls.lastCallAt());
        assertEquals(Instant.parse("2026-03-10T10:00:00Z"), calls.firstSuccessfulCallAt());
        assertEquals(Instant.parse("2026-03-31T22:00:00Z"), calls.lastSuccessfulCallAt());
        // Service transaction 7 belongs to account 20, but services are billed on customer invoices.
        assertEquals(ServiceTotals.NONE, figures.services());
        assertTrue(figures.serviceLines().isEmpty());
        assertEquals(CallTotals.NONE, figures.originated());
    }

    @Test
    void vendorTablesGroupByDialpeer() throws Exception {
        InvoiceFigures figures = calculate(20, Direction.VENDOR, MARCH_IN_UTC);

        assertLines(
                List.of(
                        // 4 (failed attempt), 5 and 11
                        line(
                                "33",
                                2L,
                                "France",
                                21L,
                                "Orange",
                                "0.12",
                                3,
                                2,
                                145,
                                200,
                                "0.29",
                                "2026-03-12T09:00:00Z",
                                "2026-03-15T00:00:00Z"),
                        // 2, 3 (unanswered), 7, 8, 9
                        line(
                                "49",
                                1L,
                                "Germany",
                                11L,
                                "Telekom",
                                "0.12",
                                5,
                                4,
                                56,
                                86,
                                "0.12",
                                "2026-03-10T10:00:00Z",
                                "2026-03-31T22:00:00Z")),
                figures.callLines(DetailTable.INV_TERM_DST_TABLE));
        assertLines(
                List.of(
                        line(
                                "33",
                                2L,
                                "France",
                                21L,
                                "Orange",
                                "0.12",
                                2,
                                2,
                                145,
                                200,
                                "0.29",
                                "2026-03-12T09:00:05Z",
                                "2026-03-15T00:00:00Z"),
                        line(
                                "49",
                                1L,
                                "Germany",
                                11L,
                                "Telekom",
                                "0.12",
                                4,
                                4,
                                56,
                                86,
                                "0.12",
                                "2026-03-10T10:00:00Z",
                                "2026-03-31T22:00:00Z")),
                figures.callLines(DetailTable.INV_TERM_DST_SUCC_TABLE));
        assertLines(
                List.of(
                        line(
                                null,
                                2L,
                                "France",
                                21L,
                                "Orange",
                                "0.12",
                                3,
                                2,
                                145,
                                200,
                                "0.29",
                                "2026-03-12T09:00:00Z",
                                "2026-03-15T00:00:00Z"),
                        line(
                                null,
                                1L,
                                "Germany",
                                11L,
                                "Telekom",
                                "0.12",
                                5,
                                4,
                                56,
                                86,
                                "0.12",
                                "2026-03-10T10:00:00Z",
                                "2026-03-31T22:00:00Z")),
                figures.callLines(DetailTable.INV_TERM_NETWORKS_TABLE));
        assertLines(
                List.of(
                        line(
                                null,
                                2L,
                                "France",
                                21L,
                                "Orange",
                                "0.12",
                                2,
                                2,
                                145,
                                200,
                                "0.29",
                                "2026-03-12T09:00:05Z",
                                "2026-03-15T00:00:00Z"),
                        line(
                                null,
                                1L,
                                "Germany",
                                11L,
                                "Telekom",
                                "0.12",
                                4,
                                4,
                                56,
                                86,
                                "0.12",
                                "2026-03-10T10:00:00Z",
                                "2026-03-31T22:00:00Z")),
                figures.callLines(DetailTable.INV_TERM_NETWORKS_SUCC_TABLE));
        for (DetailTable table : DetailTable.callTables(CallSide.ORIGINATED)) {
            assertTrue(figures.callLines(table).isEmpty(), table + " belongs to customer invoices");
        }
    }

    @Test
    void aPeriodWithoutCallsHasZeroFiguresAndEmptyTables() throws Exception {
        BillingPeriod january = BillingPeriod.ofDays(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), BERLIN);
        InvoiceFigures figures = calculate(10, Direction.CUSTOMER, january);

        assertEquals(0, figures.calls().callsCount());
        assertMoney("0", figures.amount());
        assertNull(figures.calls().firstCallAt());
        assertTrue(figures.callTables().values().stream().allMatch(List::isEmpty));
        assertTrue(figures.serviceLines().isEmpty());
    }

    @Test
    void storedDetailTablesReadBackAsCalculated() throws Exception {
        InvoiceFigures figures = calculate(10, Direction.CUSTOMER, MARCH_IN_BERLIN);
        InvoiceLineStore store = new InvoiceLineStore();
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                // A bare invoice row to hang the lines on; the transaction is rolled back below.
                statement.execute("INSERT INTO invoice VALUES (999, 1, 10, 'CUSTOMER', 'PENDING', 'MANUAL',"
                        + " '2026-02-28T23:00:00Z', '2026-03-31T22:00:00Z', 'Europe/Berlin', '2026-03-01', '2026-03-31',"
                        + " 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, NULL, now())");
            }
            store.insert(connection, 999, figures);
            for (DetailTable table : DetailTable.callTables(CallSide.ORIGINATED)) {
                assertEquals(
                        normalized(figures.callLines(table)),
                        normalized(store.callLines(connection, 999, table)),
                        table.name());
            }
            assertEquals(
                    normalizedServices(figures.serviceLines()),
                    normalizedServices(store.serviceLines(connection, 999)));
            connection.rollback();
        }
    }

    private static CallLine line(
            String prefix,
            Long countryId,
            String country,
            Long networkId,
            String network,
            String rate,
            long calls,
            long successful,
            long duration,
            long billed,
            String amount,
            String first,
            String last) {
        return new CallLine(
                prefix,
                countryId,
                country,
                networkId,
                network,
                new BigDecimal(rate),
                calls,
                successful,
                duration,
                billed,
                new BigDecimal(amount),
                Instant.parse(first),
                Instant.parse(last));
    }

    @Test
    void anAccountsFurtherPeriodsGoToFurtherRoundsSoThatEachStatementNamesAnAccountOnce() {
        List<InvoiceCalculator.Calculation> calculations = List.of(
                new InvoiceCalculator.Calculation(10, Direction.CUSTOMER, PaymentModel.POSTPAY, MARCH_IN_BERLIN),
                new InvoiceCalculator.Calculation(20, Direction.CUSTOMER, PaymentModel.POSTPAY, MARCH_IN_UTC),
                new InvoiceCalculator.Calculation(10, Direction.CUSTOMER, PaymentModel.POSTPAY, MARCH_IN_UTC),
                new InvoiceCalculator.Calculation(30, Direction.CUSTOMER, PaymentModel.PREPAY, MARCH_IN_UTC),
                new InvoiceCalculator.Calculation(10, Direction.CUSTOMER, PaymentModel.POSTPAY, MARCH_IN_BERLIN));

        assertEquals(
                List.of(List.of(0, 1, 3), List.of(2), List.of(4)),
                InvoiceCalculator.rounds(calculations, List.of(0, 1, 2, 3, 4)));
        // Only the indexes asked for count: those of one direction.
        assertEquals(List.of(List.of(1, 2)), InvoiceCalculator.rounds(calculations, List.of(1, 2)));
    }

    @Test
    void invoicesComputedTogetherHaveExactlyTheFiguresOfEachComputedAlone() throws Exception {
        List<InvoiceCalculator.Calculation> calculations = new java.util.ArrayList<>(List.of(
                new InvoiceCalculator.Calculation(20, Direction.VENDOR, PaymentModel.POSTPAY, MARCH_IN_UTC),
                new InvoiceCalculator.Calculation(10, Direction.CUSTOMER, PaymentModel.POSTPAY, MARCH_IN_BERLIN),
                new InvoiceCalculator.Calculation(10, Direction.VENDOR, PaymentModel.POSTPAY, MARCH_IN_BERLIN),
                new InvoiceCalculator.Calculation(20, Direction.CUSTOMER, PaymentModel.POSTPAY, MARCH_IN_UTC),
                new InvoiceCalculator.Calculation(30, Direction.CUSTOMER, PaymentModel.PREPAY, MARCH_IN_UTC)));
        // March of account 10 cut into its weeks (split by month), as automatic invoicing cuts it.
        LocalDate day = LocalDate.of(2026, 3, 1);
        while (day.getMonthValue() == 3) {
            var week = org.billing.invoicing.period.InvoicePeriod.WEEKLY_SPLIT_BY_MONTH.periodOf(day);
            calculations.add(
                    new InvoiceCalculator.Calculation(10, Direction.CUSTOMER, PaymentModel.POSTPAY, week.in(BERLIN)));
            day = week.lastDay().plusDays(1);
        }

        List<InvoiceFigures> together;
        try (Connection connection = database.connection()) {
            together = calculator.calculateAll(connection, calculations);
        }

        assertEquals(calculations.size(), together.size());
        for (int i = 0; i < calculations.size(); i++) {
            InvoiceCalculator.Calculation alone = calculations.get(i);
            try (Connection connection = database.connection()) {
                assertEquals(
                        calculator.calculate(
                                connection, alone.accountId(), alone.direction(), alone.paymentModel(), alone.period()),
                        together.get(i),
                        "calculation " + i + ": " + alone);
            }
        }
        // The weeks of March add up to the month: 10.57 (customerInvoiceSums... above), 7 calls.
        List<InvoiceFigures> weeks = together.subList(5, together.size());
        assertMoney("10.57", weeks.stream().map(InvoiceFigures::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertEquals(
                together.get(1).calls().callsCount(),
                weeks.stream().mapToLong(f -> f.calls().callsCount()).sum());
        assertEquals(0, together.get(3).calls().callsCount());
    }

    private static void assertLines(List<CallLine> expected, List<CallLine> actual) {
        assertEquals(normalized(expected), normalized(actual));
    }

    /** Numeric sums keep the scale of their inputs; equal amounts compare equal whatever the scale. */
    private static List<CallLine> normalized(List<CallLine> lines) {
        return lines.stream()
                .map(l -> new CallLine(
                        l.dstPrefix(),
                        l.countryId(),
                        l.country(),
                        l.networkId(),
                        l.network(),
                        strip(l.rate()),
                        l.callsCount(),
                        l.successfulCallsCount(),
                        l.callsDuration(),
                        l.billingDuration(),
                        strip(l.amount()),
                        l.firstCallAt(),
                        l.lastCallAt()))
                .toList();
    }

    private static List<ServiceLine> normalizedServices(List<ServiceLine> lines) {
        return lines.stream()
                .map(l -> new ServiceLine(l.serviceId(), l.service(), l.transactionsCount(), strip(l.amount())))
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
