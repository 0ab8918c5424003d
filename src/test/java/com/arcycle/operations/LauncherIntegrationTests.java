package com.arcycle.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.arcycle.testing.Launcher;
import com.arcycle.testing.Launcher.Launched;
import com.arcycle.testing.SharedFiles;
import com.arcycle.testing.TestDatabase;

/**
 * The launcher as a user runs it, each command in its own JVM from a working directory of its own,
 * on an embedded database file: a restart from another directory writes into the cycle's folder;
 * a failure is told in plain words, with no stack trace; a second command on the embedded database
 * is told that another one uses it.
 */
class LauncherIntegrationTests {

    @TempDir
    Path work;

    private String databaseUrl() {
        return TestDatabase.h2Url(work.resolve("db/arcycle"));
    }

    private Launched launch(Path directory, String... args) throws Exception {
        return new Launcher(work.resolve("arcycle")).database(databaseUrl()).runIn(directory, args);
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(databaseUrl(), "sa", "")) {
            connection.createStatement().execute(statement);
        }
    }

    @Test
    void aRestartFromAnotherDirectoryWritesIntoTheCyclesOwnFolder() throws Exception {
        Path office = work.resolve("office");
        Path home = work.resolve("home");
        String ledger = SharedFiles.path("examples/small-ledger/ledger").toString();
        assertThat(launch(office, "import-ledger", "--dir", ledger).exitCode()).isZero();
        sql("UPDATE customer SET late_fee_mode = 'SOMETIMES' WHERE account_number = 'A008'");

        Launched failed = launch(office, "run-cycle", "--cycle-date", "2026-01-31", "--arcycle.batch.skip-limit=0");
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.output()).startsWith("Database: the embedded database " + work.resolve("db/arcycle"))
                .contains("The cycle of 2026-01-31 failed: step lateFees")
                .contains("A008 late_fee_mode SOMETIMES: late_fee_mode must be ALWAYS, NEVER or HABITUAL")
                .contains("scripts/arcycle restart --cycle-date 2026-01-31")
                .as("no stack trace on the console").doesNotContain("\tat ", "Caused by", "Exception");

        sql("UPDATE customer SET late_fee_mode = 'HABITUAL' WHERE account_number = 'A008'");
        Launched restarted = launch(home, "restart");
        assertThat(restarted.exitCode()).as(restarted.output()).isZero();
        assertThat(restarted.output()).contains("Files: " + office.resolve("out/2026-01-31"));
        assertThat(home.resolve("out")).doesNotExist();
        Launched verified = launch(home, "verify", office.resolve("out/2026-01-31").toString());
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("files match");
    }

    @Test
    void aSecondCommandOnTheEmbeddedDatabaseIsToldThatAnotherOneUsesIt() throws Exception {
        Path office = work.resolve("office");
        assertThat(launch(office, "status").exitCode()).isZero();
        // An open embedded connection holds the database file, as a running command does.
        try (Connection running = DriverManager.getConnection(databaseUrl(), "sa", "")) {
            Launched status = launch(office, "status");
            assertThat(status.exitCode()).isEqualTo(2);
            assertThat(status.output()).contains("another arcycle command is using the embedded database")
                    .doesNotContain("\tat ");
        }
    }
}
