package com.arcycle.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** data/ and logs/ are private, and the temporary folders of ended runs go away. */
class PrivateWorkspaceTests {

    @TempDir
    Path home;

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aMissingFolderIsCreatedForOwnerAndGroupOnly() throws Exception {
        // whatever the umask of this JVM (0022 here: folders would be 0755)
        PrivateWorkspace.restrict(home.resolve("data"));

        assertThat(permissions(home.resolve("data"))).isEqualTo("rwxr-x---");
    }

    @Test
    void whatAnEarlierRunLeftOpenToOthersIsClosed() throws Exception {
        Path logs = Files.createDirectories(home.resolve("logs"));
        Files.setPosixFilePermissions(logs, PosixFilePermissions.fromString("rwxrwxr-x"));
        Path log = Files.writeString(logs.resolve("arcycle.log"), "account A-1, Zoë Ñuñez, 12.50");
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-rw-r--"));
        Path demo = Files.createDirectories(home.resolve("data/demo"));
        Files.setPosixFilePermissions(demo, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path database = Files.writeString(demo.resolve("arcycle.mv.db"), "H2");
        Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-r-xr--"));
        Path ownerOnly = Files.writeString(demo.resolve("key"), "x");
        Files.setPosixFilePermissions(ownerOnly, PosixFilePermissions.fromString("rw-------"));

        PrivateWorkspace.restrict(logs);
        PrivateWorkspace.restrict(home.resolve("data"));

        assertThat(permissions(logs)).isEqualTo("rwxr-x---");
        assertThat(permissions(log)).isEqualTo("rw-r-----");
        assertThat(permissions(demo)).isEqualTo("rwxr-x---");
        assertThat(permissions(database)).isEqualTo("rw-r-----");
        assertThat(permissions(ownerOnly)).as("never more than before").isEqualTo("rw-------");
    }

    @Test
    void theTemporaryFoldersOfEndedRunsAreRemovedAndThoseOfRunningOnesKept() throws Exception {
        Path parent = Files.createDirectories(home.resolve("data/tmp"));
        Process ended = new ProcessBuilder("true").start();
        assertThat(ended.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Path killedRun = Files.createDirectories(parent.resolve(Long.toString(ended.pid())));
        Files.writeString(killedRun.resolve("+~JF123.tmp"), "font");
        // This test's JVM is alive but did not make the folder: a process id used again by another program.
        Path idUsedAgain = Files.createDirectories(parent.resolve(Long.toString(ProcessHandle.current().pid())));
        Path notARun = Files.createDirectories(parent.resolve("notes"));
        // A running process that names its folder as the launcher does (exec keeps the shell's id).
        Process running = new ProcessBuilder("bash", "-c",
                "exec bash -c 'sleep 60; true' \"-Djava.io.tmpdir=$1/$$\"", "launcher", parent.toString()).start();
        try {
            Path runningRun = Files.createDirectories(parent.resolve(Long.toString(running.pid())));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!PrivateWorkspace.running(running.pid(), runningRun) && System.nanoTime() < deadline) {
                Thread.sleep(10); // until the exec
            }

            PrivateWorkspace.removeFoldersOfEndedRuns(parent);

            assertThat(killedRun).doesNotExist();
            assertThat(idUsedAgain).doesNotExist();
            assertThat(notARun).exists();
            assertThat(runningRun).exists();
        } finally {
            running.destroyForcibly();
        }
    }
}
