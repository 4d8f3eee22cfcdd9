package org.billing.invoicing.invoice;

import java.io.Serializable;

/**
 * CDI events of the invoice lifecycle, fired inside the transaction that makes the change. Observe
 * them with {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)} to act only once it committed.
 */
public sealed interface InvoiceLifecycleEvent extends Serializable {

    long invoiceId();

    /** An invoice was created (Pending, or a prepay invoice about to be closed). */
    record InvoiceCreated(long invoiceId) implements InvoiceLifecycleEvent {}

    /** An invoice or credit note was issued with its number: {@code state} is APPROVED or CLOSED. */
    record InvoiceApproved(long invoiceId, String number, InvoiceState state) implements InvoiceLifecycleEvent {}

    /** An issued invoice was credited by a credit note. */
    record InvoiceCredited(long invoiceId, long creditNoteId) implements InvoiceLifecycleEvent {}
}
