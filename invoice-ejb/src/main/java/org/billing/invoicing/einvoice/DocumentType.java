package org.billing.invoicing.einvoice;

/** What an e-invoice is, as the UNTDID 1001 code EN 16931 carries in BT-3. */
public enum DocumentType {
    /** A commercial invoice. */
    INVOICE("380"),
    /** A credit note: reverses (part of) an invoice it references (BG-3), its amounts positive. */
    CREDIT_NOTE("381"),
    /** A self-billed invoice: the buyer issues it in the seller's name (the platform paying a vendor account). */
    SELF_BILLED("389");

    private final String code;

    DocumentType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
