package org.billing.invoicing.batch;

import java.util.Properties;

import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.billing.invoicing.generation.GenerationRuns;
import org.billing.invoicing.generation.GenerationSettings;

/** One partition per bucket of accounts the run was planned with, worked by this node's threads. */
@Named
@Dependent
public class GenerationPartitions implements PartitionMapper {

    @EJB
    private GenerationRuns runs;

    @Inject
    private JobContext job;

    @Override
    public PartitionPlan mapPartitions() {
        int partitions = Math.max(1, runs.partitions(RunParameter.of(job)));
        Properties[] buckets = new Properties[partitions];
        for (int bucket = 0; bucket < partitions; bucket++) {
            buckets[bucket] = new Properties();
            buckets[bucket].setProperty("bucket", Integer.toString(bucket));
        }
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(partitions);
        plan.setThreads(Math.min(partitions, GenerationSettings.current().threads()));
        plan.setPartitionProperties(buckets);
        return plan;
    }
}
