package org.billing.invoicing.invoice;

import java.io.Serializable;
import java.time.Instant;

/** A line of an invoice's history: {@code action} is one of {@link InvoiceEvent.Action}. */
public record InvoiceEventView(long id, long invoiceId, String action, String actor, Instant at, String detail)
        implements Serializable {}
