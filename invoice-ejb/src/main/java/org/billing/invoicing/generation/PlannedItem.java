package org.billing.invoicing.generation;

import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.period.AutoPeriod;

/**
 * An account-period a run takes on: due, or already failed at planning ({@code code} and
 * {@code reason} set, e.g. an account whose time zone the JVM does not know).
 */
record PlannedItem(long accountId, Direction direction, AutoPeriod period, String code, String reason) {

    static PlannedItem due(long accountId, Direction direction, AutoPeriod period) {
        return new PlannedItem(accountId, direction, period, null, null);
    }

    boolean failed() {
        return code != null;
    }
}
