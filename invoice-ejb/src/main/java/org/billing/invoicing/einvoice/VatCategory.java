package org.billing.invoicing.einvoice;

/** The EN 16931 VAT category codes (UNTDID 5305) this module issues. */
public enum VatCategory {
    /** Standard rate: VAT charged at a rate above zero. */
    S,
    /** Zero rated: taxable, at 0 %. */
    Z,
    /** Exempt from VAT, with the reason. */
    E,
    /** VAT reverse charge: the EU business buyer accounts for the VAT (Directive 2006/112/EC, Art. 196). */
    AE,
    /** Not subject to VAT: outside the scope of EU VAT (services to a buyer outside the EU). */
    O;

    /** Whether EN 16931 asks for an exemption reason (BR-E-10, BR-AE-10, BR-O-10) and forbids one (BR-S-10, BR-Z-10). */
    public boolean needsExemptionReason() {
        return this == E || this == AE || this == O;
    }
}
