package org.billing.invoicing.platform;

/** A contractor as the module's readers see it. */
public record ContractorView(
        long id,
        String name,
        String address,
        String phones,
        String email,
        boolean customer,
        boolean vendor,
        boolean reseller) {

    static ContractorView of(Contractor contractor) {
        return new ContractorView(
                contractor.getId(),
                contractor.getName(),
                contractor.getAddress(),
                contractor.getPhones(),
                contractor.getEmail(),
                contractor.isCustomer(),
                contractor.isVendor(),
                contractor.isReseller());
    }
}
