package org.billing.invoicing.generation;

import java.io.Serializable;

import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.period.AutoPeriod;

/** An automatic invoice that is due and not made yet. */
public record DueInvoice(long accountId, Direction direction, AutoPeriod period) implements Serializable {

    private static final long serialVersionUID = 1L;
}
