package com.arcycle.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.arcycle.cluster.ClusterProcesses.Finished;
import com.arcycle.testing.EnabledWithMySql;
import com.arcycle.testing.EnabledWithRabbitMq;
import com.arcycle.testing.RunsCommands;
import com.arcycle.testing.SharedFiles;
import com.arcycle.testing.TestDatabase;

/**
 * The small-ledger example's cycles with their partitions on worker processes (separate JVMs,
 * through scripts/arcycle, on MariaDB and the running RabbitMQ) against the same cycles run in one
 * process (here, in the test's JVM, on another database): the same files, byte for byte. And what
 * goes wrong: a worker whose step throws fails the job; no worker at all fails the run after the
 * time-out saying so, even while a worker of another database waits on the same broker; a worker
 * started after the manager takes the partitions.
 */
@SpringBootTest
@EnabledWithMySql
@EnabledWithRabbitMq
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ClusterSmallLedgerIntegrationTests extends RunsCommands {

    private static final List<String> CYCLES = List.of("2026-01-31", "2026-03-02", "2026-04-01", "2026-05-01");
    /**
     * A poll every half second; a worker silent for a minute is taken for dead (a fresh worker's
     * first chunk of statements loads the fonts, which takes seconds on a busy machine).
     */
    private static final String[] FAST = {"--arcycle.cluster.poll-interval=500ms",
            "--arcycle.cluster.worker-timeout=60s"};
    private static String reference;
    private static final List<String> scratch = new java.util.ArrayList<>();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        reference = TestDatabase.mySql(registry, "cluster_reference");
    }

    @AfterAll
    static void dropDatabases() {
        TestDatabase.dropMySql(reference);
        scratch.forEach(TestDatabase::dropMySql);
    }

    @TempDir
    Path work;

    @TempDir
    static Path referenceOut;
    private static List<Integer> referenceCodes;

    /** The four cycles run once in this JVM's one process, for every test of the class. */
    private void reference() {
        if (referenceCodes == null) {
            assertThat(console.run("import-ledger", "--dir", ledger().toString(), "--out", referenceOut.toString()))
                    .isZero();
            List<Integer> codes = new java.util.ArrayList<>();
            for (String cycle : CYCLES) {
                codes.add(console.run("run-cycle", "--cycle-date", cycle, "--out", referenceOut.toString()));
            }
            referenceCodes = codes;
        }
    }

    private static String database(String name) {
        String database = TestDatabase.createMySql(name);
        scratch.add(database);
        return database;
    }

    private static String[] args(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + FAST.length);
        System.arraycopy(FAST, 0, all, args.length, FAST.length);
        return all;
    }

    private Path ledger() {
        return SharedFiles.path("examples/small-ledger/ledger");
    }

    @Test
    void twoWorkersWriteTheFilesOfTheOneProcessRunCycleAfterCycle() throws Exception {
        reference();

        Path out = work.resolve("cluster");
        try (ClusterProcesses cluster = new ClusterProcesses(work.resolve("home"), database("cluster_two"))) {
            assertThat(cluster.run("import-ledger", "--dir", ledger().toString(), "--out", out.toString()).exitCode())
                    .isZero();
            Process first = cluster.worker();
            Process second = cluster.worker();
            for (int i = 0; i < CYCLES.size(); i++) {
                // Four partitions of the ten accounts, so both workers get some.
                Finished run = cluster.run(args("run-cycle", "--cycle-date", CYCLES.get(i), "--out", out.toString(),
                        "--cluster", "--arcycle.cluster.partitions=4"));
                assertThat(run.exitCode()).as(run.output()).isEqualTo(referenceCodes.get(i));
                assertThat(run.output()).contains("The cycle of " + CYCLES.get(i) + " completed");
                assertThat(ClusterProcesses.filesAndHashes(out.resolve(CYCLES.get(i))))
                        .as("the files of %s", CYCLES.get(i))
                        .isEqualTo(ClusterProcesses.filesAndHashes(referenceOut.resolve(CYCLES.get(i))));
            }
            assertThat(cluster.log(first)).contains("Running step statements of the cycle of 2026-01-31");
            assertThat(cluster.log(second)).contains("Running step");
            try (Connection connection = cluster.connect();
                    ResultSet rs = connection.createStatement().executeQuery("SELECT COUNT(*) FROM"
                            + " BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'statementsPartition:%'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("four statement partitions a cycle, each run once").isEqualTo(16);
            }
        }
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void oneOrThreeWorkersWriteTheFilesOfTheOneProcessRun(int workers) throws Exception {
        reference();

        Path out = work.resolve("cluster");
        try (ClusterProcesses cluster = new ClusterProcesses(work.resolve("home"), database("cluster_" + workers))) {
            assertThat(cluster.run("import-ledger", "--dir", ledger().toString(), "--out", out.toString()).exitCode())
                    .isZero();
            List<Process> started = cluster.workers(workers);
            String cycle = CYCLES.get(0);
            Finished run = cluster.run(args("run-cycle", "--cycle-date", cycle, "--out", out.toString(), "--cluster",
                    "--arcycle.cluster.partitions=" + 2 * workers));
            assertThat(run.exitCode()).as(run.output()).isEqualTo(referenceCodes.get(0));
            assertThat(ClusterProcesses.filesAndHashes(out.resolve(cycle)))
                    .isEqualTo(ClusterProcesses.filesAndHashes(referenceOut.resolve(cycle)));
            for (Process worker : started) {
                assertThat(cluster.log(worker)).as("every worker ran partitions").contains("Running step");
            }
        }
    }

    @Test
    void anExceptionInAWorkerFailsTheJobWithItsReason() throws Exception {
        Path out = work.resolve("failing");
        try (ClusterProcesses cluster = new ClusterProcesses(work.resolve("home"), database("cluster_failing"))) {
            assertThat(cluster.run("import-ledger", "--dir", ledger().toString(), "--out", out.toString()).exitCode())
                    .isZero();
            try (Connection connection = cluster.connect()) {
                connection.createStatement().executeUpdate(
                        "UPDATE customer SET late_fee_mode = 'SOMETIMES' WHERE account_number = 'A004'");
            }
            // No skipping on this worker: the bad account throws out of the step.
            cluster.worker("--arcycle.batch.skip-limit=0");
            Finished run = cluster.run(args("run-cycle", "--cycle-date", "2026-01-31", "--out", out.toString(),
                    "--cluster"));
            assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
            assertThat(run.output()).contains("The cycle of 2026-01-31 failed: step lateFees: partition accounts0:")
                    .contains("late_fee_mode must be ALWAYS, NEVER or HABITUAL")
                    .contains("scripts/arcycle restart --cycle-date 2026-01-31");
            try (Connection connection = cluster.connect();
                    ResultSet rs = connection.createStatement().executeQuery("SELECT STATUS FROM BATCH_JOB_EXECUTION"
                            + " ORDER BY JOB_EXECUTION_ID DESC LIMIT 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).as("the job is failed, not left running").isEqualTo("FAILED");
            }
        }
    }

    @Test
    void withNoWorkerTheRunFailsAfterTheTimeOutAndAWorkerStartedLaterCompletesIt() throws Exception {
        reference();

        Path out = work.resolve("alone");
        try (ClusterProcesses other = new ClusterProcesses(work.resolve("other"), database("cluster_other"));
                ClusterProcesses cluster = new ClusterProcesses(work.resolve("home"), database("cluster_alone"))) {
            // A worker of another database waits on the same broker: it must not take these partitions.
            Process otherWorker = other.worker();
            assertThat(cluster.run("import-ledger", "--dir", ledger().toString(), "--out", out.toString()).exitCode())
                    .isZero();

            Finished alone = cluster.run("run-cycle", "--cycle-date", CYCLES.get(0), "--out", out.toString(),
                    "--cluster", "--arcycle.cluster.poll-interval=500ms", "--arcycle.cluster.worker-timeout=10s");
            assertThat(alone.exitCode()).as(alone.output()).isEqualTo(1);
            assertThat(alone.output()).contains("The cycle of 2026-01-31 failed: step applyPayments:")
                    .contains("no worker took the partitions of step applyPayments within 10 s");
            assertThat(other.log(otherWorker)).doesNotContain("Running");

            // The manager first, its worker some seconds later.
            Process restart = cluster.start(args("restart", "--cluster"));
            Thread.sleep(3000);
            Process late = cluster.worker();
            Finished restarted = cluster.finish(restart);
            assertThat(restarted.exitCode()).as(restarted.output()).isEqualTo(referenceCodes.get(0));
            assertThat(cluster.log(late)).contains("Running step applyPayments of the cycle of 2026-01-31");
            assertThat(ClusterProcesses.filesAndHashes(out.resolve(CYCLES.get(0))))
                    .isEqualTo(ClusterProcesses.filesAndHashes(referenceOut.resolve(CYCLES.get(0))));
            assertThat(other.log(otherWorker)).doesNotContain("Running");
        }
    }

    @Test
    void theEmbeddedDatabaseRefusesClusterMode() throws Exception {
        com.arcycle.testing.Launcher launcher = new com.arcycle.testing.Launcher(work.resolve("embedded"));
        var run = launcher.run("run-cycle", "--cycle-date", "2026-01-31", "--cluster");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("arcycle cannot start: setting arcycle.cluster.enabled = true: the cycle's"
                + " partitions can run on worker processes only with a MySQL or MariaDB database");
    }
}
