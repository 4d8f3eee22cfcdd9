package org.billing.invoicing.invoice;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything an invoice says about its period, as computed from the platform's data: the totals of
 * the calls of its direction's side, the service transactions (customer invoices only), the detail
 * tables, and for a prepay account's customer invoice its charges, subscriptions and corrections
 * (seed 002). The same figures are shown by Calculate and stored by Create.
 */
public record InvoiceFigures(
        Direction direction,
        CallTotals calls,
        ServiceTotals services,
        Map<DetailTable, List<CallLine>> callTables,
        List<ServiceLine> serviceLines,
        PrepayDetails prepay) {

    public InvoiceFigures {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(calls, "calls");
        Objects.requireNonNull(services, "services");
        EnumMap<DetailTable, List<CallLine>> tables = new EnumMap<>(DetailTable.class);
        callTables.forEach((table, lines) -> tables.put(table, List.copyOf(lines)));
        callTables = java.util.Collections.unmodifiableMap(tables);
        serviceLines = List.copyOf(serviceLines);
        Objects.requireNonNull(prepay, "prepay");
        if (direction != Direction.CUSTOMER && !prepay.isEmpty()) {
            throw new IllegalArgumentException("Only a customer invoice has charges and corrections");
        }
    }

    /** What the account spent: on calls (and services, for a customer invoice). */
    public BigDecimal spent() {
        return calls.spent().add(services.spent());
    }

    /** What the account earned: on calls (and services, for a customer invoice). */
    public BigDecimal earned() {
        return calls.earned().add(services.earned());
    }

    /**
     * The invoice total ({@code [I_TOTAL]}): for a customer what it owes (spent - earned -
     * corrections), for a vendor what is owed to it (earned - spent). Only a prepay account's customer
     * invoice has corrections (seed 002: its total takes "the charges and corrections" into account):
     * a positive correction raised the balance, so the account owes that much less; a negative one
     * adds to what it owes.
     */
    public BigDecimal amount() {
        return direction == Direction.CUSTOMER
                ? spent().subtract(earned()).subtract(correctionsAmount())
                : earned().subtract(spent());
    }

    /** The signed sum of the balance corrections; 0 but for a prepay account's customer invoice. */
    public BigDecimal correctionsAmount() {
        return prepay.correctionsAmount();
    }

    /** Its totals, as the invoice stores them. */
    public InvoiceTotals totals() {
        return InvoiceTotals.of(direction, calls, services, correctionsAmount(), amount());
    }

    /** The originated-calls totals: those of a customer invoice, none for a vendor invoice. */
    public CallTotals originated() {
        return CallSide.of(direction) == CallSide.ORIGINATED ? calls : CallTotals.NONE;
    }

    /** The terminated-calls totals: those of a vendor invoice, none for a customer invoice. */
    public CallTotals terminated() {
        return CallSide.of(direction) == CallSide.TERMINATED ? calls : CallTotals.NONE;
    }

    public List<CallLine> callLines(DetailTable table) {
        return callTables.getOrDefault(table, List.of());
    }
}
