package com.arcycle.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.arcycle.testing.EnabledWithMySql;
import com.arcycle.testing.ExpectedFiles;
import com.arcycle.testing.Launcher;
import com.arcycle.testing.Launcher.Launched;
import com.arcycle.testing.SharedFiles;
import com.arcycle.testing.TestDatabase;

/**
 * The move from the embedded database to MariaDB, as a user makes it: two cycles on H2, the
 * database copied, the third cycle on MariaDB gives the example's expected files (it found the
 * earlier cycles' fees, stages and notices), and a second copy into the same database is refused.
 */
@EnabledWithMySql
class CopyDatabaseIntegrationTests {

    @TempDir
    Path work;

    private String target;

    @AfterEach
    void dropTarget() {
        TestDatabase.dropMySql(target);
    }

    @Test
    void cyclesOnTheEmbeddedDatabaseContinueOnMariaDbAfterTheCopy() throws Exception {
        Path example = SharedFiles.path("examples/small-ledger");
        Launcher embedded = new Launcher(work.resolve("arcycle"))
                .database(TestDatabase.h2Url(work.resolve("db/arcycle")));
        assertThat(embedded.run("import-ledger", "--dir", example.resolve("ledger").toString()).exitCode()).isZero();
        assertThat(embedded.run("run-cycle", "--cycle-date", "2026-01-31").exitCode()).isIn(0, 3);
        assertThat(embedded.run("run-cycle", "--cycle-date", "2026-03-02").exitCode()).isIn(0, 3);

        target = TestDatabase.createMySql("copy");
        embedded.environment(CopyDatabaseCommand.USER, TestDatabase.user())
                .environment(CopyDatabaseCommand.PASSWORD, TestDatabase.password());
        Launched copy = embedded.run("copy-database", "--to", TestDatabase.databaseUrl(target));
        assertThat(copy.exitCode()).as(copy.output()).isZero();
        assertThat(copy.output()).containsPattern("ledger_item +[1-9]").containsPattern("BATCH_JOB_EXECUTION +[1-9]")
                .contains("every table has as many rows in the target as here");

        Launched again = embedded.run("copy-database", "--to", TestDatabase.databaseUrl(target));
        assertThat(again.exitCode()).as(again.output()).isEqualTo(2);
        assertThat(again.output()).contains("the target database already holds data");

        Launcher moved = new Launcher(work.resolve("arcycle")).database(TestDatabase.databaseUrl(target))
                .environment("ARCYCLE_DB_USER", TestDatabase.user())
                .environment("ARCYCLE_DB_PASSWORD", TestDatabase.password());
        Launched status = moved.run("status");
        assertThat(status.output()).as("the runs moved too").contains("statement-cycle 2026-03-02   COMPLETED");
        Launched third = moved.run("run-cycle", "--cycle-date", "2026-04-01");
        assertThat(third.exitCode()).as(third.output()).isIn(0, 3);
        ExpectedFiles.assertSameRequiredColumns(example.resolve("expected/2026-04-01"),
                work.resolve("arcycle/out/2026-04-01"));
    }
}
