package org.billing.invoicing.mail;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether an invoice reached its recipients, derived from its messages in the outbox (the issued
 * invoice itself never changes). For each recipient only the latest message counts: a resend that
 * arrived makes up for an earlier failure.
 */
public enum DeliveryStatus {
    /** A Pending invoice is not sent. */
    NOT_ISSUED,
    /** Issued, but its account had no recipients for its direction: nothing was queued. */
    NO_RECIPIENTS,
    /** A message is still on its way. */
    QUEUED,
    SENT,
    /** Some recipients got it, the messages to others failed. */
    PARTLY_FAILED,
    FAILED;

    public static DeliveryStatus of(boolean issued, Collection<MailDelivery> messages) {
        if (!issued) {
            return NOT_ISSUED;
        }
        if (messages.isEmpty()) {
            return NO_RECIPIENTS;
        }
        Map<String, MailDelivery> latest = new LinkedHashMap<>();
        for (MailDelivery message : messages) {
            latest.merge(message.recipient(), message, (one, other) -> one.id() > other.id() ? one : other);
        }
        if (latest.values().stream().anyMatch(message -> message.status().onItsWay())) {
            return QUEUED;
        }
        long failed = latest.values().stream()
                .filter(message -> message.status() == MailStatus.FAILED)
                .count();
        return failed == 0 ? SENT : failed == latest.size() ? FAILED : PARTLY_FAILED;
    }
}
