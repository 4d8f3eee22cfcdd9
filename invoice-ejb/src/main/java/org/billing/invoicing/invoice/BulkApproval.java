package org.billing.invoicing.invoice;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;

/**
 * Approves many Pending invoices at once (the invoice list's "Approve selected", {@code POST /invoices/approvals}):
 * each in a transaction of its own through {@link InvoiceService#approve}, so that one refused (approved
 * meanwhile by another operator, deleted, its number taken) is reported with its reason and never stops or
 * undoes the others.
 */
@Stateless
public class BulkApproval {

    /** The most invoices one request approves. */
    public static final int MAX_INVOICES = 500;

    private static final Logger LOG = Logger.getLogger(BulkApproval.class.getName());

    @EJB
    private InvoiceService invoices;

    /**
     * What became of one invoice: approved with its number, or refused with a stable code and the reason in
     * words ({@code number} is then its number if it has one, e.g. when someone else approved it first).
     */
    public record Result(long invoiceId, boolean approved, String number, String code, String reason)
            implements Serializable {

        private static final long serialVersionUID = 1L;

        /** How an operator names the invoice: its number, else its id. */
        public String name() {
            return number == null ? "#" + invoiceId : number;
        }
    }

    /** Approves each invoice in turn, in the order given, each once; no transaction spans two of them. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Result> approveAll(List<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new InvoicingException(ErrorCode.VALIDATION_FAILED, "ids", "Select at least one invoice.");
        }
        if (ids.size() > MAX_INVOICES) {
            throw new InvoicingException(
                    ErrorCode.VALIDATION_FAILED,
                    "ids",
                    "At most " + MAX_INVOICES + " invoices are approved at once; got " + ids.size() + ".");
        }
        List<Result> results = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(ids)) {
            if (id == null) {
                throw new InvoicingException(ErrorCode.VALIDATION_FAILED, "ids", "An invoice id is missing.");
            }
            results.add(approve(id));
        }
        return results;
    }

    private Result approve(long id) {
        try {
            InvoiceView approved = invoices.approve(id);
            return new Result(id, true, approved.number(), null, null);
        } catch (RuntimeException e) {
            InvoicingException refusal = refusal(e);
            if (refusal == null) {
                LOG.log(Level.WARNING, "Approving invoice " + id + " failed", e);
                return new Result(
                        id,
                        false,
                        null,
                        ErrorCode.INTERNAL_ERROR.name(),
                        "The approval failed unexpectedly and was undone; try it again on the invoice's page.");
            }
            String number = invoices.find(id).map(InvoiceView::number).orElse(null);
            return new Result(id, false, number, refusal.code().name(), reason(refusal, number));
        }
    }

    /** The refusal in an operator's words: the service's own, but for the one a bulk approval meets most. */
    private static String reason(InvoicingException refusal, String number) {
        if (refusal.code() == ErrorCode.INVOICE_ALREADY_ISSUED) {
            return "It is already issued, with number " + number
                    + ": someone approved it meanwhile, or it was not Pending.";
        }
        return refusal.getMessage();
    }

    /**
     * The business refusal in what the service threw: in the Payara Micro WAR it arrives wrapped in an
     * EJBException (the jar's ejb-jar.xml is not read there), in the EAR as it is.
     */
    private static InvoicingException refusal(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvoicingException refusal) {
                return refusal;
            }
        }
        return null;
    }
}
