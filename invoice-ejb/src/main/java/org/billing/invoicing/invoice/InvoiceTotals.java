package org.billing.invoicing.invoice;

import java.math.BigDecimal;
import java.util.Objects;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;

/**
 * An invoice's totals, as one value: its amount, what the account spent and earned on originated
 * calls, terminated calls and services, the number of service transactions, the balance corrections
 * (seed 002) and the statistics of its calls. The invoice stores it in its own columns; Calculate,
 * Create, credit notes and supplementary invoices all make it here, and the view is made from it in
 * one place ({@code InvoiceViews}). A new total is added here, to its columns and to the view, and
 * nowhere else.
 */
@Embeddable
public class InvoiceTotals {

    @Column(nullable = false, updatable = false)
    private BigDecimal amount;

    @Embedded
    @AttributeOverride(name = "spent", column = @Column(name = "orig_spent", nullable = false, updatable = false))
    @AttributeOverride(name = "earned", column = @Column(name = "orig_earned", nullable = false, updatable = false))
    private SectionTotals originated;

    @Embedded
    @AttributeOverride(name = "spent", column = @Column(name = "term_spent", nullable = false, updatable = false))
    @AttributeOverride(name = "earned", column = @Column(name = "term_earned", nullable = false, updatable = false))
    private SectionTotals terminated;

    @Embedded
    @AttributeOverride(name = "spent", column = @Column(name = "srv_spent", nullable = false, updatable = false))
    @AttributeOverride(name = "earned", column = @Column(name = "srv_earned", nullable = false, updatable = false))
    private SectionTotals services;

    @Column(name = "srv_transactions_count", nullable = false, updatable = false)
    private long serviceTransactionsCount;

    /** The signed sum of a prepay customer invoice's balance corrections (seed 002); 0 otherwise. */
    @Column(name = "corrections_amount", nullable = false, updatable = false)
    private BigDecimal correctionsAmount;

    @Embedded
    private CallStatistics calls;

    protected InvoiceTotals() {}

    private InvoiceTotals(
            BigDecimal amount,
            SectionTotals originated,
            SectionTotals terminated,
            SectionTotals services,
            long serviceTransactionsCount,
            BigDecimal correctionsAmount,
            CallStatistics calls) {
        this.amount = Objects.requireNonNull(amount, "amount");
        this.originated = Objects.requireNonNull(originated, "originated");
        this.terminated = Objects.requireNonNull(terminated, "terminated");
        this.services = Objects.requireNonNull(services, "services");
        this.serviceTransactionsCount = serviceTransactionsCount;
        this.correctionsAmount = Objects.requireNonNull(correctionsAmount, "correctionsAmount");
        this.calls = Objects.requireNonNull(calls, "calls");
    }

    /**
     * The totals of an invoice of {@code direction}: its calls are those of the direction's side, the
     * other side has none.
     */
    public static InvoiceTotals of(
            Direction direction,
            CallTotals calls,
            ServiceTotals services,
            BigDecimal correctionsAmount,
            BigDecimal amount) {
        SectionTotals side = new SectionTotals(calls.spent(), calls.earned());
        boolean originated = CallSide.of(direction) == CallSide.ORIGINATED;
        return new InvoiceTotals(
                amount,
                originated ? side : SectionTotals.NONE,
                originated ? SectionTotals.NONE : side,
                new SectionTotals(services.spent(), services.earned()),
                services.transactionsCount(),
                correctionsAmount,
                CallStatistics.of(calls));
    }

    /**
     * A credit note's totals: every amount negated, the counts, durations and call times as they are
     * (a credit note reverses what was billed, not the calls).
     */
    public InvoiceTotals negate() {
        return new InvoiceTotals(
                amount.negate(),
                originated.negate(),
                terminated.negate(),
                services.negate(),
                serviceTransactionsCount,
                correctionsAmount.negate(),
                calls);
    }

    /** The calls of one side with that side's amounts. */
    public CallTotals callTotals(CallSide side) {
        return calls.with(side == CallSide.ORIGINATED ? originated : terminated);
    }

    public ServiceTotals serviceTotals() {
        return new ServiceTotals(serviceTransactionsCount, services.spent(), services.earned());
    }

    /** What the account spent: on calls of both sides and on services. */
    public BigDecimal spent() {
        return originated.spent().add(terminated.spent()).add(services.spent());
    }

    /** What the account earned: on calls of both sides and on services. */
    public BigDecimal earned() {
        return originated.earned().add(terminated.earned()).add(services.earned());
    }

    public BigDecimal amount() {
        return amount;
    }

    public SectionTotals originated() {
        return originated;
    }

    public SectionTotals terminated() {
        return terminated;
    }

    public SectionTotals services() {
        return services;
    }

    public long serviceTransactionsCount() {
        return serviceTransactionsCount;
    }

    public BigDecimal correctionsAmount() {
        return correctionsAmount;
    }

    public CallStatistics calls() {
        return calls;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InvoiceTotals that
                && amount.compareTo(that.amount) == 0
                && originated.equals(that.originated)
                && terminated.equals(that.terminated)
                && services.equals(that.services)
                && serviceTransactionsCount == that.serviceTransactionsCount
                && correctionsAmount.compareTo(that.correctionsAmount) == 0
                && calls.equals(that.calls);
    }

    @Override
    public int hashCode() {
        return Objects.hash(amount.stripTrailingZeros(), originated, terminated, services, calls);
    }

    @Override
    public String toString() {
        return "amount " + amount.toPlainString() + "; originated " + originated + "; terminated " + terminated
                + "; services " + services + " (" + serviceTransactionsCount + " transactions); corrections "
                + correctionsAmount.toPlainString() + "; " + calls.callsCount() + " calls";
    }
}
