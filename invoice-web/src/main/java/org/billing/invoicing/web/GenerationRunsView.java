package org.billing.invoicing.web;

import java.io.Serializable;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import org.billing.invoicing.common.Action;
import org.billing.invoicing.generation.GenerationRun;
import org.billing.invoicing.generation.GenerationRuns;
import org.primefaces.PrimeFaces;

/**
 * automatic.xhtml's runs: the latest runs with their progress, followed by a poll while one is going
 * (and no longer once none is), the failures of the run an operator picks, and Run now for an
 * administrator.
 */
@Named
@ViewScoped
public class GenerationRunsView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The overview of the accounts, whose latest invoices and failures change when a run ends. */
    private static final String OVERVIEW = "overview:accounts";

    @EJB
    private GenerationRuns runs;

    private List<GenerationRun> recent;
    /** The run whose failures are shown, with them; null when none is picked. */
    private GenerationRun shown;

    /** Starts a run now (or shows the one already going), and follows it. */
    public void runNow() {
        if (!Access.permits(Action.MANAGE_AUTOMATIC_INVOICING, "start generation runs")) {
            return;
        }
        GenerationRun run = runs.start();
        recent = null;
        if (run.isGoing()) {
            Messages.info("Generation run " + run.id() + " is running: " + run.due() + " periods to invoice. The list"
                    + " below follows it.");
        } else {
            Messages.info("Generation run " + run.id() + " is over: " + counts(run) + ".");
        }
    }

    /** Reads the runs again (and the failures shown). */
    public void refresh() {
        recent = null;
        if (shown != null) {
            shown = runs.get(shown.id());
        }
    }

    /**
     * The poll, every few seconds while a run is going: reads the runs again, and the failures of the
     * run shown while it is still going. When the last run going ends, the accounts' overview is shown
     * again with what it made.
     */
    public void poll() {
        boolean wasGoing = isGoing();
        recent = null;
        if (shown != null && shown.isGoing()) {
            shown = runs.get(shown.id());
        }
        if (wasGoing && !isGoing()) {
            PrimeFaces.current().ajax().update(OVERVIEW);
        }
    }

    /** Shows the failures of run {@code id}. */
    public void showFailures(long id) {
        try {
            shown = runs.get(id);
        } catch (RuntimeException e) {
            shown = null;
            Messages.error(null, Refusals.refusal(e).getMessage());
        }
    }

    public void hideFailures() {
        shown = null;
    }

    /** The latest runs, newest first; read once per request that asks again (Run now, Refresh, the poll). */
    public List<GenerationRun> getRecent() {
        if (recent == null) {
            recent = runs.recent();
        }
        return recent;
    }

    /** Whether a run is going: the poll runs while it is, and stops once it is not. */
    public boolean isGoing() {
        return getRecent().stream().anyMatch(GenerationRun::isGoing);
    }

    public GenerationRun getShown() {
        return shown;
    }

    private static String counts(GenerationRun run) {
        return run.created() + " invoices created, " + run.skipped() + " periods skipped, " + run.failed() + " failed";
    }
}
