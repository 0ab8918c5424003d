package com.arcycle.operations;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** {@code import-ledger --dir DIR [--out OUT]}. */
@Component
class ImportCommand {

    private final JobOperator jobOperator;
    private final Job importLedgerJob;
    private final Clock clock;

    ImportCommand(JobOperator jobOperator, @Qualifier("importLedgerJob") Job importLedgerJob, Clock clock) {
        this.jobOperator = jobOperator;
        this.importLedgerJob = importLedgerJob;
        this.clock = clock;
    }

    int run(Path dir, Path out, PrintStream console) throws Exception {
        if (!Files.isDirectory(dir)) {
            console.println("import-ledger: " + dir + " is not a folder");
            return ExitCode.REFUSED;
        }
        // Every import is a new job instance: loading the same files again is allowed and changes nothing.
        JobParameters parameters = new JobParametersBuilder()
                .addString("ledger.dir", dir.toAbsolutePath().normalize().toString())
                .addString("out.dir", out.toString(), false)
                .addLong("run.id", clock.millis())
                .toJobParameters();
        console.println("Importing the ledger files of " + dir);
        JobExecution execution = jobOperator.start(importLedgerJob, parameters);
        long rejected = 0;
        for (StepExecution step : execution.getStepExecutions()) {
            if (!step.getStepName().startsWith("import") || step.getStepName().equals("importRejectsFile")) {
                continue;
            }
            var context = step.getExecutionContext();
            long stepRejects = context.getLong("rejected", 0);
            rejected += stepRejects;
            console.printf("  %-14s %,9d rows read, %,9d loaded, %,7d updated, %,9d already loaded, %,6d rejected%n",
                    fileOf(step.getStepName()), step.getReadCount(), context.getLong("loaded", 0),
                    context.getLong("updated", 0), context.getLong("unchanged", 0), stepRejects);
            String notes = context.getString("notes", "");
            notes.lines().forEach(note -> console.println("  Note: " + note));
            long more = context.getLong("notes.count", 0) - notes.lines().count();
            if (more > 0) {
                console.printf("  ... and %,d more such notes on %s (all are in the log)%n", more,
                        fileOf(step.getStepName()));
            }
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            console.println("The import failed: " + CycleCommand.failure(execution));
            console.println("Rows loaded before the failure stay loaded; run the same import again to finish it.");
            return ExitCode.FAILED;
        }
        Path rejects = out.resolve("import-rejects.csv");
        if (rejected > 0) {
            console.printf("%,d rows were rejected; each is listed with its file, line, value and reason in %s%n",
                    rejected, rejects);
            return ExitCode.REJECTS;
        }
        console.println("All rows were accepted (" + rejects + " is empty).");
        return ExitCode.OK;
    }

    private static String fileOf(String stepName) {
        return stepName.substring("import".length()).toLowerCase() + ".csv";
    }
}
