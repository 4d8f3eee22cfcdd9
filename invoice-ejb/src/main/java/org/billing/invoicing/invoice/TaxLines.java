package org.billing.invoicing.invoice;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.billing.invoicing.tax.TaxableLine;

/**
 * The lines an accountant expects on an invoice, from its raw figures: one per call section, the
 * reverse-billing earnings (or, for a vendor, the reverse-billing spending) as their own line, one per
 * service (a refund service is a negative line). Signed as the invoice's total: what the buyer owes. A
 * section with nothing in it has no line. A prepay account's corrections are not a line: they are what
 * was paid in advance ({@code LegalTotals.prepaidAmount}).
 */
final class TaxLines {

    static final String ORIGINATED = "Originated calls";
    static final String ORIGINATED_REVERSE = "Originated calls to reverse-billing destinations (earned)";
    static final String TERMINATED = "Terminated calls";
    static final String TERMINATED_REVERSE = "Terminated calls from reverse-billing dialpeers (charged)";
    static final String SERVICE = "Service: ";

    private TaxLines() {}

    /**
     * @param serviceLines the rows of INV_SRV_DATA_TABLE (customer invoices only)
     */
    static List<TaxableLine> of(
            Direction direction,
            BigDecimal origSpent,
            BigDecimal origEarned,
            BigDecimal termSpent,
            BigDecimal termEarned,
            List<ServiceLine> serviceLines) {
        List<TaxableLine> lines = new ArrayList<>();
        if (direction == Direction.CUSTOMER) {
            add(lines, ORIGINATED, origSpent);
            add(lines, ORIGINATED_REVERSE, origEarned.negate());
            for (ServiceLine service : serviceLines) {
                add(lines, SERVICE + service.service(), service.amount());
            }
        } else {
            // A vendor invoice is what the platform owes the account: its terminated calls, less what the
            // account is charged for calls from reverse-billing dialpeers.
            add(lines, TERMINATED, termEarned);
            add(lines, TERMINATED_REVERSE, termSpent.negate());
        }
        return lines;
    }

    static List<TaxableLine> of(InvoiceFigures figures) {
        return of(
                figures.direction(),
                figures.originated().spent(),
                figures.originated().earned(),
                figures.terminated().spent(),
                figures.terminated().earned(),
                figures.serviceLines());
    }

    private static void add(List<TaxableLine> lines, String description, BigDecimal net) {
        if (net.signum() != 0) {
            lines.add(new TaxableLine(description, net));
        }
    }
}
