package com.arcycle.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.arcycle.batch.CycleFolder;
import com.arcycle.testing.ManifestCheck;
import com.arcycle.testing.RunsCommands;
import com.arcycle.testing.SharedFiles;
import com.arcycle.testing.TestDatabase;

/**
 * A cycle's files live in one folder, and a published folder is never overwritten: what
 * run-cycle and restart refuse (exit 2, nothing done) and where a continued cycle writes. Today is
 * 2026-04-15 by the injected clock, so the small ledger's fourth cycle date is in the future.
 */
@SpringBootTest(properties = {"arcycle.batch.chunk-size=2", "arcycle.batch.skip-limit=0"})
@Import(CycleFolderIntegrationTests.Today.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CycleFolderIntegrationTests extends RunsCommands {

    @TestConfiguration(proxyBeanMethods = false)
    static class Today {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(LocalDate.parse("2026-04-15").atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.h2(registry, "cycle-folder");
    }

    @TempDir
    Path work;

    private long jobExecutions() {
        return jdbc.sql("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION").query(Long.class).single();
    }

    private static Map<String, String> hashes(Path folder) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(file).toString(), ManifestCheck.sha256(file));
            }
        }
        return files;
    }

    @Test
    void aCycleWritesIntoOneFolderAndNeverIntoAnotherRunsFiles() throws Exception {
        Path out = work.resolve("out");
        assertThat(console.run("run-cycle", "--cycle-date", "2026-01-31", "--out", out.toString())).isEqualTo(2);
        assertThat(console.output()).startsWith("Database: the embedded database ")
                .contains("the database has no customers; import a ledger first");

        Path ledger = SharedFiles.path("examples/small-ledger/ledger");
        assertThat(console.run("import-ledger", "--dir", ledger.toString(), "--out", out.toString())).isZero();

        // A folder holding another run's files (here: a file someone left) is refused, and left as it is.
        Path occupied = out.resolve("2026-01-31");
        Files.createDirectories(occupied);
        Files.writeString(occupied.resolve("aged-receivables.csv"), "account_number\nfrom another ledger\n");
        Map<String, String> before = hashes(occupied);
        long executions = jobExecutions();
        assertThat(console.run("run-cycle", "--cycle-date", "2026-01-31", "--out", out.toString())).isEqualTo(2);
        assertThat(console.output()).contains(occupied + " already holds files")
                .contains("a published cycle folder is never overwritten");
        assertThat(hashes(occupied)).isEqualTo(before);
        assertThat(jobExecutions()).as("nothing was started").isEqualTo(executions);

        // An --out that cannot be made a folder is refused before any step runs.
        Path notAFolder = work.resolve("a-file");
        Files.writeString(notAFolder, "x");
        assertThat(console.run("run-cycle", "--cycle-date", "2026-01-31", "--out", notAFolder.resolve("out")
                .toString())).isEqualTo(2);
        assertThat(console.output()).contains("the output folder " + notAFolder.resolve("out") + " cannot be written");
        assertThat(jobExecutions()).isEqualTo(executions);

        Path first = work.resolve("first");
        assertThat(console.run("run-cycle", "--cycle-date", "2026-01-31", "--out", first.toString())).isZero();
        assertThat(new CycleFolder(first.resolve("2026-01-31")).claim()).get().extracting(c -> c.get("cycle_date"))
                .isEqualTo("2026-01-31");

        // A cycle that failed continues in its folder; another --out is refused.
        jdbc.sql("UPDATE customer SET late_fee_mode = 'SOMETIMES' WHERE account_number = 'A008'").update();
        assertThat(console.run("run-cycle", "--cycle-date", "2026-03-02", "--out", first.toString())).isEqualTo(1);
        jdbc.sql("UPDATE customer SET late_fee_mode = 'HABITUAL' WHERE account_number = 'A008'").update();
        Path second = work.resolve("second");
        assertThat(console.run("run-cycle", "--cycle-date", "2026-03-02", "--out", second.toString())).isEqualTo(2);
        assertThat(console.output()).contains("the cycle of 2026-03-02 was started with its files in "
                + first.resolve("2026-03-02") + "; it continues there");
        assertThat(second).doesNotExist();
        assertThat(console.run("run-cycle", "--cycle-date", "2026-03-02")).as("no --out: its own folder").isZero();
        ManifestCheck.assertManifestMatchesFiles(first.resolve("2026-03-02"), "2026-03-02");
        assertThat(Path.of("out", "2026-03-02")).doesNotExist();

        // restart refuses a folder that now holds another run's files.
        jdbc.sql("UPDATE customer SET late_fee_mode = 'SOMETIMES' WHERE account_number = 'A008'").update();
        assertThat(console.run("run-cycle", "--cycle-date", "2026-04-01", "--out", first.toString())).isEqualTo(1);
        jdbc.sql("UPDATE customer SET late_fee_mode = 'HABITUAL' WHERE account_number = 'A008'").update();
        Path claim = first.resolve("2026-04-01").resolve(CycleFolder.MARKER);
        String ours = Files.readString(claim);
        Files.writeString(claim, ours.replaceFirst("run=.*", "run=another-run"));
        assertThat(console.run("restart")).isEqualTo(2);
        assertThat(console.output()).contains("restart refused: " + first.resolve("2026-04-01") + " holds files of"
                + " another run");
        Files.writeString(claim, ours);
        assertThat(console.run("restart")).isZero();

        assertThat(console.run("run-cycle", "--cycle-date", "2026-05-01", "--out", first.toString())).isEqualTo(2);
        assertThat(console.output()).contains("cycle date 2026-05-01 is later than today (2026-04-15)");
        assertThat(first.resolve("2026-05-01")).doesNotExist();
    }
}
