package org.billing.invoicing.tax;

import java.util.Locale;
import java.util.Optional;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;

/** The checks the profiles' text fields share: trimmed, empty as absent, bounded. */
final class Fields {

    private Fields() {}

    static String required(String field, String value, int max) {
        String text = optional(field, value, max);
        if (text == null) {
            throw new InvoicingException(ErrorCode.VALIDATION_FAILED, field, "Give the " + words(field) + ".");
        }
        return text;
    }

    static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        if (text.length() > max) {
            throw new InvoicingException(
                    ErrorCode.VALIDATION_FAILED, field, "The " + words(field) + " has at most " + max + " characters.");
        }
        return text;
    }

    /** {@code postalCode} as "postal code", for messages. */
    private static String words(String field) {
        return field.replaceAll("([A-Z])", " $1").toLowerCase(Locale.ROOT).replace("vat id", "VAT ID");
    }

    /** Refuses with {@code problem} (said for a person) naming {@code field}, when there is one. */
    static void refuseIf(String field, Optional<String> problem) {
        if (problem.isPresent()) {
            throw new InvoicingException(ErrorCode.VALIDATION_FAILED, field, problem.get());
        }
    }
}
