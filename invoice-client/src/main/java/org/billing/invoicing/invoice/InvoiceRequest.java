package org.billing.invoicing.invoice;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * Calculate or create the invoice of an account and direction for the local days {@code startDate}
 * to {@code endDate} of the account's time zone, the end date included whole.
 */
public record InvoiceRequest(Long accountId, Direction direction, LocalDate startDate, LocalDate endDate)
        implements Serializable {}
