package org.billing.invoicing.generation;

import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.period.AutoPeriod;

/** An account-period of a run that a node has claimed: the invoice to make. */
public record DueItem(long id, long accountId, Direction direction, AutoPeriod period) {}
