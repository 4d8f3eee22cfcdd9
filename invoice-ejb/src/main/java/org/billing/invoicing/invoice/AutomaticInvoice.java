package org.billing.invoicing.invoice;

import org.billing.invoicing.period.AutoPeriod;

/** An automatic invoice to create with the figures its run computed. */
public record AutomaticInvoice(long accountId, Direction direction, AutoPeriod period, InvoiceFigures figures) {}
