package org.billing.invoicing.einvoice;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.invoice.InvoiceService;
import org.billing.invoicing.invoice.InvoiceView;

/**
 * The e-invoice of a stored invoice, for the REST API: the invoice as it was issued, with the parties
 * and VAT it copied when it was made ({@link EInvoiceMapper}), written as XML.
 */
@Stateless
// Reads only; and a refusal (EINVOICE_INCOMPLETE) must not roll back a caller that goes on without the
// e-invoice, such as the mail outbox sending the PDF alone.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EInvoiceService {

    @EJB
    private InvoiceService invoices;

    /** The invoice's EN 16931 XML; {@code INVOICE_NOT_ISSUED}, {@code EINVOICE_INCOMPLETE} when it cannot be one. */
    public byte[] xml(long invoiceId, Syntax syntax) {
        return EInvoices.render(einvoice(invoiceId), syntax);
    }

    /**
     * The e-invoice of an issued invoice: {@code INVOICE_NOT_FOUND}, {@code INVOICE_NOT_ISSUED}, or
     * {@code EINVOICE_INCOMPLETE} naming what is missing or the EN 16931 rule it cannot meet.
     */
    public EInvoice einvoice(long invoiceId) {
        InvoiceView invoice = invoices.get(invoiceId);
        if (invoice.number() == null) {
            throw new InvoicingException(
                    ErrorCode.INVOICE_NOT_ISSUED,
                    "Invoice " + invoiceId + " is not issued yet: an e-invoice is made of an issued invoice.");
        }
        InvoiceView original = invoice.creditedInvoiceId() == null ? null : invoices.get(invoice.creditedInvoiceId());
        try {
            return EInvoiceMapper.map(invoice, original);
        } catch (IllegalArgumentException e) {
            throw incomplete(invoiceId, e.getMessage());
        }
    }

    private static InvoicingException incomplete(long invoiceId, String reason) {
        return new InvoicingException(
                ErrorCode.EINVOICE_INCOMPLETE, "Invoice " + invoiceId + " cannot be an EN 16931 e-invoice: " + reason);
    }
}
