package org.billing.invoicing.platform;

import java.util.Arrays;
import java.util.Optional;

/**
 * The 22 statuses of a subscription (seed 002), as the platform's {@code subscription.status} spells
 * them, with the words the screens show. The words are the seed's own, not derived from the code:
 * {@code RENEWAL_FAILED} reads "Renewing failed".
 */
public enum SubscriptionStatus {
    ORDERED("Ordered", "a new subscription is ordered and waits for the activation"),
    ACTIVE("Active", "a subscription is used"),
    DELIVERED("Delivered", "a subscription with the Non-recurring Subscription billing type is used"),
    GRACED("Graced", "not paid on time; after the grace period the subscription will be stopped"),
    STOPPED("Stopped", "a subscription is temporarily stopped"),
    DELETED("Deleted", "a subscription is permanently deleted"),
    INSTALLATION_FAILED("Installation failed", "an error occurred during the installation of the ordered service"),
    ACTIVATION_FAILED("Activation failed", "an error occurred during the subscription activation process"),
    RENEWAL_FAILED("Renewing failed", "an error occurred during the subscription renewal process"),
    UPDATING_FAILED("Updating failed", "an error occurred during the resource update process"),
    STOPPING_FAILED("Stopping failed", "an error occurred during the subscription stopping process"),
    DELETION_FAILED("Deletion failed", "an error occurred during the subscription deleting process"),
    SWITCHING_FAILED("Switching failed", "an error occurred during the subscription plan switching process"),
    INSTALLING("Installing", "the ordered service is installing"),
    ACTIVATING("Activating", "a subscription is activating"),
    RENEWING("Renewing", "a subscription is renewing"),
    UPDATING("Updating", "a subscription resource is updating"),
    STOPPING("Stopping", "a subscription is stopping"),
    DELETING("Deleting", "a subscription is deleting"),
    SWITCHING("Switching", "the plan of a subscription is switching"),
    WAITING_FOR_MANUAL_APPROVE("Waiting for manual approve", "the operation waits for approval by a manager"),
    BLOCKED("Blocked", "a postpaid subscription is stopped due to an expired payment");

    private final String label;
    private final String meaning;

    SubscriptionStatus(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    /** The seed's words: {@code Installation failed}. */
    public String label() {
        return label;
    }

    /** What the status means, as seed 002 explains it. */
    public String meaning() {
        return meaning;
    }

    /**
     * The status a platform code names ({@code ACTIVE}, or {@code active} as the platform's API writes
     * it); empty for a code outside the 22, which an invoice keeps as it was given.
     */
    public static Optional<SubscriptionStatus> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String name = code.trim().toUpperCase(java.util.Locale.ROOT);
        return Arrays.stream(values())
                .filter(status -> status.name().equals(name))
                .findFirst();
    }
}
