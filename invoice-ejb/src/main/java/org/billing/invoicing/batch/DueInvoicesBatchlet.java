package org.billing.invoicing.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.billing.invoicing.generation.GenerationRunTimer;
import org.billing.invoicing.generation.GenerationWorker;

/** A partition of the run: makes the due invoices of its bucket of accounts, then helps the others. */
@Named
@Dependent
public class DueInvoicesBatchlet extends AbstractBatchlet {

    @EJB
    private GenerationWorker worker;

    @EJB
    private GenerationRunTimer metrics;

    @Inject
    private JobContext job;

    @Inject
    @BatchProperty
    private String bucket;

    @Override
    public String process() {
        int ended = worker.work(RunParameter.of(job), Integer.parseInt(bucket));
        metrics.partitionEnded();
        return "ended=" + ended;
    }
}
