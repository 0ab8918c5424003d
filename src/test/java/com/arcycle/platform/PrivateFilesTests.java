package com.arcycle.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
