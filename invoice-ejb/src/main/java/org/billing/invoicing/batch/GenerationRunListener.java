package org.billing.invoicing.batch;

import java.time.Duration;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.billing.invoicing.generation.GenerationRunTimer;
import org.billing.invoicing.generation.GenerationRuns;

/**
 * Times each job execution, and ends the run on this node: the run completes once no period is open
 * on any node. The batch runtime makes one listener per job execution.
 */
@Named
@Dependent
public class GenerationRunListener extends AbstractJobListener {

    @EJB
    private GenerationRunTimer timer;

    @EJB
    private GenerationRuns runs;

    @Inject
    private JobContext job;

    private long started;

    @Override
    public void beforeJob() {
        started = System.nanoTime();
    }

    @Override
    public void afterJob() {
        timer.ended(Duration.ofNanos(System.nanoTime() - started));
        runs.ended(RunParameter.of(job));
    }
}
