package org.billing.invoicing.invoice;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One page of a search, newest first.
 *
 * <p>{@code total} counts what matched, up to a bound: when more than the bound match, counting them
 * all would cost as much as reading them, so {@code total} is the bound and {@code totalIsExact} is
 * false ("more than 10,000"). {@code nextCursor} continues the list after this page's last invoice
 * (keyset paging; null on the last page); {@code page} is 0 on a page asked for by cursor.
 */
public record InvoicePage(
        long total, int page, int size, List<InvoiceView> items, boolean totalIsExact, String nextCursor)
        implements Serializable {

    /** A page whose total is exact and that has no cursor, as sibling modules built it before. */
    public InvoicePage(long total, int page, int size, List<InvoiceView> items) {
        this(total, page, size, items, true, null);
    }

    /**
     * Agrees with {@code equals} (equal pages have equal positions, totals and cursors) without hashing the
     * fifty invoices, which JSON-B does for every page it writes (see {@link InvoiceView#hashCode()}).
     */
    @Override
    public int hashCode() {
        return Objects.hash(total, page, size, nextCursor);
    }
}
