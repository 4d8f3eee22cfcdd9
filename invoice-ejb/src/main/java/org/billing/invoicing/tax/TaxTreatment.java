package org.billing.invoicing.tax;

/**
 * How a buyer's invoices are taxed, with the VAT category code of EN 16931 (UNTDID 5305) its lines carry.
 */
public enum TaxTreatment {
    /** VAT of the seller's country at the buyer's rate: S, or Z when the rate is 0. */
    DOMESTIC("S"),
    /** An EU business buyer in another member state accounts for the VAT (Art. 196): AE. */
    REVERSE_CHARGE("AE"),
    /** A buyer outside the EU: the service is outside the scope of EU VAT: O. */
    EXPORT("O"),
    /** Exempt, for the reason the profile names: E. */
    EXEMPT("E");

    private final String category;

    TaxTreatment(String category) {
        this.category = category;
    }

    /** The EN 16931 VAT category of the lines, for a domestic rate of {@code ratePercent}. */
    public String category(java.math.BigDecimal ratePercent) {
        return this == DOMESTIC && ratePercent.signum() == 0 ? "Z" : category;
    }
}
