package com.arcycle.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
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
import com.arcycle.testing.SyntheticLedger;
import com.arcycle.testing.TestDatabase;

/**
 * A generated ledger of two thousand accounts: its cycle with the partitions on two and on three
 * worker processes (separate JVMs, through scripts/arcycle, on MariaDB and the running RabbitMQ)
 * writes the files of the same cycle run in one process, byte for byte, and every worker took part.
 * (One worker on such a ledger: ClusterKilledWorkerIntegrationTests; the small-ledger example on
 * one, two and three: ClusterSmallLedgerIntegrationTests.)
 */
@SpringBootTest
@EnabledWithMySql
@EnabledWithRabbitMq
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ClusterGeneratedLedgerIntegrationTests extends RunsCommands {

    private static final int ACCOUNTS = 2000;
    private static final String CYCLE = "2026-01-31";
    private static String reference;
    private static final List<String> scratch = new ArrayList<>();

    @TempDir
    static Path shared;
    private static Integer referenceCode;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        reference = TestDatabase.mySql(registry, "cluster_generated_reference");
    }

    @AfterAll
    static void dropDatabases() {
        TestDatabase.dropMySql(reference);
        scratch.forEach(TestDatabase::dropMySql);
    }

    @TempDir
    Path work;

    /** The ledger and its cycle in this JVM's one process, once for the class. */
    private Path ledger() throws java.io.IOException {
        Path ledger = shared.resolve("ledger");
        if (referenceCode == null) {
            SyntheticLedger.write(ledger, ACCOUNTS, 13);
            assertThat(console.run("import-ledger", "--dir", ledger.toString(), "--out", referenceOut().toString()))
                    .isZero();
            referenceCode = console.run("run-cycle", "--cycle-date", CYCLE, "--out", referenceOut().toString());
        }
        return ledger;
    }

    private static Path referenceOut() {
        return shared.resolve("reference");
    }

    @ParameterizedTest(name = "{0} workers")
    @ValueSource(ints = {2, 3})
    void workersWriteTheFilesOfTheOneProcessRun(int workers) throws Exception {
        Path ledger = ledger();
        String database = TestDatabase.createMySql("cluster_generated_" + workers);
        scratch.add(database);
        Path out = work.resolve("cluster");
        try (ClusterProcesses cluster = new ClusterProcesses(work.resolve("home"), database)) {
            assertThat(cluster.run("import-ledger", "--dir", ledger.toString(), "--out", out.toString()).exitCode())
                    .isZero();
            List<Process> started = cluster.workers(workers, "--arcycle.batch.chunk-size=50");
            // Twice as many partitions as workers; each worker takes one at a time, so each gets some.
            Finished run = cluster.run("run-cycle", "--cycle-date", CYCLE, "--out", out.toString(), "--cluster",
                    "--arcycle.cluster.partitions=" + 2 * workers, "--arcycle.cluster.poll-interval=500ms",
                    "--arcycle.cluster.worker-timeout=60s");
            assertThat(run.exitCode()).as(run.output()).isEqualTo(referenceCode);
            assertThat(run.output()).contains("The cycle of " + CYCLE + " completed");
            assertThat(ClusterProcesses.filesAndHashes(out.resolve(CYCLE)))
                    .isEqualTo(ClusterProcesses.filesAndHashes(referenceOut().resolve(CYCLE)));
            for (Process worker : started) {
                assertThat(cluster.log(worker)).as("every worker ran partitions").contains("Running step statements");
            }
        }
    }
}
