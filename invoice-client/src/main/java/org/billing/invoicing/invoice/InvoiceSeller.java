package org.billing.invoicing.invoice;

import java.io.Serializable;

/**
 * The seller an invoice names (Directive 2006/112/EC, Art. 226), as its seller profile said when the
 * invoice was made; it never changes afterwards.
 */
public record InvoiceSeller(
        String legalName,
        String street,
        String city,
        String postalCode,
        String country,
        String vatId,
        String registration,
        String contactEmail,
        String contactPhone,
        String iban,
        String bic)
        implements Serializable {}
