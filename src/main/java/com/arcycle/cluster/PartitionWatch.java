package com.arcycle.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.OptimisticLockingFailureException;

import com.arcycle.batch.ProgressListener;
import com.arcycle.platform.ConsoleLogFilter;

/**
 * The manager's watch over one step's partitions while the workers run them. A partition whose
 * worker has committed nothing for the worker time-out is failed (its worker was killed, or lost
 * the database); partitions that no worker takes within the time-out, while none is running, are
 * failed too. The step then fails once the others have ended, and restart runs the failed
 * partitions again from their last committed chunk. Progress is judged by the partition's version
 * in the job repository (every chunk commit raises it), measured on the manager's own clock, so the
 * workers' clocks do not matter.
 */
final class PartitionWatch implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(PartitionWatch.class);
    private static final Logger progress = LoggerFactory.getLogger(ConsoleLogFilter.PROGRESS);

    private final JobRepository jobRepository;
    private final String partitionStep;
    private final ClusterProperties settings;
    private final ClusterQueue queue;
    private final ScheduledExecutorService clock;
    private final Map<Long, Watched> watched = new ConcurrentHashMap<>();
    private volatile ScheduledFuture<?> task;
    private volatile long started;
    private volatile long lastProgress;

    /** A partition as last seen: its status and version, and since when (System.nanoTime()). */
    private record Watched(BatchStatus status, Integer version, long since) {
    }

    PartitionWatch(JobRepository jobRepository, String partitionStep, ClusterProperties settings, ClusterQueue queue,
            ScheduledExecutorService clock) {
        this.jobRepository = jobRepository;
        this.partitionStep = partitionStep;
        this.settings = settings;
        this.queue = queue;
        this.clock = clock;
    }

    @Override
    public void beforeStep(StepExecution manager) {
        watched.clear();
        started = System.nanoTime();
        lastProgress = started;
        long every = settings.pollInterval().toMillis();
        long jobExecutionId = manager.getJobExecutionId();
        progress.info("{}: partitions sent to the workers on queue {}", manager.getStepName(), queue.name());
        task = clock.scheduleWithFixedDelay(() -> {
            try {
                check(jobExecutionId, manager.getStepName());
            } catch (RuntimeException e) {
                log.warn("could not check the partitions of {} (checking again in {} ms)", manager.getStepName(), every, e);
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    void check(long jobExecutionId, String step) {
        JobExecution job = jobRepository.getJobExecution(jobExecutionId);
        if (job == null) {
            return;
        }
        long now = System.nanoTime();
        long timeout = settings.workerTimeout().toNanos();
        List<StepExecution> partitions = new ArrayList<>();
        for (StepExecution execution : job.getStepExecutions()) {
            if (execution.getStepName().startsWith(partitionStep + ":")) {
                partitions.add(execution);
                Watched seen = watched.get(execution.getId());
                if (seen == null || seen.status() != execution.getStatus()
                        || !java.util.Objects.equals(seen.version(), execution.getVersion())) {
                    watched.put(execution.getId(), new Watched(execution.getStatus(), execution.getVersion(), now));
                    if (seen != null) {
                        lastProgress = now;
                    }
                }
            }
        }
        boolean anyRunning = false;
        for (StepExecution execution : partitions) {
            Watched seen = watched.get(execution.getId());
            if (execution.getStatus() == BatchStatus.STARTED) {
                if (now - seen.since() > timeout) {
                    fail(execution, "its worker stopped: no chunk committed for " + seconds(settings.workerTimeout())
                            + " (the worker was killed, or lost the database)");
                } else {
                    anyRunning = true;
                }
            }
        }
        if (!anyRunning && now - Math.max(lastProgress, started) > timeout) {
            for (StepExecution execution : partitions) {
                if (execution.getStatus() == BatchStatus.STARTING) {
                    fail(execution, "no worker took the partitions of step " + step + " within "
                            + seconds(settings.workerTimeout()) + " (start workers with scripts/arcycle worker;"
                            + " they take partitions from the queue " + queue.name() + ")");
                }
            }
        }
    }

    private void fail(StepExecution execution, String reason) {
        execution.setStatus(BatchStatus.FAILED);
        execution.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
        execution.setEndTime(java.time.LocalDateTime.now());
        execution.getExecutionContext().putString(ProgressListener.FAILURE_REASON, reason);
        try {
            jobRepository.update(execution);
        } catch (OptimisticLockingFailureException e) {
            return; // its worker has just committed a chunk: it is alive after all
        }
        jobRepository.updateExecutionContext(execution);
        log.warn("{} failed: {}", execution.getStepName(), reason);
    }

    /**
     * Ends the watch; when the step failed, puts each failed partition's reason on the partition
     * the job holds, so the command says why in plain words rather than "Partition handler returned
     * an unsuccessful step".
     */
    @Override
    public ExitStatus afterStep(StepExecution manager) {
        ScheduledFuture<?> running = task;
        if (running != null) {
            running.cancel(false);
        }
        if (manager.getStatus() != BatchStatus.COMPLETED) {
            JobExecution stored = jobRepository.getJobExecution(manager.getJobExecutionId());
            for (StepExecution partition : stored.getStepExecutions()) {
                if (partition.getStepName().startsWith(partitionStep + ":")
                        && (partition.getStatus() == BatchStatus.STOPPED || partition.getStatus().isUnsuccessful())) {
                    String reason = partition.getStatus() == BatchStatus.STOPPED
                            ? "its worker was stopped after a committed chunk"
                            : partition.getExecutionContext().getString(ProgressListener.FAILURE_REASON,
                                    firstLine(partition.getExitStatus().getExitDescription()));
                    for (StepExecution held : manager.getJobExecution().getStepExecutions()) {
                        if (held.getId() == partition.getId() && held.getFailureExceptions().isEmpty()) {
                            held.addFailureException(new IllegalStateException("partition "
                                    + partition.getStepName().substring(partitionStep.length() + 1) + ": " + reason));
                        }
                    }
                }
            }
        }
        return manager.getExitStatus();
    }

    private static String firstLine(String description) {
        if (description == null || description.isBlank()) {
            return "no reason recorded";
        }
        String reason = description.lines().findFirst().orElse("");
        for (String line : description.lines().toList()) {
            if (line.startsWith("Caused by: ")) {
                reason = line.substring("Caused by: ".length());
            }
        }
        return reason;
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }
}
