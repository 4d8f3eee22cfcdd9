package org.billing.invoicing.probe;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.billing.invoicing.invoice.InvoiceLifecycleEvent;

/** Runs inside the deployed module (probe WAR only): what a sibling module observing the events sees. */
@ApplicationScoped
public class ObservedEvents {

    private final List<String> seen = new ArrayList<>();

    synchronized void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) InvoiceLifecycleEvent event) {
        seen.add(event.toString());
    }

    public synchronized List<String> seen() {
        return List.copyOf(seen);
    }

    public synchronized void clear() {
        seen.clear();
    }
}
