package com.arcycle.batch;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.skip.SkipLimitExceededException;
import org.springframework.batch.core.step.skip.SkipPolicy;
import org.springframework.jdbc.core.JdbcTemplate;
import com.arcycle.domain.BadLedgerData;

/**
 * Records accounts a cycle step skipped for {@link BadLedgerData}, in the chunk's transaction
 * (so a restart neither loses nor repeats a record), and makes chunked steps skip them.
 */
public final class CycleRejects implements SkipListener<Object, Object> {

    private final JdbcTemplate jdbc;

    public CycleRejects(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Skips accounts with bad data, recording each, until the step's skip limit is passed; with a
     * limit of 0 the first account with bad data fails the run.
     */
    public <I, O> ChunkOrientedStepBuilder<I, O> skipBadData(ChunkOrientedStepBuilder<I, O> step, int skipLimit) {
        if (skipLimit <= 0) {
            return step;
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        SkipListener<? super I, ? super O> listener = (SkipListener) this;
        return step.faultTolerant().skipPolicy(new StepSkipLimit(skipLimit)).skipListener(listener);
    }

    /**
     * The skip limit of a whole step in one run, however many partitions share it: Spring Batch
     * counts skips per step execution, that is per partition.
     */
    static final class StepSkipLimit implements SkipPolicy {

        private final long limit;
        private final Map<Long, AtomicLong> skipsPerJobExecution = new ConcurrentHashMap<>();

        StepSkipLimit(long limit) {
            this.limit = limit;
        }

        @Override
        public boolean shouldSkip(Throwable t, long skipCount) throws SkipLimitExceededException {
            if (!(t instanceof BadLedgerData)) {
                return false;
            }
            StepContext context = StepSynchronizationManager.getContext();
            long run = context == null ? 0 : context.getStepExecution().getJobExecutionId();
            if (skipsPerJobExecution.computeIfAbsent(run, k -> new AtomicLong()).incrementAndGet() > limit) {
                throw new SkipLimitExceededException(limit, t);
            }
            return true;
        }
    }

    @Override
    public void onSkipInRead(Throwable t) {
        record(t);
    }

    @Override
    public void onSkipInProcess(Object item, Throwable t) {
        record(t);
    }

    @Override
    public void onSkipInWrite(Object item, Throwable t) {
        record(t);
    }

    private void record(Throwable t) {
        if (!(t instanceof BadLedgerData bad)) {
            return;
        }
        StepContext context = StepSynchronizationManager.getContext();
        StepExecution step = context.getStepExecution();
        jdbc.update("""
                INSERT INTO cycle_reject (cycle_date, step_name, account_number, item_id, column_name, field_value,
                    reason)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, step.getJobParameters().getLocalDate(CycleDates.CYCLE_DATE_PARAMETER), stepOf(step.getStepName()),
                bad.accountNumber(), bad.itemId(), bad.column(), truncate(bad.value()), truncate(bad.getMessage()));
    }

    /** The cycle's step a partition belongs to: "lateFeesPartition:accounts0" is "lateFees". */
    static String stepOf(String stepName) {
        return stepName.replaceFirst("Partition:.*$", "");
    }

    private static String truncate(String value) {
        return value == null || value.length() <= 500 ? value : value.substring(0, 497) + "...";
    }
}
