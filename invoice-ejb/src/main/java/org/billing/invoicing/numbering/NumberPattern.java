package org.billing.invoicing.numbering;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
            throw invalid(
                    "The pattern has %num%, the incremental number, exactly once; it has it " + numbers + " times.");
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

    public boolean hasYear() {
        return pattern.contains("%year%");
    }

    /**
     * A PostgreSQL regular expression matching every number this pattern can print, whatever the
     * padding, the dates and the count, its one group the %num% digits; {@code year} (or null) is the
     * only %year% it matches, for the numbers of one year's counter.
     */
    public String sqlRegex(Integer year) {
        StringBuilder regex = new StringBuilder("^");
        Matcher field = FIELD.matcher(pattern);
        int at = 0;
        while (field.find()) {
            literal(regex, pattern.substring(at, field.start()));
            regex.append(
                    switch (field.group(1)) {
                        case "year" -> year == null ? "[0-9]{4}" : String.format("%04d", year);
                        case "mon", "mday" -> "[0-9]{2}";
                        default -> "([0-9]+)";
                    });
            at = field.end();
        }
        literal(regex, pattern.substring(at));
        return regex.append('$').toString();
    }

    /** Every character but letters and digits escaped: a backslash before them is literal in PostgreSQL's regular expressions. */
    private static void literal(StringBuilder regex, String text) {
        for (char c : text.toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                regex.append('\\');
            }
            regex.append(c);
        }
    }

    /**
     * A number both patterns can print, if there is one: two series whose patterns share a number
     * could issue it twice. The fields are read as digits of their widths (%year% 4, %mon% and %mday%
     * 2, %num% at least its padding), whatever the dates and counters, so the answer errs towards a
     * collision: a number that only one of them could really issue may still be named.
     */
    public Optional<String> sharedNumber(int padding, NumberPattern other, int otherPadding) {
        List<Item> mine = items(padding);
        List<Item> theirs = other.items(otherPadding);
        // Breadth-first over pairs of positions in the two sequences, a repeated digit staying put.
        record State(int i, int j) {}
        Map<State, State> previous = new HashMap<>();
        Map<State, Character> printed = new HashMap<>();
        ArrayDeque<State> queue = new ArrayDeque<>();
        State start = new State(0, 0);
        previous.put(start, start);
        queue.add(start);
        while (!queue.isEmpty()) {
            State state = queue.poll();
            if (state.i == mine.size() && state.j == theirs.size()) {
                StringBuilder number = new StringBuilder();
                for (State at = state; !at.equals(start); at = previous.get(at)) {
                    Character c = printed.get(at);
                    if (c != null) {
                        number.append(c);
                    }
                }
                return Optional.of(number.reverse().toString());
            }
            List<State> next = new ArrayList<>();
            List<Character> chars = new ArrayList<>();
            if (state.i < mine.size() && mine.get(state.i).repeated) {
                next.add(new State(state.i + 1, state.j));
                chars.add(null);
            }
            if (state.j < theirs.size() && theirs.get(state.j).repeated) {
                next.add(new State(state.i, state.j + 1));
                chars.add(null);
            }
            if (state.i < mine.size() && state.j < theirs.size()) {
                Item a = mine.get(state.i);
                Item b = theirs.get(state.j);
                Character shared = a.digit && b.digit
                        ? Character.valueOf('1')
                        : a.digit
                                ? digitOrNull(b.literal)
                                : b.digit
                                        ? digitOrNull(a.literal)
                                        : a.literal == b.literal ? Character.valueOf(a.literal) : null;
                if (shared != null) {
                    next.add(new State(a.repeated ? state.i : state.i + 1, b.repeated ? state.j : state.j + 1));
                    chars.add(shared);
                }
            }
            for (int k = 0; k < next.size(); k++) {
                if (!previous.containsKey(next.get(k))) {
                    previous.put(next.get(k), state);
                    if (chars.get(k) != null) {
                        printed.put(next.get(k), chars.get(k));
                    }
                    queue.add(next.get(k));
                }
            }
        }
        return Optional.empty();
    }

    private static Character digitOrNull(char c) {
        return c >= '0' && c <= '9' ? Character.valueOf(c) : null;
    }

    /** One character of a number: a literal, or a digit (repeated: any number of further digits). */
    private record Item(boolean digit, char literal, boolean repeated) {}

    /** The pattern as characters: %num% is {@code max(1, padding)} digits, the last of them repeated. */
    private List<Item> items(int padding) {
        List<Item> items = new ArrayList<>();
        Matcher field = FIELD.matcher(pattern);
        int at = 0;
        while (field.find()) {
            for (char c : pattern.substring(at, field.start()).toCharArray()) {
                items.add(new Item(false, c, false));
            }
            int digits = switch (field.group(1)) {
                case "year" -> 4;
                case "mon", "mday" -> 2;
                default -> Math.max(1, padding);
            };
            for (int k = 0; k < digits; k++) {
                items.add(new Item(true, '0', false));
            }
            if (field.group(1).equals("num")) {
                items.add(new Item(true, '0', true));
            }
            at = field.end();
        }
        for (char c : pattern.substring(at).toCharArray()) {
            items.add(new Item(false, c, false));
        }
        return items;
    }

    @Override
    public String toString() {
        return pattern;
    }

    private static InvoicingException invalid(String message) {
        return new InvoicingException(ErrorCode.SERIES_INVALID_PATTERN, "pattern", message);
    }
}
