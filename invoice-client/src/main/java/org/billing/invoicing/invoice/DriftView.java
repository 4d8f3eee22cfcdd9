package org.billing.invoicing.invoice;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * The last drift check of an issued invoice (issue 13): what was issued for its period ("then": the
 * invoice plus its issued supplementary invoices that are not credited) and what the period gives now,
 * recalculated as Calculate would. Money unrounded, times in the account's zone.
 *
 * @param drifted     whether anything differs: calls, durations, amounts or a detail row
 * @param rowsChanged detail rows (destinations, networks, services) whose figures differ
 * @param pendingSupplementaryId a supplementary invoice of this invoice still Pending, or null
 */
public record DriftView(
        long invoiceId,
        OffsetDateTime checkedAt,
        String checkedBy,
        boolean drifted,
        long callsThen,
        long callsNow,
        long callsDurationThen,
        long callsDurationNow,
        long billingDurationThen,
        long billingDurationNow,
        BigDecimal amountThen,
        BigDecimal amountNow,
        BigDecimal amountDifference,
        int rowsChanged,
        Long pendingSupplementaryId)
        implements Serializable {

    private static final long serialVersionUID = 1L;
}
