package com.arcycle.cycle;

import java.time.LocalDate;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.arcycle.batch.CycleDates;
import com.arcycle.batch.CycleFolder;
import com.arcycle.batch.PublishFileListener;
import com.arcycle.platform.DatabaseIdentity;

/**
 * The cycle's first step: records the cycle as started with its folder, claims the folder
 * ({@link CycleFolder}), and keeps the previous completed cycle date in the job's context for the
 * steps. It runs again on a restart and changes nothing the second time.
 */
final class OpenCycle implements Tasklet {

    private final CycleRepository cycles;
    private final DatabaseIdentity database;

    OpenCycle(CycleRepository cycles, DatabaseIdentity database) {
        this.cycles = cycles;
        this.database = database;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var stepExecution = contribution.getStepExecution();
        LocalDate cycleDate = CycleDates.of(stepExecution).cycleDate();
        CycleFolder folder = new CycleFolder(PublishFileListener.cycleFolder(stepExecution.getJobParameters()));
        var started = cycles.started(cycleDate, folder.path().toString());
        if (!folder.path().toString().equals(started.outputFolder())) {
            // The commands refuse this before the job starts; a job started otherwise must not split a cycle.
            throw new IllegalStateException("the cycle of " + cycleDate + " writes its files into "
                    + started.outputFolder() + ", not " + folder.path());
        }
        folder.claimFor(cycleDate, started.runId(), database.url());
        LocalDate previous = cycles.previousCompleted(cycleDate);
        stepExecution.getJobExecution().getExecutionContext()
                .putString(CycleDates.PREVIOUS_CYCLE_KEY, previous == null ? "" : previous.toString());
        return RepeatStatus.FINISHED;
    }
}
