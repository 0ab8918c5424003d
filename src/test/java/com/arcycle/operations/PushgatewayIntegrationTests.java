package com.arcycle.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.arcycle.testing.CsvFiles;
import com.arcycle.testing.EnabledWithPushgateway;
import com.arcycle.testing.Launcher;
import com.arcycle.testing.Launcher.Launched;
import com.arcycle.testing.Pushgateway;
import com.arcycle.testing.SharedFiles;
import com.arcycle.testing.TestDatabase;

/**
 * A cycle run from the command line pushes its metrics to a real Pushgateway when one is
 * configured: arcycle's own counters agree with the files the run wrote, Spring Batch's job
 * metrics are there, and each command keeps its own group.
 */
@EnabledWithPushgateway
class PushgatewayIntegrationTests {

    @TempDir
    Path work;

    @Test
    void aCommandLineCyclePushesCountsThatAgreeWithItsFiles() throws Exception {
        try (Pushgateway gateway = Pushgateway.start(work.resolve("pushgateway.log"))) {
            Launcher arcycle = new Launcher(work.resolve("arcycle"))
                    .database(TestDatabase.h2Url(work.resolve("db/arcycle")))
                    .environment("MANAGEMENT_PROMETHEUS_METRICS_EXPORT_PUSHGATEWAY_ENABLED", "true")
                    .environment("MANAGEMENT_PROMETHEUS_METRICS_EXPORT_PUSHGATEWAY_ADDRESS", gateway.address());
            String ledger = SharedFiles.path("examples/small-ledger/ledger").toString();
            Launched imported = arcycle.run("import-ledger", "--dir", ledger);
            assertThat(imported.exitCode()).as(imported.output()).isZero();
            assertThat(pushed(gateway.metrics(), "arcycle_cycles_completed_total", "import-ledger"))
                    .as("an import completes no cycle").isZero();

            Launched cycle = arcycle.run("run-cycle", "--cycle-date", "2026-01-31");
            assertThat(cycle.exitCode()).as(cycle.output()).isIn(0, 3);

            String metrics = gateway.metrics();
            Path folder = arcycle.home().resolve("out/2026-01-31");
            long pdfs;
            try (Stream<Path> statements = Files.list(folder.resolve("statements"))) {
                pdfs = statements.filter(p -> p.toString().endsWith(".pdf")).count();
            }
            assertThat(pdfs).isPositive();
            assertThat(pushed(metrics, "arcycle_cycles_completed_total", "run-cycle")).isEqualTo(1);
            assertThat(pushed(metrics, "arcycle_statements_rendered_total", "run-cycle")).isEqualTo(pdfs);
            assertThat(pushed(metrics, "arcycle_fees_charged_total", "run-cycle"))
                    .isEqualTo(CsvFiles.rows(folder.resolve("fees.csv")).size());
            assertThat(pushed(metrics, "arcycle_referrals_total", "run-cycle")).as("accounts referred")
                    .isEqualTo(CsvFiles.rows(folder.resolve("collections-referral.csv")).stream()
                            .map(row -> row.get("account_number")).distinct().count());
            assertThat(metrics).as("Spring Batch's job metrics, pushed with the run's")
                    .containsPattern("spring_batch_job_seconds_count\\{[^}]*command=\"run-cycle\"[^}]*job=\"arcycle\""
                            + "[^}]*spring_batch_job_name=\"statement-cycle\"");
            assertThat(metrics).as("the import's push is a group of its own")
                    .containsPattern("spring_batch_job_seconds_count\\{[^}]*command=\"import-ledger\"");
        }
    }

    /** The value a command's group holds for a metric, as Prometheus would scrape it. */
    private static long pushed(String metrics, String name, String command) {
        Matcher value = Pattern.compile("(?m)^" + name + "\\{[^}]*command=\"" + Pattern.quote(command)
                + "\"[^}]*job=\"arcycle\"[^}]*} (\\S+)$").matcher(metrics);
        assertThat(value.find()).as(name + " of " + command + " in:\n" + metrics).isTrue();
        return (long) Double.parseDouble(value.group(1));
    }
}
