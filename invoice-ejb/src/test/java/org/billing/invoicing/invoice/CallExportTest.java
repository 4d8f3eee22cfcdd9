package org.billing.invoicing.invoice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.billing.invoicing.period.BillingPeriod;
import org.billing.invoicing.platform.PaymentModel;
import org.billing.invoicing.testing.FixtureDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The call detail export on a real PostgreSQL with the fixture {@code march-2026.sql}: the file's lines
 * are the CDRs {@link InvoiceCalculator} counts, so its sums are the invoice's figures (worked out by hand
 * in InvoiceCalculatorTest, CDR ids in comments).
 */
class CallExportTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final BillingPeriod MARCH_IN_BERLIN =
            BillingPeriod.ofDays(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), BERLIN);
    private static final BillingPeriod MARCH_IN_UTC =
            BillingPeriod.ofDays(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), ZoneId.of("UTC"));

    @RegisterExtension
    static final FixtureDatabase database = new FixtureDatabase("/fixtures/march-2026.sql");

    private static CallExport export(long accountId, Direction direction, BillingPeriod period, boolean creditNote) {
        return new CallExport(
                7,
                creditNote ? "CN-1" : null,
                direction,
                accountId,
                period.start(),
                period.end(),
                period.zone(),
                creditNote);
    }

    private static byte[] write(CallExport export, boolean gzip) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            export.write(connection, out, gzip);
            connection.commit();
        }
        return out.toByteArray();
    }

    /** The lines of the file split at commas (the fixture's names hold none), header first. */
    private static List<String[]> lines(byte[] csv) {
        return Arrays.stream(new String(csv, StandardCharsets.UTF_8).split("\n"))
                .map(line -> line.split(",", -1))
                .toList();
    }

    private static InvoiceFigures figures(long accountId, Direction direction, BillingPeriod period) throws Exception {
        try (Connection connection = database.connection()) {
            return new InvoiceCalculator().calculate(connection, accountId, direction, PaymentModel.POSTPAY, period);
        }
    }

    private static void assertSumsAreTheFigures(List<String[]> lines, InvoiceFigures figures, CallTotals side) {
        List<String[]> calls = lines.subList(1, lines.size());
        assertEquals(figures.calls().callsCount(), calls.size());
        assertEquals(
                figures.calls().callsDuration(),
                calls.stream().mapToLong(line -> Long.parseLong(line[6])).sum());
        assertEquals(
                figures.calls().billingDuration(),
                calls.stream().mapToLong(line -> Long.parseLong(line[7])).sum());
        assertEquals(
                0,
                side.spent()
                        .add(side.earned())
                        .compareTo(calls.stream()
                                .map(line -> line[9].isEmpty() ? BigDecimal.ZERO : new BigDecimal(line[9]))
                                .reduce(BigDecimal.ZERO, BigDecimal::add)));
        assertEquals(
                figures.calls().successfulCallsCount(),
                calls.stream().filter(line -> line[10].equals("true")).count());
    }

    @Test
    void aCustomerInvoicesFileHoldsTheLastAttemptsOfItsPeriodInItsZone() throws Exception {
        List<String[]> lines = lines(write(export(10, Direction.CUSTOMER, MARCH_IN_BERLIN, false), false));

        assertEquals(String.join(",", CallExport.COLUMNS), String.join(",", lines.get(0)));
        // In: 1 (at the start), 2, 3 (unanswered), 5, 6, 7, 9; out: 4 (not the last attempt), 8, 10 (outside).
        assertEquals(
                List.of("1", "2", "3", "5", "6", "7", "9"),
                lines.subList(1, lines.size()).stream().map(line -> line[0]).toList());
        assertEquals(
                List.of(
                        "1",
                        "2026-03-01 00:00:00",
                        "Europe/Berlin",
                        "4930",
                        "Germany",
                        "Telekom",
                        "65",
                        "120",
                        "0.12",
                        "0.24",
                        "true",
                        "false"),
                List.of(lines.get(1)));
        // 7: 01:30 UTC on the night summer time starts is 03:30 in Berlin.
        assertEquals("2026-03-29 03:30:00", lines.get(6)[1]);
        assertEquals(
                List.of(
                        "6",
                        "2026-03-20 13:00:00",
                        "Europe/Berlin",
                        "491800",
                        "Germany",
                        "Vodafone",
                        "60",
                        "60",
                        "0.05",
                        "0.05",
                        "true",
                        "true"),
                List.of(lines.get(5)));
        assertEquals("2026-03-31 23:59:59", lines.get(7)[1]);

        InvoiceFigures figures = figures(10, Direction.CUSTOMER, MARCH_IN_BERLIN);
        assertSumsAreTheFigures(lines, figures, figures.originated());
        assertEquals(
                291,
                lines.subList(1, lines.size()).stream()
                        .mapToLong(line -> Long.parseLong(line[6]))
                        .sum());
    }

    @Test
    void aVendorInvoicesFileHoldsEveryTerminatedAttempt() throws Exception {
        List<String[]> lines = lines(write(export(20, Direction.VENDOR, MARCH_IN_UTC, false), false));

        // In, by time: 2, 3, 4 (a failed attempt counts for the vendor), 5, 11, 7, 9, 8; 1 and 10 are February in UTC.
        assertEquals(
                List.of("2", "3", "4", "5", "11", "7", "9", "8"),
                lines.subList(1, lines.size()).stream().map(line -> line[0]).toList());
        assertEquals(
                List.of(
                        "7",
                        "2026-03-29 01:30:00",
                        "UTC",
                        "49",
                        "Germany",
                        "Telekom",
                        "10",
                        "10",
                        "0.12",
                        "0.02",
                        "true",
                        "true"),
                List.of(lines.get(6)));
        InvoiceFigures figures = figures(20, Direction.VENDOR, MARCH_IN_UTC);
        assertSumsAreTheFigures(lines, figures, figures.terminated());
        assertEquals(
                new BigDecimal("0.41"),
                figures.terminated().spent().add(figures.terminated().earned()));
    }

    @Test
    void theGzipFileIsTheSameBytesCompressed() throws Exception {
        CallExport export = export(20, Direction.VENDOR, MARCH_IN_UTC, false);
        byte[] zipped = write(export, true);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped))) {
            assertArrayEquals(write(export, false), in.readAllBytes());
        }
        assertEquals("invoice-7-calls.csv.gz", export.fileName(true));
    }

    @Test
    void aCreditNotesFileNegatesTheAmountsAsItsFiguresDo() throws Exception {
        List<String[]> lines = lines(write(export(10, Direction.CUSTOMER, MARCH_IN_BERLIN, true), false));

        assertEquals("-0.24", lines.get(1)[9]);
        assertEquals(
                new BigDecimal("-1.17"),
                lines.subList(1, lines.size()).stream()
                        .map(line -> new BigDecimal(line[9]))
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void aFixedOffsetZoneIsReadTheISOWayRound() throws Exception {
        BillingPeriod march =
                BillingPeriod.ofDays(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), ZoneOffset.ofHours(2));
        List<String[]> lines = lines(write(export(10, Direction.CUSTOMER, march, false), false));

        // March at +02:00 begins at 22:00 UTC on 28 February: 10 (22:59:59 UTC) is in, at 00:59:59, then 1 at 01:00; 2
        // is at 12:00.
        assertEquals(
                List.of("10", "2026-03-01 00:59:59", "+02:00"),
                List.of(lines.get(1)).subList(0, 3));
        assertEquals(
                List.of("2", "2026-03-10 12:00:00", "+02:00"),
                List.of(lines.get(3)).subList(0, 3));
    }

    @Test
    void theStatementTakesNoTextItHasNotChecked() {
        CallExport odd = new CallExport(
                1,
                "2026/0001 \"x\"",
                Direction.CUSTOMER,
                10,
                MARCH_IN_UTC.start(),
                MARCH_IN_UTC.end(),
                ZoneId.of("UTC"),
                false);
        assertEquals("2026_0001__x_-calls.csv", odd.fileName(false));
        assertThrows(
                IllegalArgumentException.class,
                () -> new CallExport(
                        1, null, null, 10, MARCH_IN_UTC.start(), MARCH_IN_UTC.end(), ZoneId.of("UTC"), false));
    }
}
