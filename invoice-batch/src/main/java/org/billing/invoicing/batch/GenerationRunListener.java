package org.billing.invoicing.batch;

import java.time.Duration;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

import org.billing.invoicing.generation.GenerationRunTimer;

/** Times each run of the job; the batch runtime makes one listener per job execution. */
@Named
@Dependent
public class GenerationRunListener extends AbstractJobListener {

    @EJB
    private GenerationRunTimer timer;

    private long started;

    @Override
    public void beforeJob() {
        started = System.nanoTime();
    }

    @Override
    public void afterJob() {
        timer.ended(Duration.ofNanos(System.nanoTime() - started));
    }
}
