package org.billing.invoicing.batch;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;

import org.billing.invoicing.generation.GenerationRuns;

/** The run a job execution works on: its job parameter {@value GenerationRuns#RUN_PARAMETER}. */
final class RunParameter {

    private RunParameter() {}

    static long of(JobContext job) {
        String value = BatchRuntime.getJobOperator()
                .getParameters(job.getExecutionId())
                .getProperty(GenerationRuns.RUN_PARAMETER);
        if (value == null) {
            throw new IllegalStateException("Job " + job.getJobName() + " was started without its "
                    + GenerationRuns.RUN_PARAMETER + " parameter");
        }
        return Long.parseLong(value);
    }
}
