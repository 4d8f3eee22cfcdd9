package org.billing.invoicing.einvoice;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.document.DocumentService;
import org.billing.invoicing.document.InvoiceFile;
import org.billing.invoicing.document.Office;
import org.billing.invoicing.invoice.InvoiceService;
import org.billing.invoicing.invoice.InvoiceView;

/**
 * The e-invoice of a stored invoice, for the REST API: the invoice as it was issued, with the parties
 * and VAT it copied when it was made ({@link EInvoiceMapper}), written as XML.
 */
@Stateless
public class EInvoiceService {

    @EJB
    private InvoiceService invoices;

    @EJB
    private DocumentService documents;

    @EJB
    private Office office;

    /**
     * The issued invoice's document as Factur-X (profile EN 16931): its frozen document, exported again
     * by LibreOffice as PDF/A-3, with the CII of {@link #einvoice} embedded as {@code factur-x.xml}. The
     * document must be made (see the document's status); the e-invoice must be possible.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public InvoiceFile facturX(long invoiceId) {
        EInvoice einvoice = einvoice(invoiceId);
        InvoiceFile odt = documents.odt(invoiceId);
        byte[] pdfA = office.toPdfA(odt.content());
        String name = odt.fileName().replaceFirst("\\.odt$", "") + "-facturx.pdf";
        return new InvoiceFile(name, InvoiceFile.PDF, EInvoices.facturX(pdfA, einvoice));
    }

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
