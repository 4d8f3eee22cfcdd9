package org.billing.invoicing.invoice;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;

/**
 * A place in the invoice list, which is ordered by {@code (created_at DESC, id DESC)}: the list goes on
 * with the invoices strictly after it. Both are fixed when an invoice is made and unique together, so
 * walking by cursor returns every invoice that existed when the walk began exactly once, whatever is
 * inserted meanwhile (new invoices sort before the first page). Clients see it as an opaque string.
 */
public record InvoiceCursor(Instant createdAt, long id) {

    private static final Pattern TEXT = Pattern.compile("v1\\.(-?\\d{1,19})\\.(\\d{1,9})\\.(\\d{1,19})");
    private static final int MAX_LENGTH = 100;

    public String encode() {
        String text = "v1." + createdAt.getEpochSecond() + "." + createdAt.getNano() + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor a client sent back; anything it did not get from us is refused naming the field. */
    public static InvoiceCursor decode(String value, String field) {
        if (value == null || value.length() > MAX_LENGTH) {
            throw malformed(field);
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(value.trim()), StandardCharsets.US_ASCII);
            Matcher matcher = TEXT.matcher(text);
            if (!matcher.matches()) {
                throw malformed(field);
            }
            return new InvoiceCursor(
                    Instant.ofEpochSecond(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))),
                    Long.parseLong(matcher.group(3)));
        } catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
            throw malformed(field);
        }
    }

    private static InvoicingException malformed(String field) {
        return new InvoicingException(
                ErrorCode.VALIDATION_FAILED,
                field,
                field + " is not a cursor of this list: pass the nextCursor of a page as it is.");
    }
}
