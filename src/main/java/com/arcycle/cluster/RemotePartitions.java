package com.arcycle.cluster;

import java.util.concurrent.ScheduledExecutorService;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilderFactory;
import org.springframework.batch.integration.partition.RemotePartitioningWorkerStepBuilderFactory;
import org.springframework.messaging.MessageChannel;

import com.arcycle.batch.PartitionHandling;

/**
 * The account steps' partitions on worker processes: the manager step sends one request per
 * partition to the database's queue and polls the job repository until every partition has ended
 * ({@link PartitionWatch} fails those whose worker is gone). Every process builds the same steps
 * (batch.AccountSteps); a worker runs the partition's step as the one-process run would.
 *
 * <p>Polling the job repository rather than aggregating replies: the workers' results are already
 * in the shared database, so there is no reply queue to lose, to mix up between two runs (Spring
 * Batch issue 4945) or to miss while the manager's broker connection is down; a restarted manager
 * reads the same state. The cost is up to one poll interval (2 s) per step.
 */
final class RemotePartitions implements PartitionHandling {

    private final RemotePartitioningManagerStepBuilderFactory managers;
    private final RemotePartitioningWorkerStepBuilderFactory workers;
    private final MessageChannel requests;
    private final MessageChannel workerRequests;
    private final WorkerSteps workerSteps;
    private final JobRepository jobRepository;
    private final ClusterProperties settings;
    private final ClusterQueue queue;
    private final ScheduledExecutorService watchClock;

    RemotePartitions(RemotePartitioningManagerStepBuilderFactory managers,
            RemotePartitioningWorkerStepBuilderFactory workers, MessageChannel requests,
            MessageChannel workerRequests, WorkerSteps workerSteps, JobRepository jobRepository,
            ClusterProperties settings, ClusterQueue queue, ScheduledExecutorService watchClock) {
        this.managers = managers;
        this.workers = workers;
        this.requests = requests;
        this.workerRequests = workerRequests;
        this.workerSteps = workerSteps;
        this.jobRepository = jobRepository;
        this.settings = settings;
        this.queue = queue;
        this.watchClock = watchClock;
    }

    /** A worker's partition step, served from the worker's request channel (started by the worker command only). */
    @Override
    public StepBuilder partitionStep(String name) {
        return workers.get(name).inputChannel(workerRequests).stepLocator(workerSteps);
    }

    @Override
    public Step manager(String name, Step partitionStep, Partitioner partitioner) {
        workerSteps.add(partitionStep);
        return managers.get(name)
                .partitioner(partitionStep.getName(), partitioner)
                .gridSize(settings.partitions())
                .outputChannel(requests)
                .pollInterval(settings.pollInterval().toMillis())
                .listener(new PartitionWatch(jobRepository, partitionStep.getName(), settings, queue, watchClock))
                .build();
    }
}
