package org.billing.invoicing.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The difference between what was issued for a period and what it gives now, row by row, without a
 * database. The figures are those of account 10's March in {@code march-2026.sql} (issued) and the same
 * month after two late calls and a re-rated one (now), as the drift IT sets them up.
 */
class InvoiceTallyTest {

    private static final Instant T1 = Instant.parse("2026-02-28T23:00:00Z");
    private static final Instant T9 = Instant.parse("2026-03-31T21:59:59Z");

    private static CallLine row(
            String prefix,
            long country,
            long network,
            String rate,
            long calls,
            long succ,
            long duration,
            long billed,
            String amount) {
        return new CallLine(
                prefix,
                country,
                country == 1 ? "Germany" : "France",
                network,
                "n" + network,
                new BigDecimal(rate),
                calls,
                succ,
                duration,
                billed,
                new BigDecimal(amount),
                T1,
                T9);
    }

    private static InvoiceTally tally(
            long calls,
            long succ,
            long duration,
            long billed,
            String spent,
            String earned,
            List<CallLine> destinations,
            List<CallLine> networks,
            List<ServiceLine> services,
            String servicesSpent,
            String servicesEarned,
            String amount) {
        return new InvoiceTally(
                Direction.CUSTOMER,
                new CallTotals(
                        calls, succ, duration, billed, new BigDecimal(spent), new BigDecimal(earned), T1, T9, T1, T9),
                new ServiceTotals(
                        services.stream()
                                .mapToLong(ServiceLine::transactionsCount)
                                .sum(),
                        new BigDecimal(servicesSpent),
                        new BigDecimal(servicesEarned)),
                BigDecimal.ZERO,
                new BigDecimal(amount),
                Map.of(DetailTable.INV_ORIG_DST_TABLE, destinations, DetailTable.INV_ORIG_NETWORKS_TABLE, networks),
                services);
    }

    private static final List<ServiceLine> SERVICES = List.of(
            new ServiceLine(1, "DID rental", 2, new BigDecimal("12.50")),
            new ServiceLine(2, "Refund", 1, new BigDecimal("-3.00")));

    /** Account 10's March as issued: CDRs 1, 2, 3, 5, 6, 7, 9 and service transactions 1, 2, 3. */
    private static final InvoiceTally ISSUED = tally(
            7,
            6,
            291,
            540,
            "1.12",
            "0.05",
            List.of(
                    row("4930", 1, 11, "0.12", 4, 3, 105, 240, "0.48"), row("4930", 1, 11, "0.10", 1, 1, 1, 60, "0.10"),
                    row("33", 2, 21, "0.18", 1, 1, 125, 180, "0.54"),
                            row("491800", 1, 12, "0.05", 1, 1, 60, 60, "0.05")),
            List.of(
                    row(null, 1, 11, "0.12", 4, 3, 105, 240, "0.48"), row(null, 1, 11, "0.10", 1, 1, 1, 60, "0.10"),
                    row(null, 2, 21, "0.18", 1, 1, 125, 180, "0.54"), row(null, 1, 12, "0.05", 1, 1, 60, 60, "0.05")),
            SERVICES,
            "12.50",
            "3.00",
            "10.57");

    /*
     * Now: late call 101 to 33 (90 s, 120 s billed, 0.30), late call 102 to 4930 at 0.12 (20 s, 60 s
     * billed, 0.06), and CDR 2 re-rated from 0.12 to 0.15 (+0.03). The rows are given in another order
     * and with the rate written with more digits: the key is the value.
     */
    private static final InvoiceTally NOW = tally(
            9,
            8,
            401,
            720,
            "1.51",
            "0.05",
            List.of(
                    row("33", 2, 21, "0.180", 2, 2, 215, 300, "0.84"),
                            row("4930", 1, 11, "0.12", 5, 4, 125, 300, "0.57"),
                    row("4930", 1, 11, "0.10", 1, 1, 1, 60, "0.10"),
                            row("491800", 1, 12, "0.05", 1, 1, 60, 60, "0.05")),
            List.of(
                    row(null, 1, 11, "0.12", 5, 4, 125, 300, "0.57"), row(null, 1, 11, "0.10", 1, 1, 1, 60, "0.10"),
                    row(null, 2, 21, "0.18", 2, 2, 215, 300, "0.84"), row(null, 1, 12, "0.05", 1, 1, 60, 60, "0.05")),
            SERVICES,
            "12.50",
            "3.00",
            "10.96");

    @Test
    void theDifferenceKeepsOnlyTheRowsThatChangedWithTheirDifferences() {
        InvoiceTally difference = NOW.minus(ISSUED);

        assertFalse(difference.isZero());
        assertEquals(2, difference.calls().callsCount());
        assertEquals(2, difference.calls().successfulCallsCount());
        assertEquals(110, difference.calls().callsDuration());
        assertEquals(180, difference.calls().billingDuration());
        assertEquals(0, new BigDecimal("0.39").compareTo(difference.calls().spent()));
        assertEquals(0, difference.calls().earned().signum());
        assertEquals(0, new BigDecimal("0.39").compareTo(difference.amount()));
        assertEquals(0, difference.services().transactionsCount());
        assertEquals(List.of(), difference.serviceLines());

        List<CallLine> destinations = difference.callLines(DetailTable.INV_ORIG_DST_TABLE);
        assertEquals(2, destinations.size());
        assertRow(destinations.get(0), "33", 1, 1, 90, 120, "0.30");
        assertRow(destinations.get(1), "4930", 1, 1, 20, 60, "0.09");
        assertEquals(0, new BigDecimal("0.12").compareTo(destinations.get(1).rate()));
        List<CallLine> networks = difference.callLines(DetailTable.INV_ORIG_NETWORKS_TABLE);
        assertEquals(2, networks.size());
        assertRow(networks.get(0), null, 1, 1, 20, 60, "0.09");
        assertRow(networks.get(1), null, 1, 1, 90, 120, "0.30");
        assertEquals(4, difference.rowCount());
    }

    @Test
    void theIssuedInvoicePlusItsSupplementaryIsWhatThePeriodGivesNow() {
        InvoiceTally supplementary = NOW.minus(ISSUED);

        InvoiceTally settled = ISSUED.plus(supplementary);

        assertTrue(NOW.minus(settled).isZero());
        assertEquals(0, NOW.minus(settled).rowCount());
    }

    @Test
    void aRowGoneSinceShowsAsANegativeRowAndAnUnchangedPeriodHasNoDrift() {
        InvoiceTally withoutOneDestination = tally(
                6,
                5,
                290,
                480,
                "1.02",
                "0.05",
                List.of(
                        row("4930", 1, 11, "0.12", 4, 3, 105, 240, "0.48"),
                        row("33", 2, 21, "0.18", 1, 1, 125, 180, "0.54"),
                        row("491800", 1, 12, "0.05", 1, 1, 60, 60, "0.05")),
                List.of(),
                SERVICES,
                "12.50",
                "3.00",
                "10.47");

        InvoiceTally difference = withoutOneDestination.minus(ISSUED);

        assertEquals(-1, difference.calls().callsCount());
        assertEquals(0, new BigDecimal("-0.10").compareTo(difference.amount()));
        List<CallLine> destinations = difference.callLines(DetailTable.INV_ORIG_DST_TABLE);
        assertEquals(1, destinations.size());
        assertRow(destinations.get(0), "4930", -1, -1, -1, -60, "-0.10");
        assertEquals("Germany", destinations.get(0).country());
        assertTrue(ISSUED.minus(ISSUED).isZero());
    }

    @Test
    void aLateServiceTransactionIsARowOfTheServicesTable() {
        InvoiceTally withALateRefund = new InvoiceTally(
                Direction.CUSTOMER,
                ISSUED.calls(),
                new ServiceTotals(4, new BigDecimal("12.50"), new BigDecimal("4.00")),
                BigDecimal.ZERO,
                new BigDecimal("9.57"),
                ISSUED.callTables(),
                List.of(SERVICES.get(0), new ServiceLine(2, "Refund", 2, new BigDecimal("-4.00"))));

        InvoiceTally difference = withALateRefund.minus(ISSUED);

        assertEquals(List.of(new ServiceLine(2, "Refund", 1, new BigDecimal("-1.00"))), difference.serviceLines());
        assertEquals(1, difference.services().transactionsCount());
        assertEquals(0, new BigDecimal("-1.00").compareTo(difference.amount()));
        assertEquals(1, difference.rowCount());
    }

    private static void assertRow(
            CallLine line, String prefix, long calls, long succ, long duration, long billed, String amount) {
        assertEquals(prefix, line.dstPrefix());
        assertEquals(calls, line.callsCount());
        assertEquals(succ, line.successfulCallsCount());
        assertEquals(duration, line.callsDuration());
        assertEquals(billed, line.billingDuration());
        assertEquals(
                0,
                new BigDecimal(amount).compareTo(line.amount()),
                line.amount().toPlainString());
    }
}
