package org.billing.invoicing.generation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;

/**
 * Runs of automatic invoicing (the batch job {@value #JOB}, whose thin artifacts are in invoice-batch):
 * started by the schedule or on demand. Jobs start outside any transaction: the batch runtime writes
 * its own records. The EJBs live here, in the EJB module: an EJB in the EAR's lib/ would be seen by
 * every module as one of its own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class GenerationRuns {

    public static final String JOB = "auto-invoices";
    private static final int LISTED = 20;

    /** Starts a run unless one is already going; returns the run that is going. */
    public GenerationRun start() {
        JobOperator operator = BatchRuntime.getJobOperator();
        for (GenerationRun run : recent()) {
            if (run.status().equals(BatchStatus.STARTING.name()) || run.status().equals(BatchStatus.STARTED.name())) {
                return run;
            }
        }
        return get(operator.start(JOB, new Properties()));
    }

    public GenerationRun get(long id) {
        JobOperator operator = BatchRuntime.getJobOperator();
        try {
            JobExecution execution = operator.getJobExecution(id);
            if (!JOB.equals(execution.getJobName())) {
                throw notFound(id);
            }
            return view(operator, execution);
        } catch (NoSuchJobExecutionException e) {
            throw notFound(id);
        }
    }

    /** The latest runs, newest first. */
    public List<GenerationRun> recent() {
        JobOperator operator = BatchRuntime.getJobOperator();
        List<GenerationRun> runs = new ArrayList<>();
        try {
            for (JobInstance instance : operator.getJobInstances(JOB, 0, LISTED)) {
                for (JobExecution execution : operator.getJobExecutions(instance)) {
                    runs.add(view(operator, execution));
                }
            }
        } catch (NoSuchJobException e) {
            return List.of();
        }
        runs.sort((a, b) -> Long.compare(b.id(), a.id()));
        return runs;
    }

    private static GenerationRun view(JobOperator operator, JobExecution execution) {
        // Read once: the execution is live, and its status may change between two reads.
        BatchStatus status = execution.getBatchStatus();
        String result = null;
        for (StepExecution step : operator.getStepExecutions(execution.getExecutionId())) {
            result = step.getExitStatus();
        }
        boolean noCounts = result == null || result.equals(BatchStatus.COMPLETED.name());
        if (noCounts) {
            // A step that wrote nothing keeps the default exit status; the run's counts are then zero, once
            // the run has ended (a step may have ended before its job has).
            result = status == BatchStatus.COMPLETED ? new RunCounts(0, 0).toString() : null;
        }
        return new GenerationRun(execution.getExecutionId(), status.name(), result,
                instant(execution.getCreateTime()), instant(execution.getStartTime()), instant(execution.getEndTime()));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static InvoicingException notFound(long id) {
        return new InvoicingException(ErrorCode.NOT_FOUND, "id", "There is no generation run " + id + ".");
    }
}
