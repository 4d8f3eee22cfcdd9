package org.billing.invoicing.platform;

/**
 * How an account pays (the platform's {@code account.payment_model}): a prepay account's invoice is
 * closed at creation and shows its charges, subscriptions and balance corrections (seed 002); a postpay
 * account's invoice waits for approval.
 */
public enum PaymentModel {
    PREPAY,
    POSTPAY
}
