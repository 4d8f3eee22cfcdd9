package org.billing.invoicing.settings;

import java.util.List;

import org.billing.invoicing.invoice.Direction;

/**
 * An account's invoice settings for one direction: its own numbering series (null: the default one),
 * the email addresses its issued invoices are sent to, and whether the email also carries the invoice's
 * calls ({@code calls-<number>.csv.gz}, the call detail export gzipped; off by default).
 */
public record AccountInvoiceSettings(
        long accountId, Direction direction, Long seriesId, List<String> recipients, boolean attachCalls) {

    public AccountInvoiceSettings {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    /** The settings without the calls attached, as they were before there was a choice. */
    public AccountInvoiceSettings(long accountId, Direction direction, Long seriesId, List<String> recipients) {
        this(accountId, direction, seriesId, recipients, false);
    }
}
