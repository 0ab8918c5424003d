package com.arcycle.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;

/** A step's output file is written under a temporary name, private from its creation. */
class PublishFileListenerTests {

    @TempDir
    Path folder;

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aStepsTemporaryFileIsCreated0640BeforeTheStepWritesAndAStaleOneIsEmptied() throws IOException {
        Path published = folder.resolve("2026-01-31/aged-receivables.csv");
        Path partial = PublishFileListener.partialOf(published);
        Files.createDirectories(partial.getParent());
        Files.writeString(partial, "left by a run that crashed before its first commit");
        Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-r--r--"));

        PublishFileListener listener = new PublishFileListener(parameters -> published);
        var parameters = new JobParametersBuilder().addLocalDate(CycleDates.CYCLE_DATE_PARAMETER, LocalDate.parse("2026-01-31"))
                .toJobParameters();
        StepExecution step = new StepExecution("agedReceivablesFile",
                new JobExecution(1L, new JobInstance(1L, "statement-cycle"), parameters));
        listener.beforeStep(step);

        assertThat(permissions(partial)).isEqualTo("rw-r-----");
        assertThat(Files.size(partial)).as("a step that never committed starts its file anew").isZero();
    }
}
