package org.billing.invoicing.invoice;

public enum InvoiceKind {
    INVOICE,
    /** Reverses an issued invoice whole; numbered in its own series. */
    CREDIT_NOTE,
    /**
     * Bills what an issued invoice's period gained after it was issued (late or re-rated calls, late
     * service transactions): the difference only, numbered from the invoice series, referencing it.
     */
    SUPPLEMENTARY
}
