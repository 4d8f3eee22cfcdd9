package org.billing.invoicing.generation;

import java.time.Duration;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The application metric {@value #NAME}: how long runs of {@value GenerationRuns#JOB} take, whatever
 * their end (completed, failed, stopped); the batch job's listener reports each run as it ends. An EJB,
 * like the services the other batch artifacts call: in the EAR the batch jar sits in lib/, which sees
 * the EJB module's beans through @EJB, not through CDI.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class GenerationRunTimer {

    public static final String NAME = "invoicing.generation.run";

    @Inject
    private MetricRegistry registry;

    private Timer runs;

    @PostConstruct
    void register() {
        runs = registry.timer(Metadata.builder().withName(NAME).withUnit(MetricUnits.SECONDS)
                .withDescription("Duration of the automatic invoicing runs (batch job " + GenerationRuns.JOB + ")")
                .build());
    }

    public void ended(Duration duration) {
        runs.update(duration);
    }
}
