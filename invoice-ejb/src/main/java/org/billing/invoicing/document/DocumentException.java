package org.billing.invoicing.document;

/** A document could not be made (a template that does not load, LibreOffice failing or missing). */
public class DocumentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DocumentException(String message, Throwable cause) {
        super(message, cause);
    }

    public DocumentException(String message) {
        super(message);
    }
}
