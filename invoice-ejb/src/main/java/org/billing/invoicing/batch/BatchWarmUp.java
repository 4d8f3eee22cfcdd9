package org.billing.invoicing.batch;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;

/**
 * Wakes the batch runtime when the application starts, in the background: on first use it opens its job
 * repository (Payara creates the repository's six tables then) and loads its services, about two seconds
 * the first run of automatic invoicing after each start would otherwise wait before its first partition.
 * Nothing depends on it: should it fail, the first run wakes the runtime itself, as before.
 */
@Singleton
@Startup
public class BatchWarmUp {

    private static final Logger LOG = Logger.getLogger(BatchWarmUp.class.getName());

    @Resource
    private ManagedExecutorService executor;

    @PostConstruct
    void warmUp() {
        executor.submit(() -> {
            long started = System.nanoTime();
            try {
                int jobs = BatchRuntime.getJobOperator().getJobNames().size();
                LOG.info(() -> "Batch runtime ready in " + (System.nanoTime() - started) / 1_000_000 + " ms (" + jobs
                        + " job names in its repository)");
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not wake the batch runtime; the first run will", e);
            }
        });
    }
}
