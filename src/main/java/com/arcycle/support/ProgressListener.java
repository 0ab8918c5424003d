package com.arcycle.support;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    /** Step execution context key of a failed step's reason, for the status command. */
    public static final String FAILURE_REASON = "failure.reason";

    private final String what;
    private final String unit;
    /** Per step execution: partitions of one step run at the same time through one listener. */
    private final Map<Long, long[]> clocks = new ConcurrentHashMap<>();

    /**
     * @param what the step in plain words ("applying payments")
     * @param unit what it counts ("accounts")
     */
    public ProgressListener(String what, String unit) {
        this.what = what;
        this.unit = unit;
    }

    private String label(StepExecution execution) {
        String name = execution.getStepName();
        int partition = name.indexOf(':');
        return partition < 0 ? what : what + " (" + name.substring(partition + 1) + ")";
    }

    @Override
    public void beforeStep(StepExecution execution) {
        long now = System.nanoTime();
        clocks.put(execution.getId(), new long[] {now, now});
    }

    @Override
    public void afterChunk(ChunkContext context) {
        StepExecution execution = context.getStepContext().getStepExecution();
        long[] clock = clocks.get(execution.getId());
        long now = System.nanoTime();
        if (clock != null && now - clock[1] >= REPORT_EVERY_NANOS) {
            clock[1] = now;
            long done = execution.getReadCount();
            log.info("{}: {} {} done ({} a second)", label(execution), format(done), unit, rate(done, clock[0], now));
        }
    }

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
        long[] clock = clocks.remove(execution.getId());
        long started = clock == null ? now : clock[0];
        long done = execution.getReadCount();
        log.info("{}: {} {} read, {} written in {} s ({} a second)", label(execution), format(done), unit,
                format(execution.getWriteCount()), String.format(Locale.ROOT, "%.1f", (now - started) / 1e9),
                rate(done, started, now));
        return execution.getExitStatus();
    }

    private static String rate(long done, long started, long now) {
        double seconds = Math.max((now - started) / 1e9, 0.001);
        return format(Math.round(done / seconds));
    }

    private static String format(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
