package com.arcycle.support;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;

/**
 * Plain-language progress for long steps: every few seconds how many items are done and the rate,
 * and one line when the step ends. Timing here is for people, never for the rules.
 */
public final class ProgressListener implements StepExecutionListener, ChunkListener<Object, Object> {

    private static final Logger log = LoggerFactory.getLogger("com.arcycle.progress");
    private static final long REPORT_EVERY_NANOS = 5_000_000_000L;

    private final String what;
    private final String unit;
    private long startedNanos;
    private long lastReportNanos;
    private StepExecution stepExecution;

    /**
     * @param what the step in plain words ("applying payments")
     * @param unit what it counts ("accounts")
     */
    public ProgressListener(String what, String unit) {
        this.what = what;
        this.unit = unit;
    }

    @Override
    public void beforeStep(StepExecution execution) {
        this.stepExecution = execution;
        startedNanos = System.nanoTime();
        lastReportNanos = startedNanos;
    }

    @Override
    public void afterChunk(ChunkContext context) {
        long now = System.nanoTime();
        if (stepExecution != null && now - lastReportNanos >= REPORT_EVERY_NANOS) {
            lastReportNanos = now;
            long done = stepExecution.getReadCount();
            log.info("{}: {} {} done ({} a second)", what, format(done), unit, rate(done, now));
        }
    }

    /** Step execution context key of a failed step's reason, for the status command. */
    public static final String FAILURE_REASON = "failure.reason";

    @Override
    public ExitStatus afterStep(StepExecution execution) {
        if (!execution.getFailureExceptions().isEmpty()) {
            // The stored exit description is a stack trace cut at 2,500 characters; keep the cause.
            Throwable root = execution.getFailureExceptions().get(0);
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            execution.getExecutionContext().putString(FAILURE_REASON, String.valueOf(root.getMessage()));
        }
        long now = System.nanoTime();
        long done = execution.getReadCount();
        log.info("{}: {} {} read, {} written in {} s ({} a second)", what, format(done), unit,
                format(execution.getWriteCount()), String.format(Locale.ROOT, "%.1f", (now - startedNanos) / 1e9),
                rate(done, now));
        return execution.getExitStatus();
    }

    private String rate(long done, long now) {
        double seconds = Math.max((now - startedNanos) / 1e9, 0.001);
        return format(Math.round(done / seconds));
    }

    private static String format(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
