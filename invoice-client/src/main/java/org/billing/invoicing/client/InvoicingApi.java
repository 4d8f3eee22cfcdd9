package org.billing.invoicing.client;

import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.invoice.DriftView;
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

    /**
     * The invoices after a cursor (the {@code nextCursor} of a page; null: from the newest), newest
     * first: keyset paging, for walking the whole list without repeating or skipping an invoice while new
     * ones are made.
     */
    InvoicePage searchAfter(InvoiceFilter filter, String cursor, int size);

    /** Deletes a Pending invoice; an issued one is refused ({@code INVOICE_NOT_PENDING}) and credited instead. */
    void delete(long invoiceId);

    /**
     * Checks an issued invoice for drift now: its period recalculated and compared with what was issued
     * for it (late or re-rated calls); the check is kept as the invoice's last.
     */
    DriftView checkDrift(long invoiceId);

    /** The invoice's last drift check; {@code DRIFT_NOT_CHECKED} if it was never checked. */
    DriftView drift(long invoiceId);

    /**
     * Bills the increase of a drifted invoice's period as a supplementary invoice (Pending); a decrease
     * is refused ({@code DRIFT_IS_DECREASE}) and settled by {@link #correct}.
     */
    InvoiceView supplement(long invoiceId);

    /**
     * Credits an issued invoice (and its issued supplementary invoices) and creates the corrected invoice
     * of the same period, in one transaction; returns the corrected invoice.
     */
    InvoiceView correct(long invoiceId, String reason);

    /** The number a numbering series would issue next, without taking it. */
    String nextNumber(long seriesId);

    /** The number the next issued invoice of this account and direction would get, without taking it. */
    String nextNumber(long accountId, Direction direction);
}
