package org.billing.invoicing.generation;

import java.io.Serializable;

/** What a run of automatic invoicing did, kept as the step's exit status {@code created=N skipped=M}. */
public record RunCounts(int created, int skipped) implements Serializable {

    private static final long serialVersionUID = 1L;

    public RunCounts oneMoreCreated() {
        return new RunCounts(created + 1, skipped);
    }

    public RunCounts oneMoreSkipped() {
        return new RunCounts(created, skipped + 1);
    }

    @Override
    public String toString() {
        return "created=" + created + " skipped=" + skipped;
    }
}
