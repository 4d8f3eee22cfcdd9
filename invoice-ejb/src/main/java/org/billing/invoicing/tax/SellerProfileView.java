package org.billing.invoicing.tax;

import java.time.Instant;

/** A seller profile as REST and the screens show it. */
public record SellerProfileView(
        long id,
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
        String bic,
        int paymentTermsDays,
        String rounding,
        boolean isDefault,
        Instant createdAt,
        Instant updatedAt) {}
