package org.billing.invoicing.einvoice;

/** The two EN 16931 syntaxes an e-invoice is written in. */
public enum Syntax {
    /** OASIS UBL 2.1: an {@code Invoice}, or a {@code CreditNote} for type 381. */
    UBL,
    /** UN/CEFACT Cross Industry Invoice D16B, the XML inside a Factur-X PDF. */
    CII
}
