package org.billing.invoicing.document;

import org.billing.invoicing.common.ErrorCode;

/**
 * Why a template is refused.
 *
 * @param placeholder the unknown placeholder, e.g. {@code [I_TOTL]}; null for a problem of the file
 * @param where where it stands, e.g. {@code table INV_ORIG_DST_TABLE, row 2: "[AMOUNTT]"}
 */
public record TemplateProblem(ErrorCode code, String placeholder, String where, String message) {

    static TemplateProblem ofFile(ErrorCode code, String message) {
        return new TemplateProblem(code, null, null, message);
    }
}
