package org.billing.invoicing.invoice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The application metrics {@value #CREATED} and {@value #ISSUED}: counted once the transaction that
 * made the change committed, so a rolled-back creation is not counted. Registered at startup, so that
 * they read 0 rather than being absent before the first invoice.
 */
@ApplicationScoped
public class InvoiceCounters {

    public static final String CREATED = "invoicing.invoices.created";
    public static final String ISSUED = "invoicing.invoices.issued";

    @Inject
    private MetricRegistry registry;

    private Counter created;
    private Counter issued;

    void register(@Observes Startup startup) {
        counters();
    }

    void created(@Observes(during = TransactionPhase.AFTER_SUCCESS) InvoiceLifecycleEvent.InvoiceCreated event) {
        counters();
        created.inc();
    }

    void issued(@Observes(during = TransactionPhase.AFTER_SUCCESS) InvoiceLifecycleEvent.InvoiceApproved event) {
        counters();
        issued.inc();
    }

    private synchronized void counters() {
        if (created == null) {
            created = registry.counter(Metadata.builder()
                    .withName(CREATED)
                    .withDescription("Invoices created, by an operator or by automatic invoicing")
                    .build());
            issued = registry.counter(Metadata.builder()
                    .withName(ISSUED)
                    .withDescription("Invoices and credit notes issued with their number (approved or closed)")
                    .build());
        }
    }
}
