package org.billing.invoicing.numbering;

import java.io.Serializable;
import java.time.Instant;

/** A numbering series as its readers see it, with the number it would issue next today. */
public record SeriesView(
        long id,
        String name,
        String pattern,
        long startNumber,
        boolean yearlyRestart,
        int padding,
        String nextNumber,
        Instant createdAt,
        Instant updatedAt)
        implements Serializable {}
