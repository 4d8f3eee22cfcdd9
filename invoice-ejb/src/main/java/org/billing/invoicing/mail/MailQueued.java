package org.billing.invoicing.mail;

/** Messages of an invoice were queued; once that commits, the sender is nudged to deliver them now. */
public record MailQueued(long invoiceId, int messages) {}
