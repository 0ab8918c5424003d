package com.arcycle.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.arcycle.cluster.ClusterProcesses.Finished;
import com.arcycle.testing.EnabledWithMySql;
import com.arcycle.testing.EnabledWithRabbitMq;
import com.arcycle.testing.RunsCommands;
import com.arcycle.testing.SyntheticLedger;
import com.arcycle.testing.TestDatabase;

/**
 * A generated ledger of thousands of accounts on worker processes (separate JVMs, MariaDB, the
 * running RabbitMQ): one worker writes the files of the one-process run; then one of two workers
 * is killed with SIGKILL in the middle of a statements partition: the manager notices within its
 * time-out, the step fails, and restart on the worker left runs only the unfinished partitions, to
 * the same files, byte for byte; then a worker stopped with SIGTERM ends after its current chunk,
 * and restart continues its partition on another.
 */
@SpringBootTest
@EnabledWithMySql
@EnabledWithRabbitMq
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ClusterKilledWorkerIntegrationTests extends RunsCommands {

    private static final int ACCOUNTS = 2000;
    private static String reference;
    private static final String CLUSTER = TestDatabase.mySqlConfigured() ? TestDatabase.createMySql("cluster_killed")
            : null;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        reference = TestDatabase.mySql(registry, "cluster_generated");
    }

    @AfterAll
    static void dropDatabases() {
        TestDatabase.dropMySql(reference);
        TestDatabase.dropMySql(CLUSTER);
    }

    @TempDir
    Path work;

    @Test
    void oneWorkerGivesTheSameFilesAndAKilledWorkersPartitionsAreRerunAloneOnRestart() throws Exception {
        Path ledger = work.resolve("ledger");
        SyntheticLedger.write(ledger, ACCOUNTS, 7);
        Path referenceOut = work.resolve("reference");
        assertThat(console.run("import-ledger", "--dir", ledger.toString(), "--out", referenceOut.toString())).isZero();
        int firstCode = console.run("run-cycle", "--cycle-date", "2026-01-31", "--out", referenceOut.toString());
        int secondCode = console.run("run-cycle", "--cycle-date", "2026-03-02", "--out", referenceOut.toString());
        int thirdCode = console.run("run-cycle", "--cycle-date", "2026-04-01", "--out", referenceOut.toString());

        Path out = work.resolve("cluster");
        try (ClusterProcesses cluster = new ClusterProcesses(work.resolve("home"), CLUSTER)) {
            assertThat(cluster.run("import-ledger", "--dir", ledger.toString(), "--out", out.toString()).exitCode())
                    .isZero();
            Process survivor = cluster.worker("--arcycle.batch.chunk-size=10");
            Finished first = cluster.run("run-cycle", "--cycle-date", "2026-01-31", "--out", out.toString(), "--cluster",
                    "--arcycle.cluster.partitions=4", "--arcycle.cluster.poll-interval=500ms");
            assertThat(first.exitCode()).as(first.output()).isEqualTo(firstCode);
            assertThat(ClusterProcesses.filesAndHashes(out.resolve("2026-01-31")))
                    .isEqualTo(ClusterProcesses.filesAndHashes(referenceOut.resolve("2026-01-31")));

            Process doomed = cluster.worker("--arcycle.batch.chunk-size=10");
            Process manager = cluster.start("run-cycle", "--cycle-date", "2026-03-02", "--out", out.toString(),
                    "--cluster", "--arcycle.cluster.partitions=4", "--arcycle.cluster.poll-interval=500ms",
                    "--arcycle.cluster.worker-timeout=30s");
            cluster.waitFor(doomed, "Running step statements");
            Thread.sleep(3000);
            assertThat(cluster.log(doomed)).as("killed in the middle of its partition")
                    .doesNotContain("Finished step statements");
            doomed.destroyForcibly();
            assertThat(doomed.waitFor(30, TimeUnit.SECONDS)).isTrue();
            long killed = System.nanoTime();
            Finished failed = cluster.finish(manager);
            assertThat(failed.exitCode()).as(failed.output()).isEqualTo(1);
            assertThat(failed.output()).contains("The cycle of 2026-03-02 failed: step statements: partition accounts")
                    .contains("its worker stopped: no chunk committed for 30 s");
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - killed))
                    .as("noticed within the time-out and the other partitions' time, no hang").isLessThan(120);
            List<String> unfinished = partitions("FAILED");
            assertThat(unfinished).hasSize(1);
            assertThat(lastJobStatus()).as("the job is failed, not left running").isEqualTo("FAILED");

            Finished restarted = cluster.run("restart", "--cluster", "--arcycle.cluster.poll-interval=500ms");
            assertThat(restarted.exitCode()).as(restarted.output()).isEqualTo(secondCode);
            assertThat(partitions("COMPLETED")).as("restart runs only the unfinished partition").isEqualTo(unfinished);
            assertThat(ClusterProcesses.filesAndHashes(out.resolve("2026-03-02")))
                    .isEqualTo(ClusterProcesses.filesAndHashes(referenceOut.resolve("2026-03-02")));

            // SIGTERM (systemctl stop) in the middle of a partition: the worker ends after its
            // current chunk and exits; the partition is stopped, not left running; restart continues it.
            Process next = cluster.worker("--arcycle.batch.chunk-size=10");
            Process third = cluster.start("run-cycle", "--cycle-date", "2026-04-01", "--out", out.toString(),
                    "--cluster", "--arcycle.cluster.partitions=4", "--arcycle.cluster.poll-interval=500ms");
            cluster.waitFor(survivor, "Running step statements of the cycle of 2026-04-01");
            Thread.sleep(2000);
            survivor.destroy();
            assertThat(survivor.waitFor(2, TimeUnit.MINUTES)).as("the worker stops after its chunk").isTrue();
            assertThat(survivor.exitValue()).as("ended by SIGTERM").isEqualTo(143);
            assertThat(cluster.log(survivor)).contains("Stopping: no new partitions")
                    .contains("Finished step statements of the cycle of 2026-04-01")
                    .contains("stopped, ");
            Finished stopped = cluster.finish(third);
            assertThat(stopped.exitCode()).as(stopped.output()).isEqualTo(1);
            assertThat(stopped.output()).contains("its worker was stopped after a committed chunk");
            assertThat(partitions("STOPPED")).hasSize(1);
            Finished continued = cluster.run("restart", "--cluster", "--arcycle.cluster.poll-interval=500ms");
            assertThat(continued.exitCode()).as(continued.output()).isEqualTo(thirdCode);
            assertThat(cluster.log(next)).contains("Running step statements of the cycle of 2026-04-01");
            assertThat(ClusterProcesses.filesAndHashes(out.resolve("2026-04-01")))
                    .isEqualTo(ClusterProcesses.filesAndHashes(referenceOut.resolve("2026-04-01")));
        }
    }


    /** The statements partitions of the last job execution with this status. */
    private List<String> partitions(String status) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = java.sql.DriverManager.getConnection(TestDatabase.databaseUrl(CLUSTER),
                TestDatabase.user(), TestDatabase.password());
                ResultSet rs = connection.createStatement().executeQuery("SELECT STEP_NAME, STATUS FROM"
                        + " BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'statementsPartition:%' AND JOB_EXECUTION_ID ="
                        + " (SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION) ORDER BY STEP_NAME")) {
            while (rs.next()) {
                if (status.equals(rs.getString(2))) {
                    names.add(rs.getString(1));
                } else if (status.equals("COMPLETED")) {
                    names.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
        }
        return names;
    }

    private String lastJobStatus() throws Exception {
        try (Connection connection = java.sql.DriverManager.getConnection(TestDatabase.databaseUrl(CLUSTER),
                TestDatabase.user(), TestDatabase.password());
                ResultSet rs = connection.createStatement().executeQuery(
                        "SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID DESC LIMIT 1")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
