package org.billing.invoicing.invoice;

import java.io.Serializable;
import java.time.LocalDate;

import org.billing.invoicing.platform.PaymentModel;

/**
 * What to search invoices by; null means any. {@code from} and {@code to} select the invoices whose
 * period has a day in {@code [from, to]}, in each account's own days. {@code paymentModel} is the
 * account's payment model when the invoice was made (seed 002: "filter the list of invoices by
 * account type"). {@code text} is the search box of seed 003: a part of the invoice number, or of its
 * account's or contractor's name, in any case. {@code documentFailed} keeps only the invoices whose
 * document failed to be made (still retried or given up), {@code emailFailed} those whose email failed to
 * reach a recipient (the latest message to that recipient failed); false means any. {@code drifted} true
 * selects the issued invoices whose last drift check found a difference (issue 13); false or null does not
 * filter.
 */
public record InvoiceFilter(
        Long accountId,
        Long contractorId,
        Direction direction,
        InvoiceState state,
        InvoiceType type,
        LocalDate from,
        LocalDate to,
        PaymentModel paymentModel,
        String text,
        boolean documentFailed,
        boolean emailFailed,
        Boolean drifted)
        implements Serializable {

    private static final long serialVersionUID = 2L;

    /** The filter without the delivery problems and the drift, as sibling modules built it before there were any. */
    public InvoiceFilter(
            Long accountId,
            Long contractorId,
            Direction direction,
            InvoiceState state,
            InvoiceType type,
            LocalDate from,
            LocalDate to,
            PaymentModel paymentModel,
            String text) {
        this(accountId, contractorId, direction, state, type, from, to, paymentModel, text, false, false, null);
    }

    /** The same filter, only the invoices whose last drift check found a difference. */
    public InvoiceFilter onlyDrifted() {
        return new InvoiceFilter(
                accountId,
                contractorId,
                direction,
                state,
                type,
                from,
                to,
                paymentModel,
                text,
                documentFailed,
                emailFailed,
                true);
    }

    /** The filter without a search text, as sibling modules built it before there was one. */
    public InvoiceFilter(
            Long accountId,
            Long contractorId,
            Direction direction,
            InvoiceState state,
            InvoiceType type,
            LocalDate from,
            LocalDate to,
            PaymentModel paymentModel) {
        this(accountId, contractorId, direction, state, type, from, to, paymentModel, null);
    }

    /** The filter without a payment model, as sibling modules built it before there was one. */
    public InvoiceFilter(
            Long accountId,
            Long contractorId,
            Direction direction,
            InvoiceState state,
            InvoiceType type,
            LocalDate from,
            LocalDate to) {
        this(accountId, contractorId, direction, state, type, from, to, null, null);
    }

    public static InvoiceFilter any() {
        return new InvoiceFilter(null, null, null, null, null, null, null, null, null, false, false, null);
    }
}
