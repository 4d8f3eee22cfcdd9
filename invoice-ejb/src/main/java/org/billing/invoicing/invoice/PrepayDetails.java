package org.billing.invoicing.invoice;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a prepay account's customer invoice shows besides its figures (seed 002): the charges (the
 * service transactions of the period), the subscriptions they charge, and the balance corrections.
 * {@link #NONE} for every other invoice.
 */
public record PrepayDetails(
        List<ChargeLine> charges, List<SubscriptionLine> subscriptions, List<CorrectionLine> corrections) {

    public static final PrepayDetails NONE = new PrepayDetails(List.of(), List.of(), List.of());

    public PrepayDetails {
        charges = List.copyOf(charges);
        subscriptions = List.copyOf(subscriptions);
        corrections = List.copyOf(corrections);
    }

    /**
     * The signed sum of the corrections, unrounded; 0 when there are none. A positive correction raised
     * the account's balance, so the account owes that much less.
     */
    public BigDecimal correctionsAmount() {
        return corrections.stream().map(CorrectionLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public boolean isEmpty() {
        return charges.isEmpty() && subscriptions.isEmpty() && corrections.isEmpty();
    }
}
