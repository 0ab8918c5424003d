package com.arcycle.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Long steps say how far they are: Spring Batch 6 calls the chunk callbacks that take the chunk,
 * and a tasklet that loops over statements reports its own count.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProgressListenerTests {

    private final StepExecution step = new StepExecution(7L, "statementsPartition:accounts1",
            new JobExecution(3L, new JobInstance(2L, "statement-cycle"), new JobParameters()));

    @AfterEach
    void release() {
        StepSynchronizationManager.close();
    }

    @Test
    void aChunkedStepReportsAfterItsChunksOnceTheIntervalHasPassed(CapturedOutput output) {
        ProgressListener listener = new ProgressListener("rendering statements", "statements", Duration.ZERO);
        StepSynchronizationManager.register(step);
        listener.beforeStep(step);
        step.setReadCount(1250);
        listener.afterChunk(new Chunk<>());
        assertThat(output.getAll()).contains("rendering statements (accounts1): 1,250 statements done");
    }

    @Test
    void noLineBeforeTheIntervalHasPassed(CapturedOutput output) {
        ProgressListener listener = new ProgressListener("rendering statements", "statements", Duration.ofHours(1));
        StepSynchronizationManager.register(step);
        listener.beforeStep(step);
        step.setReadCount(50);
        listener.afterChunk(new Chunk<>());
        assertThat(output.getAll()).doesNotContain("statements done");
    }

    @Test
    void aTaskletReportsItsOwnCount(CapturedOutput output) {
        ProgressListener listener = new ProgressListener("writing the print file", "statements", Duration.ZERO);
        listener.beforeStep(step);
        listener.progress(step, 4000);
        listener.progress(step, 8000);
        assertThat(output.getAll()).contains("writing the print file (accounts1): 4,000 statements done")
                .contains("writing the print file (accounts1): 8,000 statements done");
    }
}
