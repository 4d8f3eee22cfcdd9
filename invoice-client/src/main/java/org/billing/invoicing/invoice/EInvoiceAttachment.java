package org.billing.invoicing.invoice;

/**
 * What an account's invoice emails carry of the EN 16931 e-invoice (issue 12): nothing but the PDF, the
 * UBL 2.1 or CII XML beside the PDF, or the PDF itself as Factur-X (PDF/A-3 with the CII inside).
 */
public enum EInvoiceAttachment {
    NONE,
    UBL,
    CII,
    FACTUR_X
}
