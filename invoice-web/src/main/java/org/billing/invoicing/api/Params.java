package org.billing.invoicing.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;

/** Reads request values, naming the field that is wrong. */
final class Params {

    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private Params() {}

    static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed =
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw invalid(field, field + " is one of " + allowed + "; got '" + value + "'.");
        }
    }

    /**
     * A date as YYYY-MM-DD, a year of four digits: ISO's expanded years ({@code +999999999-12-31}) are
     * refused here, before a day after them or an instant of them overflows further in.
     */
    /** {@code true} or {@code false} (any case); absent is false. */
    static boolean flag(String value, String field) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(field, field + " is true or false; got '" + value + "'.");
        };
    }

    static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            if (!DATE.matcher(text).matches()) {
                throw new DateTimeParseException("not YYYY-MM-DD", text, 0);
            }
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(field, field + " is a date as YYYY-MM-DD; got '" + value + "'.");
        }
    }

    /** A free text, trimmed; blank is none. */
    static String text(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > maxLength) {
            throw invalid(field, field + " has at most " + maxLength + " characters.");
        }
        return text;
    }

    static Long id(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw invalid(field, field + " is a whole number; got '" + value + "'.");
        }
    }

    static int integer(String value, String field, int defaultValue) {
        Long parsed = id(value, field);
        if (parsed == null) {
            return defaultValue;
        }
        if (parsed < Integer.MIN_VALUE || parsed > Integer.MAX_VALUE) {
            throw invalid(field, field + " is out of range.");
        }
        return parsed.intValue();
    }

    /** {@code true} or {@code false} (any case); null when not given. */
    static Boolean bool(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String word = value.trim().toLowerCase(Locale.ROOT);
        if (!word.equals("true") && !word.equals("false")) {
            throw invalid(field, field + " is true or false; got '" + value + "'.");
        }
        return Boolean.valueOf(word);
    }

    /**
     * The id in a resource's path: what is not a number names nothing there, so it is answered as not
     * found ({@code notFound}, "There is no invoice x."), not as a malformed request.
     */
    static long pathId(String id, ErrorCode notFound, String thing) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw notFound(notFound, thing, id);
        }
    }

    /** "There is no invoice 7.": the refusal of a path's id that names nothing, malformed or unknown. */
    static InvoicingException notFound(ErrorCode code, String thing, String id) {
        return new InvoicingException(code, "id", "There is no " + thing + " " + id + ".");
    }

    static InvoicingException invalid(String field, String message) {
        return new InvoicingException(ErrorCode.VALIDATION_FAILED, field, message);
    }
}
