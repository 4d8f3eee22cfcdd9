package org.billing.invoicing.invoice;

public enum InvoiceKind {
    INVOICE,
    /** Reverses an issued invoice whole; numbered in its own series. */
    CREDIT_NOTE
}
