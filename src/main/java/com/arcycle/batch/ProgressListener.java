package com.arcycle.batch;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import com.arcycle.platform.ConsoleLogFilter;

/**
 * Plain-language progress for long steps: every few seconds how many items are done and the rate,
 * and one line when a step of more than a second ends. Timing here is for people, never for the
 * rules.
 */
public final class ProgressListener implements StepExecutionListener, ChunkListener<Object, Object> {

    private static final Logger log = LoggerFactory.getLogger(ConsoleLogFilter.PROGRESS);
    /** A line at least every 5 seconds of a long step (docs/operations.md promises one every 10 at most). */
    private static final Duration REPORT_EVERY = Duration.ofSeconds(5);
    /** A step shorter than this gets no closing line. */
    private static final long SHORT_STEP_NANOS = 1_000_000_000L;

    /** Step execution context key of a failed step's reason, for the status command. */
    public static final String FAILURE_REASON = "failure.reason";

    private final String what;
    private final String unit;
    private final long interval;
    /** Per step execution: partitions of one step run at the same time through one listener. */
    private final Map<Long, long[]> clocks = new ConcurrentHashMap<>();

    /**
     * @param what the step in plain words ("applying payments")
     * @param unit what it counts ("accounts")
     */
    public ProgressListener(String what, String unit) {
        this(what, unit, REPORT_EVERY);
    }

    ProgressListener(String what, String unit, Duration interval) {
        this.what = what;
        this.unit = unit;
        this.interval = interval.toNanos();
    }

    private String label(StepExecution execution) {
        String name = execution.getStepName();
        int partition = name.indexOf(':');
        return partition < 0 ? what : what + " (" + name.substring(partition + 1) + ")";
    }

    @Override
    public void beforeStep(StepExecution execution) {
        long now = System.nanoTime();
        clocks.put(execution.getId(), new long[] {now, now, 0});
    }

    /**
     * Batch 6's chunk-oriented step calls only the {@code Chunk} variants of the chunk callbacks
     * (the {@code ChunkContext} ones are never called there); the step comes from the thread's
     * step context.
     */
    @Override
    public void afterChunk(Chunk<Object> chunk) {
        StepContext context = StepSynchronizationManager.getContext();
        if (context != null) {
            progress(context.getStepExecution(), context.getStepExecution().getReadCount());
        }
    }

    /**
     * Logs that {@code done} items of the step are done, when the last line is older than the
     * reporting interval. Chunked steps report after each chunk; a tasklet that loops over items
     * (the print file) calls this itself, from any thread.
     */
    public void progress(StepExecution execution, long done) {
        long[] clock = clocks.get(execution.getId());
        long now = System.nanoTime();
        if (clock == null) {
            return;
        }
        clock[2] = done;
        if (now - clock[1] >= interval) {
            clock[1] = now;
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
        if (now - started < SHORT_STEP_NANOS && execution.getFailureExceptions().isEmpty()) {
            return execution.getExitStatus(); // a step of a moment: its line would only be noise
        }
        String seconds = String.format(Locale.ROOT, "%.1f", (now - started) / 1e9);
        long done = execution.getReadCount();
        if (done == 0 && clock != null && clock[2] > 0) {
            // A tasklet that reported its own items.
            log.info("{}: {} {} done in {} s ({} a second)", label(execution), format(clock[2]), unit, seconds,
                    rate(clock[2], started, now));
        } else {
            log.info("{}: {} {} read, {} written in {} s ({} a second)", label(execution), format(done), unit,
                    format(execution.getWriteCount()), seconds, rate(done, started, now));
        }
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
