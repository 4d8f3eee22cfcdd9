package org.billing.invoicing.client;

import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.invoice.InvoiceFilter;
import org.billing.invoicing.invoice.InvoicePage;
import org.billing.invoicing.invoice.InvoiceRequest;
import org.billing.invoicing.invoice.InvoiceView;

/**
 * The invoicing module as sibling modules of the platform use it, through {@link InvoicingLocal}
 * (same application) or {@link InvoicingRemote} (another application). Every refusal is an
 * {@link InvoicingException} with a stable {@link org.billing.invoicing.common.ErrorCode}, and rolls
 * the caller's transaction back. Lifecycle changes fire the CDI events of
 * {@link org.billing.invoicing.invoice.InvoiceLifecycleEvent} in the changing transaction.
 */
public interface InvoicingApi {

    /** The invoice as it would be created now, with its detail tables; nothing is stored. */
    InvoiceView calculate(InvoiceRequest request);

    /** A Manual invoice: Pending for a postpay account, Closed and numbered for a prepay one. */
    InvoiceView create(InvoiceRequest request);

    /** Issues a Pending invoice with the next number of its series. */
    InvoiceView approve(long invoiceId);

    /** Corrects an issued invoice with a credit note that reverses it whole; returns the credit note. */
    InvoiceView creditNote(long invoiceId, String reason);

    /** The invoice; {@code INVOICE_NOT_FOUND} if there is none. */
    InvoiceView get(long invoiceId);

    /** Invoices matching the filter, newest first; {@code page} counts from 0, {@code size} 1 to 500. */
    InvoicePage search(InvoiceFilter filter, int page, int size);

    /** The number a numbering series would issue next, without taking it. */
    String nextNumber(long seriesId);

    /** The number the next issued invoice of this account and direction would get, without taking it. */
    String nextNumber(long accountId, Direction direction);
}
