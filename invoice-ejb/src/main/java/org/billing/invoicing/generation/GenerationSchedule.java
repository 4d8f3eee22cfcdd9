package org.billing.invoicing.generation;

import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import org.billing.invoicing.database.Settings;

/**
 * Starts automatic invoicing every quarter of an hour (unless {@code INVOICING_AUTO_ENABLED=false}):
 * periods become due at different times in different time zones and after each account's maximum
 * call duration, so a frequent, cheap check makes each invoice soon after it is due. The timer fires on
 * every node: the database lets one node plan the run and the others join it ({@link GenerationRuns}).
 */
@Singleton
public class GenerationSchedule {

    private static final Logger LOG = Logger.getLogger(GenerationSchedule.class.getName());

    @EJB
    private GenerationRuns runs;

    @Schedule(minute = "*/15", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void generate() {
        if (Settings.value("invoicing.auto.enabled").map(Boolean::parseBoolean).orElse(true)) {
            GenerationRun run = runs.startScheduled();
            LOG.fine(() -> "Automatic invoicing run " + run.id() + " " + run.status());
        }
    }
}
