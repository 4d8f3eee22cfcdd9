package org.billing.invoicing.invoice;

/**
 * The columns of a CDR seen from one side of the call. Originated calls count only the last routing
 * attempt ({@code is_last_cdr}); terminated calls count every attempt, since each one reached a vendor.
 */
public enum CallSide {
    ORIGINATED(
            "customer_acc_id",
            "destination_prefix",
            "destination_next_rate",
            "destination_reverse_billing",
            "customer_price",
            "customer_duration",
            true),
    TERMINATED(
            "vendor_acc_id",
            "dialpeer_prefix",
            "dialpeer_next_rate",
            "dialpeer_reverse_billing",
            "vendor_price",
            "vendor_duration",
            false);

    private final String accountColumn;
    private final String prefixColumn;
    private final String rateColumn;
    private final String reverseBillingColumn;
    private final String priceColumn;
    private final String billedDurationColumn;
    private final boolean lastAttemptsOnly;

    CallSide(
            String accountColumn,
            String prefixColumn,
            String rateColumn,
            String reverseBillingColumn,
            String priceColumn,
            String billedDurationColumn,
            boolean lastAttemptsOnly) {
        this.accountColumn = accountColumn;
        this.prefixColumn = prefixColumn;
        this.rateColumn = rateColumn;
        this.reverseBillingColumn = reverseBillingColumn;
        this.priceColumn = priceColumn;
        this.billedDurationColumn = billedDurationColumn;
        this.lastAttemptsOnly = lastAttemptsOnly;
    }

    public String accountColumn() {
        return accountColumn;
    }

    public String prefixColumn() {
        return prefixColumn;
    }

    public String rateColumn() {
        return rateColumn;
    }

    public String reverseBillingColumn() {
        return reverseBillingColumn;
    }

    public String priceColumn() {
        return priceColumn;
    }

    public String billedDurationColumn() {
        return billedDurationColumn;
    }

    public boolean lastAttemptsOnly() {
        return lastAttemptsOnly;
    }

    /** The side of the calls an invoice of this direction settles. */
    public static CallSide of(Direction direction) {
        return direction == Direction.CUSTOMER ? ORIGINATED : TERMINATED;
    }

    public static Direction directionOf(CallSide side) {
        return side == ORIGINATED ? Direction.CUSTOMER : Direction.VENDOR;
    }
}
