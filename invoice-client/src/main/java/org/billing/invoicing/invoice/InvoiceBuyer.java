package org.billing.invoicing.invoice;

import java.io.Serializable;

/**
 * The buyer an invoice names, as the platform (name, address, phones) and its tax profile (country, VAT ID,
 * reference) said when the invoice was made; renaming the contractor later changes nothing here.
 *
 * @param buyerReference the buyer's purchase order or reference (EN 16931 BT-10)
 */
public record InvoiceBuyer(
        String name, String address, String phones, String country, String vatId, String buyerReference)
        implements Serializable {}
