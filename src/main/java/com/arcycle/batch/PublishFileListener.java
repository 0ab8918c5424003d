package com.arcycle.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Function;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import com.arcycle.platform.PrivateFiles;

/**
 * Publishes an output file once its step has completed: it is written under a temporary name
 * ({@link #partialOf}) and renamed in one move, so whoever loads it never sees a half-written
 * file. Output files carry personal data, so the temporary file is created readable by owner and
 * group only (0640) before the step writes a byte, in a folder closed to others (0750).
 */
public final class PublishFileListener implements StepExecutionListener {

    private final Function<JobParameters, Path> published;

    /** @param published where the finished file goes, from the job's parameters */
    public PublishFileListener(Function<JobParameters, Path> published) {
        this.published = published;
    }

    /** Publishes {@code fileName} in the running cycle's folder ({@link #cycleFolder}). */
    public static PublishFileListener inCycleFolder(String fileName) {
        return new PublishFileListener(parameters -> cycleFolder(parameters).resolve(fileName));
    }

    /** OUT/&lt;cycle-date&gt;/: where the running cycle's files are published. */
    public static Path cycleFolder(JobParameters parameters) {
        return Path.of(parameters.getString(CycleDates.OUT_DIR_PARAMETER))
                .resolve(parameters.getLocalDate(CycleDates.CYCLE_DATE_PARAMETER).toString());
    }

    /** Where a file is written until it is complete. */
    public static Path partialOf(Path published) {
        return published.resolveSibling("." + published.getFileName() + ".part");
    }

    /**
     * Prepares the temporary file. A step that has committed before (its context holds the writer's
     * position) resumes its file; any other start begins with a new empty one, created 0640, which
     * the writer appends to (a {@code FlatFileItemWriter} in append mode writes the header into an
     * empty file and truncates to its saved position on a restart).
     */
    @Override
    public void beforeStep(StepExecution stepExecution) {
        Path file = published.apply(stepExecution.getJobParameters());
        Path folder = file.toAbsolutePath().getParent();
        try {
            PrivateFiles.createDirectories(folder);
            Path partial = partialOf(file);
            boolean resumes = stepExecution.getExecutionContext().size() > 0;
            if (resumes && Files.exists(file) && !Files.exists(partial)) {
                // A restart after a crash between the rename and the step's commit: take the file
                // back, so the writer resumes at its last committed position and publishes it again.
                Files.move(file, partial, StandardCopyOption.ATOMIC_MOVE);
            }
            if (!resumes) {
                Files.deleteIfExists(partial);
            }
            PrivateFiles.create(partial);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output folder " + folder, e);
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (stepExecution.getStatus() != BatchStatus.COMPLETED) {
            return stepExecution.getExitStatus();
        }
        Path file = published.apply(stepExecution.getJobParameters());
        Path partial = partialOf(file);
        if (!Files.exists(partial)) {
            return stepExecution.getExitStatus(); // the step had nothing to write (no statements this cycle)
        }
        try {
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return stepExecution.getExitStatus();
        } catch (IOException e) {
            stepExecution.addFailureException(e);
            stepExecution.setStatus(BatchStatus.FAILED);
            return ExitStatus.FAILED.addExitDescription("cannot publish " + file + ": " + e);
        }
    }
}
