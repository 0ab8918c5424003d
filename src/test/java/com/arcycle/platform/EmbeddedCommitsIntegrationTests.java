package com.arcycle.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.arcycle.testing.Launcher;
import com.arcycle.testing.Launcher.Launched;

/**
 * What was committed on the embedded database survives a killed process: a JVM commits a row on
 * an H2 file opened with arcycle's option and is halted at once (no shutdown hook, as SIGKILL);
 * the row is there when the file is opened again. And arcycle refuses an H2 URL without the
 * option before it does anything.
 */
class EmbeddedCommitsIntegrationTests {

    @TempDir
    Path work;

    @Test
    void aCommitMadeJustBeforeTheProcessIsKilledIsKeptOnTheEmbeddedDatabase() throws Exception {
        String url = EmbeddedCommits.fileUrl(work.resolve("db"));
        Path log = work.resolve("child.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CommitThenHalt.class.getName(), url)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(Files.readString(log)).isEqualTo(CommitThenHalt.HALTED);
        assertThat(Files.readString(log)).contains("committed 20 rows");

        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*), MAX(id) FROM kept")) {
            rows.next();
            assertThat(rows.getInt(1)).as("rows committed before the kill").isEqualTo(20);
            assertThat(rows.getInt(2)).as("the last one too").isEqualTo(20);
        }
    }

    @Test
    void anEmbeddedUrlWithoutTheOptionIsRefusedBeforeAnythingRuns() throws Exception {
        Path database = work.resolve("db/arcycle");
        Launched status = new Launcher(work.resolve("home"))
                .database("jdbc:h2:file:" + database + ";MODE=MySQL;DB_CLOSE_ON_EXIT=FALSE").run("status");

        assertThat(status.exitCode()).as(status.output()).isEqualTo(2);
        assertThat(status.output())
                .contains("arcycle cannot start: setting ARCYCLE_DB_URL = jdbc:h2:file:" + database)
                .contains("must be opened with ;WRITE_DELAY=0")
                .contains("a killed run loses them")
                .doesNotContain("\tat ");
    }

    /** Commits rows one transaction each, then stops the JVM as SIGKILL does: no hook, no close. */
    static final class CommitThenHalt {

        static final int HALTED = 77;

        public static void main(String[] args) throws Exception {
            Connection connection = DriverManager.getConnection(args[0], "sa", "");
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE kept (id INT PRIMARY KEY)");
            }
            connection.setAutoCommit(false);
            for (int id = 1; id <= 20; id++) {
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate("INSERT INTO kept (id) VALUES (" + id + ")");
                }
                connection.commit();
            }
            System.out.println("committed 20 rows");
            System.out.flush();
            Runtime.getRuntime().halt(HALTED);
        }
    }
}
