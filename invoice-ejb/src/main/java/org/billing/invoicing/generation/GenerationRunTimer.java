package org.billing.invoicing.generation;

import java.time.Duration;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The application metrics of automatic invoicing: {@value #NAME}, how long runs of
 * {@value GenerationRuns#JOB} take on this node (the batch job's listener reports each as it ends), and
 * the counters of invoices created, failures, partitions and calls aggregated. An EJB, like the
 * services the other batch artifacts call through @EJB.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class GenerationRunTimer {

    public static final String NAME = "invoicing.generation.run";

    @Inject
    private MetricRegistry registry;

    private Timer runs;
    private Counter created;
    private Counter failures;
    private Counter partitions;
    private Counter cdrs;

    @PostConstruct
    void register() {
        runs = registry.timer(Metadata.builder()
                .withName(NAME)
                .withUnit(MetricUnits.SECONDS)
                .withDescription(
                        "Duration of the automatic invoicing runs on this node (batch job " + GenerationRuns.JOB + ")")
                .build());
        created = counter("invoicing.generation.invoices.created", "Invoices created by automatic invoicing");
        failures = counter(
                "invoicing.generation.failures",
                "Account-periods automatic invoicing could not invoice (each is listed with its run)");
        partitions = counter("invoicing.generation.partitions", "Partitions of automatic invoicing runs worked here");
        cdrs = counter(
                "invoicing.generation.cdrs",
                "Calls aggregated by automatic invoicing; its rate is the calls aggregated per second");
    }

    private Counter counter(String name, String description) {
        return registry.counter(
                Metadata.builder().withName(name).withDescription(description).build());
    }

    public void ended(Duration duration) {
        runs.update(duration);
    }

    public void created(int invoices) {
        created.inc(invoices);
    }

    public void failed() {
        failures.inc();
    }

    public void partitionEnded() {
        partitions.inc();
    }

    public void aggregated(long calls) {
        cdrs.inc(calls);
    }
}
