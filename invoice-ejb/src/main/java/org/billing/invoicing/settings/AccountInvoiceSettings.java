package org.billing.invoicing.settings;

import java.util.List;

import org.billing.invoicing.invoice.Direction;

/**
 * An account's invoice settings for one direction: its own numbering series (null: the default one)
 * and the email addresses its issued invoices are sent to.
 */
public record AccountInvoiceSettings(long accountId, Direction direction, Long seriesId, List<String> recipients) {

    public AccountInvoiceSettings {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }
}
