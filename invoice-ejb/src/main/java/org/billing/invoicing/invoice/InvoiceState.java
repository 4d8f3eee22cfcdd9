package org.billing.invoicing.invoice;


import org.billing.invoicing.platform.Account;
import org.billing.invoicing.platform.PaymentModel;

public enum InvoiceState {
    /** Created, not yet issued: it may be recalculated or deleted. */
    PENDING,
    /** Issued to a postpay account by an operator: numbered and never changed again. */
    APPROVED,
    /** Issued to a prepay account at creation (seed 002): numbered and never changed again. */
    CLOSED;

    /** A prepay account's invoice is made after its period and closed right away (seed 002). */
    public static InvoiceState onCreation(Account account) {
        return account.getPaymentModel() == PaymentModel.PREPAY ? CLOSED : PENDING;
    }
}
