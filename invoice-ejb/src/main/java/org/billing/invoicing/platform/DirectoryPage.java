package org.billing.invoicing.platform;

import java.util.List;

/** One page of the platform's contractors or accounts, by name; {@code total} counts all that match. */
public record DirectoryPage<T>(long total, int page, int size, List<T> items) {

    public DirectoryPage {
        items = List.copyOf(items);
    }
}
