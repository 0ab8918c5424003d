package com.arcycle.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Function;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Publishes an output file once its step has completed: it is written under a temporary name
 * ({@link #partialOf}) and renamed in one move, so whoever loads it never sees a half-written
 * file. Output files carry personal data, so they are made readable by owner and group only.
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
        return Path.of(parameters.getString("out.dir"))
                .resolve(parameters.getLocalDate(CycleDates.CYCLE_DATE_PARAMETER).toString());
    }

    /** Where a file is written until it is complete. */
    public static Path partialOf(Path published) {
        return published.resolveSibling("." + published.getFileName() + ".part");
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        Path file = published.apply(stepExecution.getJobParameters());
        Path folder = file.toAbsolutePath().getParent();
        try {
            Path partial = partialOf(file);
            if (Files.exists(file) && !Files.exists(partial)
                    && stepExecution.getExecutionContext().size() > 0) {
                // A restart after a crash between the rename and the step's commit: take the file
                // back, so the writer resumes at its last committed position and publishes it again.
                Files.move(file, partial, StandardCopyOption.ATOMIC_MOVE);
            }
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder);
                if (Files.getFileStore(folder).supportsFileAttributeView("posix")) {
                    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-x---"));
                }
            }
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
            if (Files.getFileStore(partial).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-r-----"));
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return stepExecution.getExitStatus();
        } catch (IOException e) {
            stepExecution.addFailureException(e);
            stepExecution.setStatus(BatchStatus.FAILED);
            return ExitStatus.FAILED.addExitDescription("cannot publish " + file + ": " + e);
        }
    }
}
