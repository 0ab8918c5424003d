package com.arcycle.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
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
import com.arcycle.batch.PublishFileListener;

/** Files holding personal data are 0640 and their folders 0750 from the moment they exist. */
class PrivateFilesTests {

    @TempDir
    Path folder;

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aFileIsCreatedReadableByOwnerAndGroupOnlyBeforeAByteIsWritten() throws IOException {
        Path file = folder.resolve("new/deeper/statement.pdf.tmp");
        PrivateFiles.createDirectories(file.getParent());
        try (OutputStream out = PrivateFiles.newOutputStream(file)) {
            assertThat(permissions(file)).isEqualTo("rw-r-----");
            out.write(1);
        }
        assertThat(permissions(folder.resolve("new"))).isEqualTo("rwxr-x---");
        assertThat(permissions(folder.resolve("new/deeper"))).isEqualTo("rwxr-x---");
    }

    @Test
    void anExistingFileIsClosedToOthersAndWrittenFromItsStart() throws IOException {
        Path file = folder.resolve("old.part");
        Files.writeString(file, "a long old content");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        try (OutputStream out = PrivateFiles.newOutputStream(file)) {
            out.write("new".getBytes());
        }
        assertThat(permissions(file)).isEqualTo("rw-r-----");
        assertThat(Files.readString(file)).isEqualTo("new");
    }

    @Test
    void aStepsTemporaryFileIsCreated0640BeforeTheStepWritesAndAStaleOneIsEmptied() throws IOException {
        Path published = folder.resolve("2026-01-31/aged-receivables.csv");
        Path partial = PublishFileListener.partialOf(published);
        Files.createDirectories(partial.getParent());
        Files.writeString(partial, "left by a run that crashed before its first commit");
        Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-r--r--"));

        PublishFileListener listener = new PublishFileListener(parameters -> published);
        var parameters = new JobParametersBuilder().addLocalDate("cycle.date", LocalDate.parse("2026-01-31"))
                .toJobParameters();
        StepExecution step = new StepExecution("agedReceivablesFile",
                new JobExecution(1L, new JobInstance(1L, "statement-cycle"), parameters));
        listener.beforeStep(step);

        assertThat(permissions(partial)).isEqualTo("rw-r-----");
        assertThat(Files.size(partial)).as("a step that never committed starts its file anew").isZero();
    }
}
