package org.billing.invoicing.invoice;

public enum InvoiceType {
    /** Generated for a whole invoice period of the account. */
    AUTO,
    /** Generated for an invoice period cut short by a month boundary. */
    AUTO_PARTIAL,
    /** Created by an operator or an integration for a period it chose. */
    MANUAL
}
