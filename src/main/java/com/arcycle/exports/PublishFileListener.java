package com.arcycle.exports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Publishes a cycle file once its step has completed: it is written under a temporary name and
 * renamed in one move, so the AR firm never picks up a half-written file. Export files carry
 * personal data, so they are made readable by owner and group only.
 */
final class PublishFileListener implements StepExecutionListener {

    private final String fileName;

    PublishFileListener(String fileName) {
        this.fileName = fileName;
    }

    /** OUT/&lt;cycle-date&gt;/ of the running cycle. */
    static Path cycleFolder(JobParameters parameters) {
        LocalDate cycleDate = parameters.getLocalDate("cycle.date");
        return Path.of(parameters.getString("out.dir")).resolve(cycleDate.toString());
    }

    /** Where a file is written until it is complete. */
    static Path partialOf(Path published) {
        return published.resolveSibling("." + published.getFileName() + ".part");
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        Path folder = cycleFolder(stepExecution.getJobParameters());
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output folder " + folder, e);
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (stepExecution.getStatus() != BatchStatus.COMPLETED) {
            return stepExecution.getExitStatus();
        }
        Path published = cycleFolder(stepExecution.getJobParameters()).resolve(fileName);
        Path partial = partialOf(published);
        try {
            if (Files.getFileStore(partial).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-r-----"));
            }
            Files.move(partial, published, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return stepExecution.getExitStatus();
        } catch (IOException e) {
            stepExecution.addFailureException(e);
            stepExecution.setStatus(BatchStatus.FAILED);
            return ExitStatus.FAILED.addExitDescription("cannot publish " + published + ": " + e);
        }
    }
}
