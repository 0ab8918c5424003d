package com.arcycle.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
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
 * A generated ledger's cycle on three worker processes while RabbitMQ (the one on this machine)
 * is restarted in the middle of the statements: the run completes, or fails and restart
 * completes it; either way the files are the one-process run's, byte for byte, and every
 * partition completed exactly once.
 */
@SpringBootTest
@EnabledWithMySql
@EnabledWithRabbitMq
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ClusterBrokerRestartIntegrationTests extends RunsCommands {

    private static final int ACCOUNTS = 600;
    private static final int PARTITIONS = 6;
    private static String reference;
    private static final String CLUSTER = TestDatabase.mySqlConfigured()
            ? TestDatabase.createMySql("cluster_broker") : null;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        reference = TestDatabase.mySql(registry, "cluster_broker_reference");
    }

    @AfterAll
    static void dropDatabases() {
        TestDatabase.dropMySql(reference);
        TestDatabase.dropMySql(CLUSTER);
    }

    @TempDir
    Path work;

    @Test
    void threeWorkersGiveTheOneProcessFilesAcrossABrokerRestart() throws Exception {
        Path ledger = work.resolve("ledger");
        SyntheticLedger.write(ledger, ACCOUNTS, 11);
        Path referenceOut = work.resolve("reference");
        assertThat(console.run("import-ledger", "--dir", ledger.toString(), "--out", referenceOut.toString())).isZero();
        int code = console.run("run-cycle", "--cycle-date", "2026-01-31", "--out", referenceOut.toString());

        Path out = work.resolve("cluster");
        try (ClusterProcesses cluster = new ClusterProcesses(work.resolve("home"), CLUSTER)) {
            assertThat(cluster.run("import-ledger", "--dir", ledger.toString(), "--out", out.toString()).exitCode())
                    .isZero();
            List<Process> workers = cluster.workers(3, "--arcycle.batch.chunk-size=10");
            String[] settings = {"--cluster", "--arcycle.cluster.partitions=" + PARTITIONS,
                "--arcycle.cluster.poll-interval=500ms", "--arcycle.cluster.worker-timeout=60s"};
            Process manager = cluster.start(concat(new String[] {"run-cycle", "--cycle-date", "2026-01-31", "--out",
                out.toString()}, settings));
            cluster.waitFor(workers.get(0), "Running step statements");
            rabbitmqctl("stop_app");
            Thread.sleep(2000);
            rabbitmqctl("start_app");
            rabbitmqctl("await_startup");

            Finished run = cluster.finish(manager);
            System.out.println("[arcycle] the cycle across RabbitMQ's restart: exit " + run.exitCode()
                    + (run.exitCode() == code ? ", completed" : ", restarted"));
            if (run.exitCode() != code) {
                // The broker's restart may cost the step its partitions in flight: the run fails and says so.
                assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
                assertThat(run.output()).contains("scripts/arcycle restart --cycle-date 2026-01-31");
                Finished restarted = cluster.run(concat(new String[] {"restart"}, settings));
                assertThat(restarted.exitCode()).as(restarted.output()).isEqualTo(code);
            }
            assertThat(ClusterProcesses.filesAndHashes(out.resolve("2026-01-31")))
                    .isEqualTo(ClusterProcesses.filesAndHashes(referenceOut.resolve("2026-01-31")));
            try (Connection connection = cluster.connect();
                    ResultSet rs = connection.createStatement().executeQuery("SELECT STEP_NAME, COUNT(*) FROM"
                            + " BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE '%Partition:%' AND STATUS = 'COMPLETED'"
                            + " GROUP BY STEP_NAME HAVING COUNT(*) > 1")) {
                assertThat(rs.next()).as("a partition completed twice").isFalse();
            }
            for (Process worker : workers) {
                assertThat(worker.isAlive()).as("a worker outlives the broker's restart: " + cluster.log(worker))
                        .isTrue();
            }
        }
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private static void rabbitmqctl(String command) throws Exception {
        Process process = new ProcessBuilder("rabbitmqctl", command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("rabbitmqctl " + command + ": " + output).isZero();
    }

}
