package org.billing.invoicing.generation;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.json.bind.annotation.JsonbTransient;

/**
 * A run of automatic invoicing as an operator follows it.
 *
 * @param status     {@code STARTED} while it works, {@code COMPLETED} once every due period was tried
 *                   (failures included), {@code ABANDONED} when the node that ran it stopped answering
 * @param trigger    {@code SCHEDULE} or {@code OPERATOR}
 * @param due        the account-periods the run planned (created + skipped + failed + still to do)
 * @param done       of those, how many were tried to the end
 * @param deferred   periods due beyond the per-run bound, left to the next run (never dropped)
 * @param cdrs       the calls aggregated so far
 * @param invoicesPerSecond created invoices per second of the run's time, once some were made
 * @param result     {@code created=N skipped=M failed=K}, the short form the lists show
 * @param failures   what could not be invoiced and why; only {@link GenerationRuns#get} fills it
 */
public record GenerationRun(
        long id,
        String status,
        String trigger,
        String startedBy,
        int partitions,
        int due,
        int done,
        int created,
        int skipped,
        int failed,
        int deferred,
        long cdrs,
        BigDecimal invoicesPerSecond,
        String result,
        Instant startedAt,
        Instant heartbeatAt,
        Instant endedAt,
        List<GenerationFailure> failures)
        implements Serializable {

    private static final long serialVersionUID = 2L;

    public static final String STARTED = "STARTED";
    public static final String COMPLETED = "COMPLETED";
    public static final String ABANDONED = "ABANDONED";

    public GenerationRun {
        failures = List.copyOf(failures);
    }

    public GenerationRun withFailures(List<GenerationFailure> listed) {
        return new GenerationRun(
                id,
                status,
                trigger,
                startedBy,
                partitions,
                due,
                done,
                created,
                skipped,
                failed,
                deferred,
                cdrs,
                invoicesPerSecond,
                result,
                startedAt,
                heartbeatAt,
                endedAt,
                listed);
    }

    @JsonbTransient
    public boolean isGoing() {
        return STARTED.equals(status);
    }

    /** Percent of the due periods tried, 0 to 100; a run with nothing due is done. */
    public int progress() {
        return due == 0 ? (isGoing() ? 0 : 100) : (int) Math.min(100, done * 100L / due);
    }
}
