package com.arcycle.cluster;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.ImmediateRequeueAmqpException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepLocator;

import com.arcycle.batch.AccountPartitions;
import com.arcycle.batch.CycleDates;
import com.arcycle.platform.ConsoleLogFilter;

/**
 * The partition steps a worker runs, by name. A partition runs once: only while it is STARTING
 * (sent and not yet taken). A request the broker delivers again (its first worker died, or lost
 * the broker while running it) finds it STARTED, FAILED or done and is dropped; the manager fails
 * a partition whose worker died, and restart runs it again from its last committed chunk. The job
 * repository's optimistic locking decides between two processes that update one partition at once.
 */
final class WorkerSteps implements StepLocator {

    private static final Logger log = LoggerFactory.getLogger(ConsoleLogFilter.PROGRESS);

    private final Map<String, Step> steps = new ConcurrentHashMap<>();
    private final Set<StepExecution> running = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    void add(Step step) {
        steps.put(step.getName(), step);
    }

    @Override
    public Step getStep(String stepName) {
        Step step = steps.get(stepName);
        return step == null ? null : new OnlyOnce(step);
    }

    /** No new partition from now on; the running ones stop after their current chunk. */
    void stopAll() {
        stopping = true;
        running.forEach(StepExecution::setTerminateOnly);
    }

    /** Refuses a request while the worker stops: the broker gives it to another worker. */
    void refuseWhenStopping() {
        if (stopping) {
            throw new ImmediateRequeueAmqpException("this worker is stopping; the partition goes back to the queue");
        }
    }

    boolean idle() {
        return running.isEmpty();
    }

    static String describe(StepExecution execution) {
        String name = execution.getStepName();
        int colon = name.indexOf(':');
        String step = colon < 0 ? name : name.substring(0, colon).replaceFirst("Partition$", "");
        String partition = colon < 0 ? "" : name.substring(colon + 1);
        String after = execution.getExecutionContext().getString(AccountPartitions.AFTER, "");
        String last = execution.getExecutionContext().getString(AccountPartitions.LAST, "");
        String range = after.isEmpty() ? "from the first account" : "after account " + after;
        range += last.equals(AccountPartitions.AFTER_EVERY_ACCOUNT) ? " to the last" : " to " + last;
        String cycle = execution.getJobParameters().getLocalDate(CycleDates.CYCLE_DATE_PARAMETER) == null ? ""
                : " of the cycle of " + execution.getJobParameters().getLocalDate(CycleDates.CYCLE_DATE_PARAMETER);
        return "step " + step + cycle + ", partition " + partition + " (accounts " + range + ")";
    }

    private final class OnlyOnce implements Step {

        private final Step step;

        OnlyOnce(Step step) {
            this.step = step;
        }

        @Override
        public String getName() {
            return step.getName();
        }

        @Override
        public boolean isAllowStartIfComplete() {
            return step.isAllowStartIfComplete();
        }

        @Override
        public int getStartLimit() {
            return step.getStartLimit();
        }

        @Override
        public void execute(StepExecution execution) throws JobInterruptedException {
            if (execution.getStatus() != BatchStatus.STARTING) {
                log.warn("Not running {}: it is {} already (a worker that stopped had taken it; the manager fails it"
                        + " and restart runs it again)", describe(execution), execution.getStatus());
                return;
            }
            log.info("Running {}", describe(execution));
            running.add(execution);
            try {
                if (stopping) {
                    execution.setTerminateOnly();
                }
                step.execute(execution);
            } finally {
                running.remove(execution);
            }
            log.info("Finished {}: {}, {} read, {} written, {} skipped", describe(execution),
                    execution.getStatus().toString().toLowerCase(java.util.Locale.ROOT), execution.getReadCount(),
                    execution.getWriteCount(), execution.getSkipCount());
        }
    }
}
