package org.billing.invoicing.batch;

import java.util.List;
import java.util.logging.Logger;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.generation.AutoInvoicingService;
import org.billing.invoicing.generation.DueInvoice;
import org.billing.invoicing.generation.RunCounts;

/**
 * Creates each due invoice in a transaction of its own. One that is refused (an operator made an
 * overlapping invoice meanwhile) is counted as skipped and spoils nothing else.
 */
@Named
@Dependent
public class AutoInvoiceWriter extends AbstractItemWriter {

    private static final Logger LOG = Logger.getLogger(AutoInvoiceWriter.class.getName());

    @EJB
    private AutoInvoicingService autoInvoicing;

    @Inject
    private StepContext step;

    @Override
    public void writeItems(List<Object> items) {
        RunCounts counts = step.getPersistentUserData() instanceof RunCounts earlier ? earlier : new RunCounts(0, 0);
        for (Object item : items) {
            DueInvoice due = (DueInvoice) item;
            try {
                autoInvoicing.create(due);
                counts = counts.oneMoreCreated();
            } catch (InvoicingException e) {
                LOG.info(() -> "Skipped the automatic invoice of account " + due.accountId() + " " + due.direction()
                        + " " + due.period() + ": " + e.code() + " " + e.getMessage());
                counts = counts.oneMoreSkipped();
            }
        }
        step.setPersistentUserData(counts);
        step.setExitStatus(counts.toString());
    }
}
