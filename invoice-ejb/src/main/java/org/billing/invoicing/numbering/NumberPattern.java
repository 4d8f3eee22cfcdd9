package org.billing.invoicing.numbering;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;

/**
 * A numbering pattern (seed 003): literals and the fields {@code %year%}, {@code %mon%},
 * {@code %mday%} (of the issue date) and {@code %num%} (the incremental number), e.g.
 * {@code %num%/%year%} from 100001 gives {@code 100001/2010}, {@code 100002/2010}, ...
 */
public final class NumberPattern {

    private static final Pattern FIELD = Pattern.compile("%([A-Za-z_]*)%");
    private static final Set<String> FIELDS = Set.of("year", "mon", "mday", "num");
    public static final int MAX_LENGTH = 200;
    public static final int MAX_PADDING = 18;

    private final String pattern;

    private NumberPattern(String pattern) {
        this.pattern = pattern;
    }

    /** Checks a pattern: {@code %num%} once, no unknown field, a sensible length. */
    public static NumberPattern of(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw invalid("The pattern is required, e.g. %num%/%year%.");
        }
        if (pattern.length() > MAX_LENGTH) {
            throw invalid("The pattern is at most " + MAX_LENGTH + " characters long.");
        }
        List<String> unknown = new ArrayList<>();
        int numbers = 0;
        Matcher field = FIELD.matcher(pattern);
        while (field.find()) {
            String name = field.group(1);
            if (name.equals("num")) {
                numbers++;
            } else if (!FIELDS.contains(name)) {
                unknown.add(field.group());
            }
        }
        if (!unknown.isEmpty()) {
            throw invalid("Unknown field " + String.join(", ", unknown)
                    + " in the pattern; the fields are %year%, %mon%, %mday% and %num%.");
        }
        if (numbers != 1) {
            throw invalid("The pattern has %num%, the incremental number, exactly once; it has it " + numbers + " times.");
        }
        return new NumberPattern(pattern);
    }

    /** The number {@code num} issued on {@code issueDate}, its %num% padded with zeros to {@code padding} digits. */
    public String format(long num, int padding, LocalDate issueDate) {
        String digits = Long.toString(num);
        if (digits.length() < padding) {
            digits = "0".repeat(padding - digits.length()) + digits;
        }
        String value = digits;
        Matcher field = FIELD.matcher(pattern);
        StringBuilder result = new StringBuilder();
        while (field.find()) {
            String replacement = switch (field.group(1)) {
                case "year" -> String.format("%04d", issueDate.getYear());
                case "mon" -> String.format("%02d", issueDate.getMonthValue());
                case "mday" -> String.format("%02d", issueDate.getDayOfMonth());
                default -> value;
            };
            field.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        field.appendTail(result);
        return result.toString();
    }

    public String value() {
        return pattern;
    }

    @Override
    public String toString() {
        return pattern;
    }

    private static InvoicingException invalid(String message) {
        return new InvoicingException(ErrorCode.SERIES_INVALID_PATTERN, "pattern", message);
    }
}
