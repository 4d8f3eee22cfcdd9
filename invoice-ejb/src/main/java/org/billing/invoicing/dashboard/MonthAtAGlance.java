package org.billing.invoicing.dashboard;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

import org.billing.invoicing.invoice.Direction;

/**
 * The landing page's figures (index.xhtml, {@code GET /dashboard}): the last twelve months' issued amounts
 * per direction and currency, their calls and billed seconds, and what waits for someone. Months are the
 * months of the invoices' first days (the account's own days), oldest first, ending with the current month
 * of the issuer's zone.
 *
 * @param months                   the twelve months, {@code YYYY-MM}, oldest first
 * @param invoiced                 issued amounts: only the months, directions and currencies that have some
 * @param traffic                  calls and billed seconds per month and direction: only those that have some
 * @param pendingInvoices          invoices waiting for approval ({@code GET /invoices?state=PENDING})
 * @param failedDocuments          invoices whose document failed ({@code GET /invoices?documentFailed=true})
 * @param failedEmails             invoices whose email failed to reach a recipient ({@code GET /invoices?emailFailed=true})
 * @param failingAutomaticInvoicing accounts, per direction, invoiced automatically with a failed period waiting
 * @param driftedInvoices          issued invoices whose last drift check found a difference
 *                                 ({@code GET /invoices?drifted=true})
 */
public record MonthAtAGlance(
        List<String> months,
        List<Invoiced> invoiced,
        List<Traffic> traffic,
        long pendingInvoices,
        long failedDocuments,
        long failedEmails,
        long failingAutomaticInvoicing,
        long driftedInvoices)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * What was issued in a month for one direction and currency: the sum of the amounts of the invoices
     * issued (Approved or Closed) and of the credit notes (negative), unrounded, never across currencies.
     *
     * @param documents invoices and credit notes counted
     */
    public record Invoiced(String month, Direction direction, String currency, BigDecimal amount, long documents)
            implements Serializable {

        private static final long serialVersionUID = 1L;
    }

    /**
     * The calls of a month's issued invoices of one direction (credited invoices left out: their credit note
     * carries no calls of its own), and their billed seconds.
     */
    public record Traffic(String month, Direction direction, long calls, long billedSeconds) implements Serializable {

        private static final long serialVersionUID = 1L;
    }
}
