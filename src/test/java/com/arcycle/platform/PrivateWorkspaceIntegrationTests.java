package com.arcycle.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import com.arcycle.testing.Launcher;
import com.arcycle.testing.SyntheticLedger;

/**
 * Personal data stays private while it is written, also when a run is killed: arcycle runs as a
 * user runs it (scripts/arcycle, its own JVM, the embedded database) and is killed with SIGKILL
 * while it renders statements. The fonts JasperReports extracted were in the run's private
 * temporary folder, which the next run removes; data/ and logs/ and their files are for owner and
 * group only.
 */
class PrivateWorkspaceIntegrationTests {

    private static final String CYCLE = "2026-01-31";

    @TempDir
    Path work;

    @Test
    void aRunKilledWhileRenderingStatementsLeavesNoFontFilesAndDataAndLogsArePrivate() throws Exception {
        Launcher arcycle = new Launcher(work.resolve("home"));
        Path home = arcycle.home();
        Path ledger = work.resolve("ledger");
        SyntheticLedger.write(ledger, 120, 7);
        Path out = work.resolve("out");
        assertThat(arcycle.run("import-ledger", "--dir", ledger.toString(), "--out", out.toString()).exitCode())
                .isZero();

        Path log = work.resolve("run-cycle.log");
        Process run = arcycle.start(log, "run-cycle", "--cycle-date", CYCLE, "--out", out.toString());
        Path privateTmp = home.resolve("data/tmp").resolve(Long.toString(run.pid()));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!(fontFiles(privateTmp) > 0 && files(out.resolve(CYCLE).resolve("statements")) > 0)) {
            if (!run.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("no statement or no font file in " + privateTmp + " while the run rendered;"
                        + " its output:\n" + lastLines(log));
            }
            Thread.sleep(5);
        }
        assertThat(permissions(privateTmp)).isEqualTo("rwx------");
        run.destroyForcibly();
        assertThat(run.waitFor()).as("killed with SIGKILL").isEqualTo(137);
        assertThat(fontFiles(privateTmp)).as("the JDK removes them only at a clean exit").isPositive();

        Launcher.Launched restart = arcycle.run("restart");

        assertThat(restart.exitCode()).as(restart.output()).isZero();
        assertThat(privateTmp).as("the killed run's temporary folder").doesNotExist();
        try (Stream<Path> left = Files.list(home.resolve("data/tmp"))) {
            assertThat(left.toList()).as("the restart's own folder is removed at exit").isEmpty();
        }
        assertThat(permissions(home.resolve("data"))).isEqualTo("rwxr-x---");
        assertThat(permissions(home.resolve("logs"))).isEqualTo("rwxr-x---");
        assertThat(home.resolve("data/arcycle.mv.db")).exists();
        assertThat(home.resolve("logs/arcycle.log")).exists();
        try (Stream<Path> written = Stream.concat(Files.walk(home.resolve("data")), Files.walk(home.resolve("logs")))) {
            for (Path file : written.filter(Files::isRegularFile).toList()) {
                assertThat(permissions(file)).as(home.relativize(file).toString()).isEqualTo("rw-r-----");
            }
        }
    }

    private static long fontFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("+~JF")).count();
        }
    }

    private static long files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static String lastLines(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }
}
