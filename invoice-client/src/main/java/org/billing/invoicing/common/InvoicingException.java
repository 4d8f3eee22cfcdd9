package org.billing.invoicing.common;

import java.util.Optional;

import jakarta.ejb.ApplicationException;

/**
 * A business rule refused a request. It rolls the transaction back, so nothing half-written stays,
 * and reaches the caller unwrapped (EJB, REST, screens) with its stable code and the offending field.
 * An application exception by annotation: a descriptor inside a WEB-INF/lib jar of a WAR is not read.
 */
@ApplicationException(rollback = true, inherited = true)
public class InvoicingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String field;

    public InvoicingException(ErrorCode code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public InvoicingException(ErrorCode code, String message) {
        this(code, null, message);
    }

    public ErrorCode code() {
        return code;
    }

    /** The request field the error is about, or null when it is about the request as a whole. */
    public String field() {
        return field;
    }

    /**
     * The refusal that caused {@code failure}: itself, or the cause it arrived wrapped in (an
     * {@code EJBException} where the annotation above is not read); empty when it is something else.
     * The one unwrap the REST API and the screens share.
     */
    public static Optional<InvoicingException> causing(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvoicingException refusal) {
                return Optional.of(refusal);
            }
        }
        return Optional.empty();
    }
}
