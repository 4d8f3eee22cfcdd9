package org.billing.invoicing.invoice;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.billing.invoicing.platform.PaymentModel;

/**
 * The three groups of a prepay account's invoice (seed 002): its charges, the subscriptions they
 * charge, and the balance corrections of the period. Like the {@link DetailTable}s they are stored
 * with the invoice (an issued invoice never changes, whatever the platform does to its rows later)
 * and served by name, but they are not template table placeholders: seed 001 knows the nine
 * {@link DetailTable}s only, and templates are checked against those.
 */
public enum PrepayTable {
    /** The account's service transactions of the period, numbered by creation time. */
    INV_CHARGES_TABLE("inv_charges"),
    /** The subscriptions those charges reference, with their name and status at invoicing time. */
    INV_SUBSCRIPTIONS_TABLE("inv_subscriptions"),
    /** The account's balance corrections approved in the period, numbered by approval time. */
    INV_CORRECTIONS_TABLE("inv_corrections");

    private final String sqlTable;

    PrepayTable(String sqlTable) {
        this.sqlTable = sqlTable;
    }

    public String sqlTable() {
        return sqlTable;
    }

    /**
     * Whether an invoice has these groups: a Customer invoice of a PREPAY account. A Vendor invoice, or
     * any invoice of a postpay account, has none (its tables are empty).
     */
    public static boolean belongTo(Direction direction, PaymentModel paymentModel) {
        return direction == Direction.CUSTOMER && paymentModel == PaymentModel.PREPAY;
    }

    /** The rows of this table in an invoice's prepay details. */
    public List<?> rows(PrepayDetails details) {
        return switch (this) {
            case INV_CHARGES_TABLE -> details.charges();
            case INV_SUBSCRIPTIONS_TABLE -> details.subscriptions();
            case INV_CORRECTIONS_TABLE -> details.corrections();
        };
    }

    public static Optional<PrepayTable> named(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }
}
