package com.arcycle.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import com.arcycle.testing.ExpectedFiles;
import com.arcycle.testing.ManifestCheck;
import com.arcycle.testing.Pdfs;
import com.arcycle.testing.RunsCommands;
import com.arcycle.testing.SharedFiles;

/**
 * The spec's worked example: import the small ledger, run its four cycles in order on a fresh
 * database, and compare every required column of every expected file and of its call list
 * (rule 8, kept in {@code call-list/<cycle-date>/}).
 */
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class SmallLedgerExampleIntegrationTests extends RunsCommands {

    static final List<String> CYCLES = List.of("2026-01-31", "2026-03-02", "2026-04-01", "2026-05-01");

    @TempDir
    Path out;

    /** One PDF per account with action STATEMENT or REFERRED, each recorded with its SHA-256. */
    private void assertStatementsAreThoseOfTheDunningFile(Path folder, String cycle) throws Exception {
        List<String> sent = Files.readAllLines(folder.resolve("dunning.csv")).stream().skip(1)
                .map(line -> line.split(","))
                .filter(row -> row[7].equals("STATEMENT") || row[7].equals("REFERRED"))
                .map(row -> row[0] + ".pdf").toList();
        try (var files = Files.list(folder.resolve("statements"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).as("statements of %s", cycle)
                    .isEqualTo(sent);
        }
        for (String file : sent) {
            String recorded = jdbc.sql("SELECT sha256 FROM statement WHERE cycle_date = ? AND file_name = ?")
                    .params(LocalDate.parse(cycle), "statements/" + file).query(String.class).single();
            assertThat(recorded).as("recorded SHA-256 of %s", file)
                    .isEqualTo(ManifestCheck.sha256(folder.resolve("statements").resolve(file)));
        }
        // No mail server is configured: every statement goes to paper, copied from its PDF.
        int pages = 0;
        for (String file : sent) {
            pages += Pdfs.pageCount(Files.readAllBytes(folder.resolve("statements").resolve(file)));
        }
        assertThat(Pdfs.pageCount(Files.readAllBytes(folder.resolve("statements-print.pdf"))))
                .as("the print file of %s holds every statement", cycle).isEqualTo(pages);
        assertThat(folder.resolve("cycle-summary.pdf")).exists();
    }

    @Test
    void fourCyclesReproduceEveryRequiredColumnOfTheExpectedFiles() throws Exception {
        Path example = SharedFiles.path("examples/small-ledger");
        assertThat(console.run("import-ledger", "--dir", example.resolve("ledger").toString(), "--out", out.toString()))
                .as("import-ledger exit code").isZero();
        for (String cycle : CYCLES) {
            assertThat(console.run("run-cycle", "--cycle-date", cycle, "--out", out.toString()))
                    .as("run-cycle %s exit code", cycle).isZero();
            ExpectedFiles.assertSameRequiredColumns(example.resolve("expected").resolve(cycle), out.resolve(cycle));
            ExpectedFiles.assertSameRequiredColumns(example.resolve("call-list").resolve(cycle), out.resolve(cycle));
            ManifestCheck.assertManifestMatchesFiles(out.resolve(cycle), cycle);
            assertStatementsAreThoseOfTheDunningFile(out.resolve(cycle), cycle);
        }
    }
}
