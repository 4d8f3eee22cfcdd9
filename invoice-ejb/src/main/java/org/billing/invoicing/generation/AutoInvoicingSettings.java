package org.billing.invoicing.generation;

import java.time.LocalDate;

import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.period.InvoicePeriod;

/**
 * An account's automatic invoicing in one direction: invoices for each {@code invoicePeriod}, from the
 * first whole period that starts on or after {@code generateFrom}.
 */
public record AutoInvoicingSettings(
        long accountId, Direction direction, InvoicePeriod invoicePeriod, LocalDate generateFrom) {}
