package org.billing.invoicing.generation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.database.Database;
import org.billing.invoicing.invoice.DriftChecks;

/**
 * Runs of automatic invoicing, started by the schedule on every node or by an operator. A run is a
 * row of {@code generation_run} and its due account-periods rows of {@code generation_item}; the
 * database, not a node, says whether a run is going: at most one is (a unique index), starts are
 * serialised by an advisory lock, and a run whose heartbeat is older than the lease is abandoned, so
 * that a node killed mid-run (or a batch repository that still says STARTED after a restart) never
 * blocks the next run. The work itself is the batch job {@value #JOB} (thin artifacts in the package
 * batch), started on each node that starts or joins a run; its partitions claim the items.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class GenerationRuns {

    public static final String JOB = "auto-invoices";
    public static final String RUN_PARAMETER = "runId";
    private static final int LISTED = 20;
    private static final Logger LOG = Logger.getLogger(GenerationRuns.class.getName());

    /**
     * Runs this process works on now. Node-local on purpose and only to avoid starting the job twice
     * here; which run is going is decided by the database.
     */
    private static final Set<Long> WORKED_HERE = ConcurrentHashMap.newKeySet();

    @Resource(lookup = Database.JNDI_NAME)
    private DataSource dataSource;

    @Resource
    private SessionContext session;

    @Inject
    private Clock clock;

    @EJB
    private DriftChecks driftChecks;

    /** An operator's Run now: starts a run unless one is going, and works on the run that is going. */
    public GenerationRun start() {
        return start("OPERATOR", session.getCallerPrincipal().getName());
    }

    /** The schedule's run, on every node: the database lets one node plan it; the others join it. */
    public GenerationRun startScheduled() {
        return start("SCHEDULE", "schedule");
    }

    private GenerationRun start(String trigger, String by) {
        GenerationSettings settings = GenerationSettings.current();
        long runId;
        boolean work;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Instant now = clock.instant();
                GenerationStore.lockStarts(connection);
                for (long abandoned : GenerationStore.abandonStale(connection, now, settings.lease())) {
                    LOG.warning(() -> "Generation run " + abandoned + " had no heartbeat for " + settings.lease()
                            + ": marked ABANDONED; its open periods are planned again.");
                }
                Optional<Long> going = GenerationStore.going(connection);
                if (going.isPresent()) {
                    runId = going.get();
                    work = true;
                } else {
                    DuePlanning.Plan plan = DuePlanning.plan(connection, now, settings.maxPeriodsPerAccount());
                    runId = GenerationStore.insertRun(
                            connection, trigger, by, settings.threads(), plan.deferred(), now);
                    GenerationStore.insertItems(connection, runId, settings.threads(), plan.items(), now);
                    work = plan.items().stream().anyMatch(item -> !item.failed());
                    if (!work) {
                        GenerationStore.completeIfDone(connection, runId, now);
                    }
                    if ("SCHEDULE".equals(trigger) && plan.items().isEmpty() && plan.deferred() == 0) {
                        GenerationStore.forgetEmptyScheduledRuns(connection, runId);
                    }
                    long planned = runId;
                    LOG.info(() -> "Generation run " + planned + " (" + trigger + ") planned "
                            + plan.items().size() + " account-periods, " + plan.deferred()
                            + " deferred to the next run.");
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new PersistenceException("Could not start a run of automatic invoicing", e);
        }
        if (work) {
            workOn(runId);
        }
        return get(runId);
    }

    /** Starts the batch job on this node for the run, unless this node already works on it. */
    private void workOn(long runId) {
        if (!WORKED_HERE.add(runId)) {
            return;
        }
        try {
            Properties parameters = new Properties();
            parameters.setProperty(RUN_PARAMETER, Long.toString(runId));
            BatchRuntime.getJobOperator().start(JOB, parameters);
        } catch (RuntimeException e) {
            WORKED_HERE.remove(runId);
            throw e;
        }
    }

    /** The job ended on this node: completes the run when no period is open any more (on any node). */
    public void ended(long runId) {
        WORKED_HERE.remove(runId);
        try (Connection connection = dataSource.getConnection()) {
            if (GenerationStore.completeIfDone(connection, runId, clock.instant())) {
                LOG.info(() -> "Generation run " + runId + " completed.");
            } else {
                return;
            }
        } catch (SQLException e) {
            throw new PersistenceException("Could not complete generation run " + runId, e);
        }
        checkDrift(runId);
    }

    /**
     * After the run's invoices are written (on the node that completed it, once), the drift of the issued
     * invoices of the last {@code invoicing.drift.periods} periods of the accounts it invoiced (issue 13):
     * chunks of {@code invoicing.auto.chunk} recalculated together; a chunk that fails is checked again
     * invoice by invoice, and a check that still fails is one of the run's failures, never the end of the
     * others.
     */
    private void checkDrift(long runId) {
        int periods = GenerationSettings.driftPeriods();
        if (periods == 0) {
            return;
        }
        List<GenerationStore.DriftCandidate> candidates;
        try (Connection connection = dataSource.getConnection()) {
            candidates = GenerationStore.driftCandidates(connection, runId, periods);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not select the invoices to check for drift after run " + runId, e);
            return;
        }
        int chunk = GenerationSettings.current().chunk();
        int drifted = 0;
        int failed = 0;
        for (int from = 0; from < candidates.size(); from += chunk) {
            List<GenerationStore.DriftCandidate> part =
                    candidates.subList(from, Math.min(candidates.size(), from + chunk));
            try {
                drifted += driftChecks.check(part.stream()
                        .map(GenerationStore.DriftCandidate::invoiceId)
                        .toList());
            } catch (RuntimeException together) {
                for (GenerationStore.DriftCandidate candidate : part) {
                    try {
                        drifted += driftChecks.check(List.of(candidate.invoiceId()));
                    } catch (RuntimeException alone) {
                        failed++;
                        reportDriftFailure(runId, candidate, GenerationWorker.Failure.of(alone));
                    }
                }
            }
        }
        int checked = candidates.size();
        int found = drifted;
        int failures = failed;
        LOG.info(() -> "Generation run " + runId + " checked " + checked + " issued invoices for drift: " + found
                + " drifted, " + failures + " failed.");
    }

    private void reportDriftFailure(
            long runId, GenerationStore.DriftCandidate candidate, GenerationWorker.Failure failure) {
        try (Connection connection = dataSource.getConnection()) {
            GenerationStore.insertDriftFailure(
                    connection,
                    runId,
                    candidate,
                    "DRIFT_CHECK_FAILED",
                    "The drift check of invoice " + candidate.invoiceId() + " failed: " + failure.code() + ": "
                            + failure.reason(),
                    clock.instant());
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not report the failed drift check of invoice " + candidate.invoiceId(), e);
        }
    }

    /** How many partitions the run was planned with. */
    public int partitions(long runId) {
        try (Connection connection = dataSource.getConnection()) {
            return GenerationStore.partitions(connection, runId);
        } catch (SQLException e) {
            throw new PersistenceException("Could not read generation run " + runId, e);
        }
    }

    /** A run with its counts and its failures. */
    public GenerationRun get(long id) {
        try (Connection connection = dataSource.getConnection()) {
            return GenerationStore.run(connection, id)
                    .orElseThrow(() -> new InvoicingException(
                            ErrorCode.NOT_FOUND, "id", "There is no generation run " + id + "."));
        } catch (SQLException e) {
            throw new PersistenceException("Could not read generation run " + id, e);
        }
    }

    /** The latest runs, newest first, with their counts (without their failures). */
    public List<GenerationRun> recent() {
        try (Connection connection = dataSource.getConnection()) {
            return GenerationStore.recent(connection, LISTED);
        } catch (SQLException e) {
            throw new PersistenceException("Could not read the generation runs", e);
        }
    }
}
