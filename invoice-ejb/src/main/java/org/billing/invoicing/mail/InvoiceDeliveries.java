package org.billing.invoicing.mail;

import java.util.List;

/** The emails of an invoice, oldest first, and what they add up to. */
public record InvoiceDeliveries(long invoiceId, DeliveryStatus status, List<MailDelivery> messages) {

    public InvoiceDeliveries {
        messages = List.copyOf(messages);
    }
}
