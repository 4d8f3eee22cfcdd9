package org.billing.invoicing.invoice;

public enum InvoiceState {
    /** Created, not yet issued: it may be recalculated or deleted. */
    PENDING,
    /** Issued to a postpay account by an operator: numbered and never changed again. */
    APPROVED,
    /** Issued to a prepay account at creation (seed 002): numbered and never changed again. */
    CLOSED
}
