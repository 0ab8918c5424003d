package com.arcycle.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.arcycle.batch.CycleFolder;
import com.arcycle.testing.ExpectedFiles;
import com.arcycle.testing.ManifestCheck;
import com.arcycle.testing.RunsCommands;
import com.arcycle.testing.SharedFiles;
import com.arcycle.testing.TestDatabase;

/**
 * The cycle's first step records the cycle as started and commits that before it claims the
 * folder: a run that stops between the two (here the claim fails: a file appeared in the folder
 * after run-cycle had checked it) is a cycle {@code restart} finds and continues.
 */
@SpringBootTest(properties = "arcycle.batch.skip-limit=0")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OpenCycleIntegrationTests extends RunsCommands {

    private static final LocalDate CYCLE = LocalDate.parse("2026-01-31");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.h2(registry, "open-cycle");
    }

    @TempDir
    Path work;

    @Autowired
    JobOperator jobOperator;

    @Autowired
    Job statementCycleJob;

    @Test
    void aRunStoppedBeforeItClaimedItsFolderIsACycleThatRestartContinues() throws Exception {
        Path out = work.resolve("out");
        Path ledger = SharedFiles.path("examples/small-ledger/ledger");
        assertThat(console.run("import-ledger", "--dir", ledger.toString(), "--out", out.toString())).isZero();
        Path folder = out.resolve(CYCLE.toString());
        Files.createDirectories(folder);
        Path stray = Files.writeString(folder.resolve("notes.txt"), "left here while the cycle started\n");

        JobExecution stopped = jobOperator.start(statementCycleJob, StatementCycle.parameters(CYCLE, out));

        assertThat(stopped.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(stopped.getStepExecutions()).singleElement()
                .satisfies(step -> assertThat(step.getStepName()).isEqualTo("openCycle"));
        assertThat(new CycleFolder(folder).claim()).as("the folder was not claimed").isEmpty();
        String runId = jdbc.sql("SELECT run_id FROM cycle WHERE cycle_date = ? AND status = 'STARTED'")
                .param(CYCLE).query(String.class).optional().orElse(null);
        assertThat(runId).as("the cycle's start was kept although its first step failed").isNotNull();

        Files.move(stray, work.resolve("notes.txt"));
        assertThat(console.run("restart")).as(console.output()).isZero();

        assertThat(new CycleFolder(folder).claim()).get().satisfies(claim -> assertThat(claim.get("run")).isEqualTo(runId));
        ManifestCheck.assertManifestMatchesFiles(folder, CYCLE.toString());
        ExpectedFiles.assertSameRequiredColumns(SharedFiles.path("examples/small-ledger/expected/" + CYCLE), folder);
    }
}
