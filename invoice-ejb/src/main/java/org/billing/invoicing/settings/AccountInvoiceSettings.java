package org.billing.invoicing.settings;

import java.util.List;

import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.invoice.EInvoiceAttachment;

/**
 * An account's invoice settings for one direction: its own numbering series (null: the default one),
 * the email addresses its issued invoices are sent to, whether the email also carries the invoice's
 * calls ({@code calls-<number>.csv.gz}, the call detail export gzipped; off by default), which
 * e-invoice it carries (issue 12; none by default), and, for the VENDOR direction only, whether its vendor
 * invoices are self-billed invoices (type 389) rather than statements (off by default).
 */
public record AccountInvoiceSettings(
        long accountId,
        Direction direction,
        Long seriesId,
        List<String> recipients,
        boolean attachCalls,
        EInvoiceAttachment einvoiceAttachment,
        boolean selfBilling) {

    public AccountInvoiceSettings {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        einvoiceAttachment = einvoiceAttachment == null ? EInvoiceAttachment.NONE : einvoiceAttachment;
    }

    /** The settings without self-billing, as they were before there was that choice. */
    public AccountInvoiceSettings(
            long accountId,
            Direction direction,
            Long seriesId,
            List<String> recipients,
            boolean attachCalls,
            EInvoiceAttachment einvoiceAttachment) {
        this(accountId, direction, seriesId, recipients, attachCalls, einvoiceAttachment, false);
    }

    /** The settings without an e-invoice attached, as they were before there was that choice. */
    public AccountInvoiceSettings(
            long accountId, Direction direction, Long seriesId, List<String> recipients, boolean attachCalls) {
        this(accountId, direction, seriesId, recipients, attachCalls, EInvoiceAttachment.NONE);
    }

    /** The settings without the calls attached, as they were before there was a choice. */
    public AccountInvoiceSettings(long accountId, Direction direction, Long seriesId, List<String> recipients) {
        this(accountId, direction, seriesId, recipients, false);
    }
}
