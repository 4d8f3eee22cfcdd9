package org.billing.invoicing.common;

/**
 * The stable error codes of the module: integrations switch on them, so a code is never renamed.
 * Each carries the HTTP status the REST API answers with.
 */
public enum ErrorCode {
    VALIDATION_FAILED(400),
    AUTHENTICATION_REQUIRED(401),
    ACCESS_DENIED(403),
    CROSS_SITE_REQUEST(403),
    ACCOUNT_NOT_FOUND(404),
    CONTRACTOR_NOT_FOUND(404),
    INVOICE_NOT_FOUND(404),
    TABLE_NOT_FOUND(404),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    UNSUPPORTED_MEDIA_TYPE(415),
    PERIOD_INVERTED(422),
    PERIOD_IN_FUTURE(422),
    PERIOD_TOO_LONG(422),
    PERIOD_OVERLAP(409),
    INVOICE_NOT_PENDING(409),
    INVOICE_ALREADY_ISSUED(409),
    INVOICE_NOT_ISSUED(409),
    INVOICE_ALREADY_CREDITED(409),
    CREDIT_NOTE_NOT_CREDITABLE(409),
    /** A drift check or a supplementary invoice of a credit note, a supplementary invoice or a credited invoice. */
    INVOICE_NOT_SUPPLEMENTABLE(409),
    /** A supplementary invoice of an invoice whose period gives now what was issued. */
    NO_DRIFT(409),
    /** The period now totals less than was issued: a credit note and a corrected invoice settle it. */
    DRIFT_IS_DECREASE(409),
    /** A supplementary invoice of an invoice that has one Pending already: approve or delete that one first. */
    SUPPLEMENTARY_PENDING(409),
    /** The drift of an issued invoice that was never checked. */
    DRIFT_NOT_CHECKED(404),
    SERIES_NOT_FOUND(404),
    SERIES_INVALID_PATTERN(400),
    SERIES_NAME_TAKEN(409),
    SERIES_IN_USE(409),
    SERIES_NUMBERS_COLLIDE(409),
    INVOICE_NUMBER_TAKEN(409),
    NO_RECIPIENTS(409),
    TEMPLATE_NOT_FOUND(404),
    TEMPLATE_NOT_ODF(422),
    TEMPLATE_TOO_LARGE(413),
    TEMPLATE_UNSAFE(422),
    TEMPLATE_UNKNOWN_PLACEHOLDER(422),
    TEMPLATE_NAME_TAKEN(409),
    TEMPLATE_IN_USE(409),
    DOCUMENT_NOT_FOUND(404),
    DOCUMENT_NOT_READY(409),
    PDF_UNAVAILABLE(503),
    EINVOICE_INCOMPLETE(409),
    DATABASE_BUSY(503),
    TOO_MANY_DRAFTS(429),
    TOO_MANY_LOGIN_FAILURES(429),
    SELLER_PROFILE_NOT_FOUND(404),
    SELLER_PROFILE_NAME_TAKEN(409),
    SELLER_PROFILE_IN_USE(409),
    TAX_PROFILE_NOT_FOUND(404),
    /** A self-billed vendor invoice of an account whose contractor has no tax profile: its VAT is unknown. */
    TAX_PROFILE_REQUIRED(422),
    INTERNAL_ERROR(500);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
