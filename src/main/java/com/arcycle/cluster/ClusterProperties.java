package com.arcycle.cluster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The arcycle.cluster.* settings (docs/scale-out.md).
 *
 * @param enabled run the account steps' partitions on worker processes ({@code --cluster} or
 *     {@code scripts/arcycle worker} turns it on)
 * @param partitions partitions of each account step: more than workers, so that a slow worker does
 *     not hold the step
 * @param workerTimeout how long a partition may go without a committed chunk before the manager
 *     takes its worker for dead, and how long partitions may wait with no worker taking any
 * @param pollInterval how often the manager reads the job repository for its partitions
 * @param queuePrefix the start of the queue's name; empty: from the database (its name, host and
 *     port as the server knows them), so cycles of two databases never share a queue
 * @param workerThreads partitions a worker runs at once; 0: one per core
 */
@ConfigurationProperties("arcycle.cluster")
public record ClusterProperties(boolean enabled, @DefaultValue("16") int partitions,
        @DefaultValue("120s") Duration workerTimeout, @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("") String queuePrefix, @DefaultValue("0") int workerThreads) {

    public ClusterProperties {
        if (partitions < 1) {
            throw new IllegalArgumentException("setting arcycle.cluster.partitions = " + partitions
                    + ": give at least 1 (more than the number of workers)");
        }
        if (workerTimeout.isNegative() || workerTimeout.isZero() || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("setting arcycle.cluster.worker-timeout / poll-interval:"
                    + " give a positive duration such as 120s");
        }
    }

    /** Partitions a worker process runs at the same time. */
    int threads() {
        return workerThreads > 0 ? workerThreads : Runtime.getRuntime().availableProcessors();
    }
}
