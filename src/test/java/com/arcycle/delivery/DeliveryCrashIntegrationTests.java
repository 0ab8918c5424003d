package com.arcycle.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.arcycle.testing.FirmSftpServer;
import com.arcycle.testing.Launcher;
import com.arcycle.testing.Launcher.Launched;
import com.arcycle.testing.ManifestCheck;
import com.arcycle.testing.OpenPgpKeys;
import com.arcycle.testing.SharedFiles;
import com.arcycle.testing.TestDatabase;

/**
 * A cycle's process killed (SIGKILL) in the middle of an upload to the AR firm, as a power cut
 * would: the cycle runs through scripts/arcycle in its own JVM, the test's SFTP server holds the
 * print file's upload half-way, the process is killed there, and {@code scripts/arcycle restart}
 * finishes the delivery. The firm must end with every file once, complete, under its final name,
 * and no partial file left behind.
 */
class DeliveryCrashIntegrationTests {

    private static final List<String> SENT = List.of("collections-referral.csv.pgp", "write-off.csv.pgp",
            "service-suspension.csv.pgp", "aged-receivables.csv.pgp", "statements-print.pdf.pgp", "manifest.json");

    @TempDir
    Path work;

    @Test
    void aCycleKilledInTheMiddleOfAnUploadRestartsToEveryFileOnTheServerOnce() throws Exception {
        try (FirmSftpServer server = FirmSftpServer.start(work.resolve("firm"))) {
            OpenPgpKeys keys = OpenPgpKeys.generate(work.resolve("keys"));
            Launcher launcher = new Launcher(work.resolve("arcycle"))
                    .database(TestDatabase.h2Url(work.resolve("db/arcycle")))
                    // The passphrase comes from the environment, never the command line.
                    .environment("ARCYCLE_DELIVERY_PGP_SIGNINGKEYPASSPHRASE", OpenPgpKeys.PASSPHRASE);
            List<String> settings = new ArrayList<>();
            server.settings().forEach((name, value) -> settings.add("--" + name + "=" + value));
            keys.settings().forEach((name, value) -> {
                if (!name.endsWith("passphrase")) {
                    settings.add("--" + name + "=" + value);
                }
            });
            settings.add("--arcycle.delivery.files=collections-referral.csv,write-off.csv,service-suspension.csv,"
                    + "aged-receivables.csv,statements-print.pdf");
            Path out = work.resolve("out");

            Launched imported = launcher.run("import-ledger", "--dir",
                    SharedFiles.path("examples/small-ledger/ledger").toString(), "--out", out.toString());
            assertThat(imported.exitCode()).as(imported.output()).isZero();

            server.holdWhileWriting("statements-print.pdf.pgp", 1);
            Path log = work.resolve("killed-run.log");
            Process run = launcher.start(log, withSettings(settings, "run-cycle", "--cycle-date", "2026-01-31",
                    "--out", out.toString()));
            assertThat(server.awaitHolding(3, TimeUnit.MINUTES)).as("the upload of the print file began; log: %s",
                    log).isTrue();
            run.destroyForcibly();
            assertThat(run.waitFor()).as("killed with SIGKILL").isEqualTo(137);
            server.release();

            Path remote = server.root().resolve("incoming/2026-01-31");
            assertThat(names(remote)).as("the print file cut off under its temporary name, the manifest not sent")
                    .contains(".statements-print.pdf.pgp.part").doesNotContain("statements-print.pdf.pgp",
                            "manifest.json");

            Launched restarted = launcher.run(withSettings(settings, "restart", "--cycle-date", "2026-01-31"));
            assertThat(restarted.exitCode()).as(restarted.output()).isZero();
            assertThat(restarted.output()).contains("recovering it").contains("The cycle of 2026-01-31 completed");

            assertThat(server.renames().stream().map(r -> r.substring(r.lastIndexOf('/') + 1)).toList())
                    .as("each file renamed into place once, manifest.json last").containsExactlyElementsOf(SENT);
            assertThat(names(remote)).as("every file complete, no partial one left")
                    .containsExactlyInAnyOrderElementsOf(SENT);
            String manifest = Files.readString(remote.resolve("manifest.json"));
            for (String sent : SENT.subList(0, SENT.size() - 1)) {
                assertThat(manifest).as(sent).contains(ManifestCheck.sha256(remote.resolve(sent)));
            }
            Launched status = launcher.run("status");
            assertThat(status.output()).containsPattern("2026-01-31 +#1 +DELIVERED +6 of +6 files");
        }
    }

    private static String[] withSettings(List<String> settings, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(settings);
        return all.toArray(String[]::new);
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
