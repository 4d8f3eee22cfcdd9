package org.billing.invoicing.generation;

import java.io.Serializable;
import java.time.Instant;

/** A run of the automatic invoicing job: its batch status, and {@code created=N skipped=M} when it ran. */
public record GenerationRun(long id, String status, String result, Instant createdAt, Instant startedAt,
                            Instant endedAt) implements Serializable {

    private static final long serialVersionUID = 1L;
}
