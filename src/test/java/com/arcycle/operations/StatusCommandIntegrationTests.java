package com.arcycle.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.arcycle.testing.RunsCommands;
import com.arcycle.testing.SharedFiles;
import com.arcycle.testing.TestDatabase;

/** status names its database, and shows a run whose process was killed as crashed, with what to do. */
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class StatusCommandIntegrationTests extends RunsCommands {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.h2(registry, "status");
    }

    @TempDir
    Path out;

    @Test
    void aRunLeftStartedByAKilledProcessShowsAsCrashedWithWhatToDo() {
        assertThat(console.run("status")).isZero();
        assertThat(console.output()).startsWith("Database: the embedded database ")
                .contains("No runs yet on this database").contains("scripts/arcycle demo uses a database of its own");

        Path ledger = SharedFiles.path("examples/small-ledger/ledger");
        assertThat(console.run("import-ledger", "--dir", ledger.toString(), "--out", out.toString())).isZero();
        assertThat(console.run("run-cycle", "--cycle-date", "2026-01-31", "--out", out.toString())).isZero();
        // What a SIGKILL leaves behind: the executions still say STARTED, with no end.
        jdbc.sql("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', END_TIME = NULL").update();

        assertThat(console.run("status")).isZero();
        assertThat(console.output()).containsPattern("import-ledger +- +CRASHED .*the process stopped while it ran;"
                + " run the same import again")
                .containsPattern("statement-cycle 2026-01-31 +CRASHED .*run scripts/arcycle restart --cycle-date"
                        + " 2026-01-31");
    }
}
