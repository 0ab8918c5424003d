package com.arcycle.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.arcycle.batch.CycleFolder;
import com.arcycle.testing.ExpectedFiles;
import com.arcycle.testing.RunsCommands;
import com.arcycle.testing.SharedFiles;
import com.arcycle.testing.TestDatabase;

/**
 * run-cycle, restart and status as the accountant uses them: refused dates change nothing, and
 * a run that fails part-way is restarted where it stopped, giving the files an uninterrupted
 * run gives. Chunks of two accounts, so the failed step has committed part of its work; a skip
 * limit of 0, so one account with bad data fails the run.
 */
@SpringBootTest(properties = {"arcycle.batch.chunk-size=2", "arcycle.batch.skip-limit=0"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CycleCommandIntegrationTests extends RunsCommands {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.h2(registry, "cycle-command");
    }

    @TempDir
    Path out;

    private long jobExecutions() {
        return jdbc.sql("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION").query(Long.class).single();
    }

    @Test
    void refusedCycleDatesDoNothingAndAFailedRunRestartsWhereItStopped() throws Exception {
        Path example = SharedFiles.path("examples/small-ledger");
        assertThat(console.run("import-ledger", "--dir", example.resolve("ledger").toString(), "--out", out.toString()))
                .isZero();
        assertThat(console.run("run-cycle", "--cycle-date", "2026-01-31", "--out", out.toString())).isZero();

        long executions = jobExecutions();
        assertThat(console.run("run-cycle", "--cycle-date", "2026-01-31", "--out", out.toString())).isEqualTo(2);
        assertThat(console.output()).contains("the cycle of 2026-01-31 has already completed")
                .contains("The next cycle date is 2026-02-28 or later");
        assertThat(console.run("run-cycle", "--cycle-date", "2026-02-10", "--out", out.toString())).isEqualTo(2);
        assertThat(console.output()).contains("is only 10 days after the last completed cycle 2026-01-31");
        assertThat(console.run("run-cycle", "--cycle-date", "2025-12-31", "--out", out.toString())).isEqualTo(2);
        assertThat(console.output()).contains("is before the last completed cycle 2026-01-31");
        assertThat(console.run("run-cycle", "--cycle-date", "31/03/2026")).isEqualTo(2);
        assertThat(console.output()).contains("--cycle-date 31/03/2026 is not a date of the form YYYY-MM-DD");
        assertThat(jobExecutions()).as("refused runs create no job execution").isEqualTo(executions);
        assertThat(out.resolve("2026-02-10")).doesNotExist();

        // A row edited by hand breaks the late-fee step after some chunks have committed.
        jdbc.sql("UPDATE customer SET late_fee_mode = 'SOMETIMES' WHERE account_number = 'A008'").update();
        assertThat(console.run("run-cycle", "--cycle-date", "2026-03-02", "--out", out.toString())).isEqualTo(1);
        assertThat(console.output()).contains("The cycle of 2026-03-02 failed: step lateFees")
                .contains("scripts/arcycle restart --cycle-date 2026-03-02");
        assertThat(out.resolve("2026-03-02/fees.csv")).doesNotExist();
        long feesBeforeRestart = jdbc.sql("SELECT COUNT(*) FROM ledger_item WHERE item_type = 'FEE'"
                + " AND posted_cycle = DATE '2026-03-02'").query(Long.class).single();
        // Chunks [A002 A003] [A004 A005] [A006 A007] committed, with the fees of A002 and A004; A008 failed.
        assertThat(feesBeforeRestart).as("fees committed before the failure").isEqualTo(2);

        assertThat(console.run("status")).isZero();
        assertThat(console.output()).contains("statement-cycle 2026-03-02   FAILED")
                .contains("step lateFees: late_fee_mode must be ALWAYS, NEVER or HABITUAL");
        assertThat(console.run("run-cycle", "--cycle-date", "2026-04-01", "--out", out.toString())).isEqualTo(2);
        assertThat(console.output()).contains("the cycle of 2026-03-02 has not completed; restart it first");

        jdbc.sql("UPDATE customer SET late_fee_mode = 'HABITUAL' WHERE account_number = 'A008'").update();
        assertThat(console.run("restart")).isZero();
        assertThat(console.output()).contains("Restarting the cycle of 2026-03-02 where it stopped (step lateFees)")
                .contains("The cycle of 2026-03-02 completed");
        ExpectedFiles.assertSameRequiredColumns(example.resolve("expected/2026-03-02"), out.resolve("2026-03-02"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_item WHERE item_type = 'FEE'"
                + " AND posted_cycle = DATE '2026-03-02'").query(Long.class).single()).isEqualTo(4);
        try (var files = Files.list(out.resolve("2026-03-02"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(name -> !name.equals(CycleFolder.MARKER)))
                    .as("no partial file is left behind")
                    .allMatch(name -> !name.startsWith(".") && !name.endsWith(".part"));
        }

        assertThat(console.run("restart")).isEqualTo(2);
        assertThat(console.output()).contains("there is no failed or unfinished cycle to restart");
    }
}
