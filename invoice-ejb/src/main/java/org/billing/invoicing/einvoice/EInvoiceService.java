package org.billing.invoicing.einvoice;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.invoice.InvoiceService;
import org.billing.invoicing.invoice.InvoiceView;
import org.billing.invoicing.tax.BuyerTaxProfileView;
import org.billing.invoicing.tax.SellerProfileView;
import org.billing.invoicing.tax.TaxProfileService;

/**
 * The e-invoice of a stored invoice, for the REST API. Reads the invoice and (for now, see
 * {@link InterimEInvoiceMapper}) the seller and buyer tax profiles, and writes the XML.
 */
@Stateless
public class EInvoiceService {

    @EJB
    private InvoiceService invoices;

    @EJB
    private TaxProfileService taxes;

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
        SellerProfileView seller = taxes.sellerOf(invoice.accountId()).seller();
        if (seller == null) {
            throw incomplete(invoiceId, "there is no seller profile: create one (POST /seller-profiles).");
        }
        BuyerTaxProfileView buyer = taxes.buyerProfile(invoice.contractorId())
                .orElseThrow(() -> incomplete(
                        invoiceId,
                        "contractor " + invoice.contractorId() + " has no tax profile (PUT /contractors/"
                                + invoice.contractorId() + "/tax-profile)."));
        InvoiceView original = invoice.creditedInvoiceId() == null ? null : invoices.get(invoice.creditedInvoiceId());
        try {
            return InterimEInvoiceMapper.map(invoice, original, seller, buyer);
        } catch (IllegalArgumentException e) {
            throw incomplete(invoiceId, e.getMessage());
        }
    }

    private static InvoicingException incomplete(long invoiceId, String reason) {
        return new InvoicingException(
                ErrorCode.EINVOICE_INCOMPLETE, "Invoice " + invoiceId + " cannot be an EN 16931 e-invoice: " + reason);
    }
}
