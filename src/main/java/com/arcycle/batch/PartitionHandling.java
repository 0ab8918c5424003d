package com.arcycle.batch;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;

/**
 * Where the partitions of an account step run. {@link AccountPartitions} runs them on this
 * process's threads (the default); the cluster package sends them to worker processes. Either way
 * {@link AccountSteps} builds the partition's step the same way, so a worker runs exactly what a
 * local partition would.
 */
public interface PartitionHandling {

    /** The builder of the step that runs one partition. */
    StepBuilder partitionStep(String name);

    /** The step {@code name} that runs {@code partitionStep} once for each partition {@code partitioner} makes. */
    Step manager(String name, Step partitionStep, Partitioner partitioner);
}
