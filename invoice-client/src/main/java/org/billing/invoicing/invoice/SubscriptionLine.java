package org.billing.invoicing.invoice;

import java.io.Serializable;

/**
 * A row of INV_SUBSCRIPTIONS_TABLE (seed 002, "Subscriptions"): a subscription that has charges in a
 * prepay account's invoice, with its name and status as they were when the invoice was made.
 *
 * @param status the platform's code, {@code ACTIVE}, {@code INSTALLATION_FAILED}, ... (see
 *               {@link org.billing.invoicing.platform.SubscriptionStatus} for the 22 and their words);
 *               kept as given, so that an issued invoice never depends on how a code is read later
 */
public record SubscriptionLine(long subscriptionId, String name, String status) implements Serializable {

    private static final long serialVersionUID = 1L;
}
