package org.billing.invoicing.invoice;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * What to search invoices by; null means any. {@code from} and {@code to} select the invoices whose
 * period has a day in {@code [from, to]}, in each account's own days.
 */
public record InvoiceFilter(Long accountId, Long contractorId, Direction direction, InvoiceState state,
                            InvoiceType type, LocalDate from, LocalDate to)
        implements Serializable {

    public static InvoiceFilter any() {
        return new InvoiceFilter(null, null, null, null, null, null, null);
    }
}
