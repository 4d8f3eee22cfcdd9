package org.billing.invoicing.invoice;

import java.io.Serializable;
import java.util.List;

/** One page of a search, newest first, with the count of all that matched. */
public record InvoicePage(long total, int page, int size, List<InvoiceView> items)
        implements Serializable {
}
