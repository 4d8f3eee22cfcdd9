package org.billing.invoicing.generation;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

import org.billing.invoicing.invoice.Direction;

/**
 * An account-period a run could not invoice: {@code code} is the stable error code (an
 * {@code ErrorCode} name, or {@code INVALID_TIME_ZONE}, {@code DATABASE_ERROR}, ...), {@code reason}
 * says it in words. A failed period stays due: the next run tries it again.
 */
public record GenerationFailure(
        long accountId,
        Direction direction,
        LocalDate startDate,
        LocalDate endDate,
        String code,
        String reason,
        int attempts,
        Instant at)
        implements Serializable {

    private static final long serialVersionUID = 1L;
}
