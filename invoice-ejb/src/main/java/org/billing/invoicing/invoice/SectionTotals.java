package org.billing.invoicing.invoice;

import java.math.BigDecimal;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * What the account spent and earned in one section of an invoice (originated calls, terminated calls,
 * services), as the account sees it. A value: never changed, only replaced.
 */
@Embeddable
public class SectionTotals {

    public static final SectionTotals NONE = new SectionTotals(BigDecimal.ZERO, BigDecimal.ZERO);

    @Column(nullable = false, updatable = false)
    private BigDecimal spent;

    @Column(nullable = false, updatable = false)
    private BigDecimal earned;

    protected SectionTotals() {}

    public SectionTotals(BigDecimal spent, BigDecimal earned) {
        this.spent = Objects.requireNonNull(spent, "spent");
        this.earned = Objects.requireNonNull(earned, "earned");
    }

    public BigDecimal spent() {
        return spent;
    }

    public BigDecimal earned() {
        return earned;
    }

    /** The same section with both amounts negated: a credit note's. */
    public SectionTotals negate() {
        return new SectionTotals(spent.negate(), earned.negate());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SectionTotals that
                && spent.compareTo(that.spent) == 0
                && earned.compareTo(that.earned) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(spent.stripTrailingZeros(), earned.stripTrailingZeros());
    }

    @Override
    public String toString() {
        return "spent " + spent.toPlainString() + ", earned " + earned.toPlainString();
    }
}
