package org.billing.invoicing.platform;

public enum PaymentModel {
    PREPAY,
    POSTPAY
}
