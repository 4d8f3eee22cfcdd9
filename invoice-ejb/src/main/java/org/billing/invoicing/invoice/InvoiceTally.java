package org.billing.invoicing.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An invoice's figures as numbers that add up and subtract row by row: what was issued for a period
 * (an invoice plus its supplementary invoices) and what the period gives now. The difference, now
 * minus then, keeps only the detail rows that changed; it is what a supplementary invoice bills.
 * Plain Java: the drift is decided here, the database only supplies the two sides.
 *
 * <p>A call row is keyed by what the calculator groups it by (destination prefix, country, network and
 * rate; the network tables have no prefix), a services row by its service. Names come from the newer
 * side. A row's first and last call are those of the minuend's row (now), or of the subtrahend's when
 * the row is gone now: a difference has no first call of its own.
 */
public record InvoiceTally(
        Direction direction,
        CallTotals calls,
        ServiceTotals services,
        BigDecimal correctionsAmount,
        BigDecimal amount,
        Map<DetailTable, List<CallLine>> callTables,
        List<ServiceLine> serviceLines) {

    public InvoiceTally {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(calls, "calls");
        Objects.requireNonNull(services, "services");
        Objects.requireNonNull(correctionsAmount, "correctionsAmount");
        Objects.requireNonNull(amount, "amount");
        EnumMap<DetailTable, List<CallLine>> tables = new EnumMap<>(DetailTable.class);
        for (DetailTable table : DetailTable.callTables(CallSide.of(direction))) {
            tables.put(table, List.copyOf(callTables.getOrDefault(table, List.of())));
        }
        callTables = java.util.Collections.unmodifiableMap(tables);
        serviceLines = List.copyOf(serviceLines);
    }

    /** What the calculator gives for a period now. */
    public static InvoiceTally of(InvoiceFigures figures) {
        return new InvoiceTally(
                figures.direction(),
                figures.calls(),
                figures.services(),
                figures.correctionsAmount(),
                figures.amount(),
                figures.callTables(),
                figures.serviceLines());
    }

    /** What a stored invoice says, with its stored detail rows. */
    public static InvoiceTally of(
            Invoice invoice, Map<DetailTable, List<CallLine>> callTables, List<ServiceLine> serviceLines) {
        InvoiceTotals totals = invoice.totals();
        return new InvoiceTally(
                invoice.getDirection(),
                totals.callTotals(CallSide.of(invoice.getDirection())),
                totals.serviceTotals(),
                totals.correctionsAmount(),
                totals.amount(),
                callTables,
                serviceLines);
    }

    /** Its totals, as an invoice stores them: a supplementary invoice's are those of a difference. */
    public InvoiceTotals totals() {
        return InvoiceTotals.of(direction, calls, services, correctionsAmount, amount);
    }

    /** The sum of two tallies of the same direction: an invoice and its supplementary invoice. */
    public InvoiceTally plus(InvoiceTally other) {
        return combine(other, 1);
    }

    /** This minus {@code other}, keeping only the rows that differ: now minus then is the drift. */
    public InvoiceTally minus(InvoiceTally other) {
        return combine(other, -1);
    }

    /** Nothing differs: no call, duration, amount or detail row. */
    public boolean isZero() {
        return calls.callsCount() == 0
                && calls.successfulCallsCount() == 0
                && calls.callsDuration() == 0
                && calls.billingDuration() == 0
                && calls.spent().signum() == 0
                && calls.earned().signum() == 0
                && services.transactionsCount() == 0
                && services.spent().signum() == 0
                && services.earned().signum() == 0
                && correctionsAmount.signum() == 0
                && amount.signum() == 0
                && rowCount() == 0;
    }

    /** The detail rows of every table (call tables and services). */
    public int rowCount() {
        return callTables.values().stream().mapToInt(List::size).sum() + serviceLines.size();
    }

    public List<CallLine> callLines(DetailTable table) {
        return callTables.getOrDefault(table, List.of());
    }

    private InvoiceTally combine(InvoiceTally other, int sign) {
        if (other.direction != direction) {
            throw new IllegalArgumentException("A " + direction + " tally combined with a " + other.direction + " one");
        }
        boolean difference = sign < 0;
        CallTotals totals = new CallTotals(
                calls.callsCount() + sign * other.calls.callsCount(),
                calls.successfulCallsCount() + sign * other.calls.successfulCallsCount(),
                calls.callsDuration() + sign * other.calls.callsDuration(),
                calls.billingDuration() + sign * other.calls.billingDuration(),
                add(calls.spent(), other.calls.spent(), sign),
                add(calls.earned(), other.calls.earned(), sign),
                difference ? calls.firstCallAt() : earliest(calls.firstCallAt(), other.calls.firstCallAt()),
                difference ? calls.lastCallAt() : latest(calls.lastCallAt(), other.calls.lastCallAt()),
                difference
                        ? calls.firstSuccessfulCallAt()
                        : earliest(calls.firstSuccessfulCallAt(), other.calls.firstSuccessfulCallAt()),
                difference
                        ? calls.lastSuccessfulCallAt()
                        : latest(calls.lastSuccessfulCallAt(), other.calls.lastSuccessfulCallAt()));
        ServiceTotals serviceTotals = new ServiceTotals(
                services.transactionsCount() + sign * other.services.transactionsCount(),
                add(services.spent(), other.services.spent(), sign),
                add(services.earned(), other.services.earned(), sign));
        Map<DetailTable, List<CallLine>> tables = new EnumMap<>(DetailTable.class);
        callTables.forEach((table, lines) -> tables.put(table, combineCallLines(lines, other.callLines(table), sign)));
        return new InvoiceTally(
                direction,
                totals,
                serviceTotals,
                add(correctionsAmount, other.correctionsAmount, sign),
                add(amount, other.amount, sign),
                tables,
                combineServiceLines(serviceLines, other.serviceLines, sign));
    }

    private record CallKey(String prefix, Long countryId, Long networkId, BigDecimal rate) {
        static CallKey of(CallLine line) {
            return new CallKey(
                    line.dstPrefix(),
                    line.countryId(),
                    line.networkId(),
                    line.rate() == null ? null : line.rate().stripTrailingZeros());
        }
    }

    private static List<CallLine> combineCallLines(List<CallLine> mine, List<CallLine> theirs, int sign) {
        Map<CallKey, CallLine> rows = new LinkedHashMap<>();
        for (CallLine line : mine) {
            rows.merge(CallKey.of(line), line, (a, b) -> combine(a, b, 1));
        }
        for (CallLine line : theirs) {
            CallKey key = CallKey.of(line);
            CallLine own = rows.get(key);
            rows.put(key, own == null ? combine(zeroLike(line), line, sign) : combine(own, line, sign));
        }
        List<CallLine> lines = new ArrayList<>();
        for (CallLine line : rows.values()) {
            boolean zero = line.callsCount() == 0
                    && line.successfulCallsCount() == 0
                    && line.callsDuration() == 0
                    && line.billingDuration() == 0
                    && line.amount().signum() == 0;
            if (!(sign < 0 && zero)) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** A row with nothing in it, named and timed as {@code line}: for a row only the subtrahend has. */
    private static CallLine zeroLike(CallLine line) {
        return new CallLine(
                line.dstPrefix(),
                line.countryId(),
                line.country(),
                line.networkId(),
                line.network(),
                line.rate(),
                0,
                0,
                0,
                0,
                BigDecimal.ZERO,
                line.firstCallAt(),
                line.lastCallAt());
    }

    private static CallLine combine(CallLine a, CallLine b, int sign) {
        boolean difference = sign < 0;
        return new CallLine(
                a.dstPrefix(),
                a.countryId(),
                a.country() != null ? a.country() : b.country(),
                a.networkId(),
                a.network() != null ? a.network() : b.network(),
                a.rate(),
                a.callsCount() + sign * b.callsCount(),
                a.successfulCallsCount() + sign * b.successfulCallsCount(),
                a.callsDuration() + sign * b.callsDuration(),
                a.billingDuration() + sign * b.billingDuration(),
                add(a.amount(), b.amount(), sign),
                difference ? a.firstCallAt() : earliest(a.firstCallAt(), b.firstCallAt()),
                difference ? a.lastCallAt() : latest(a.lastCallAt(), b.lastCallAt()));
    }

    private static List<ServiceLine> combineServiceLines(List<ServiceLine> mine, List<ServiceLine> theirs, int sign) {
        Map<Long, ServiceLine> rows = new LinkedHashMap<>();
        for (ServiceLine line : mine) {
            rows.merge(line.serviceId(), line, (a, b) -> combine(a, b, 1));
        }
        for (ServiceLine line : theirs) {
            ServiceLine own = rows.get(line.serviceId());
            rows.put(
                    line.serviceId(),
                    combine(
                            own == null ? new ServiceLine(line.serviceId(), line.service(), 0, BigDecimal.ZERO) : own,
                            line,
                            sign));
        }
        return rows.values().stream()
                .filter(line -> sign > 0
                        || line.transactionsCount() != 0
                        || line.amount().signum() != 0)
                .toList();
    }

    private static ServiceLine combine(ServiceLine a, ServiceLine b, int sign) {
        return new ServiceLine(
                a.serviceId(),
                a.service(),
                a.transactionsCount() + sign * b.transactionsCount(),
                add(a.amount(), b.amount(), sign));
    }

    private static BigDecimal add(BigDecimal a, BigDecimal b, int sign) {
        BigDecimal x = a == null ? BigDecimal.ZERO : a;
        BigDecimal y = b == null ? BigDecimal.ZERO : b;
        return sign < 0 ? x.subtract(y) : x.add(y);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
