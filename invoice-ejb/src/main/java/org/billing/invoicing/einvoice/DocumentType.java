package org.billing.invoicing.einvoice;

/** What an e-invoice is, as the UNTDID 1001 code EN 16931 carries in BT-3. */
public enum DocumentType {
    /** A commercial invoice. */
    INVOICE("380"),
    /** A credit note: reverses (part of) an invoice it references (BG-3), its amounts positive. */
    CREDIT_NOTE("381"),
    /** A self-billed invoice: the buyer issues it in the seller's name (the platform paying a vendor account). */
    SELF_BILLED("389"),
    /** The credit note of a self-billed invoice, issued by the buyer as the invoice was: UBL's CreditNote. */
    SELF_BILLED_CREDIT_NOTE("261");

    private final String code;

    DocumentType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** A credit note of either kind: it references the invoice it reverses, and UBL writes it as a CreditNote. */
    public boolean isCreditNote() {
        return this == CREDIT_NOTE || this == SELF_BILLED_CREDIT_NOTE;
    }
}
