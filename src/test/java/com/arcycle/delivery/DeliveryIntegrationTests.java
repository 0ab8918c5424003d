package com.arcycle.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import com.arcycle.exports.CycleFolderCheck;
import com.arcycle.testing.CsvFiles;
import com.arcycle.testing.FirmSftpServer;
import com.arcycle.testing.LedgerTables;
import com.arcycle.testing.ManifestCheck;
import com.arcycle.testing.OpenPgpKeys;
import com.arcycle.testing.RunsCommands;
import com.arcycle.testing.SharedFiles;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivery to the AR firm against a real SFTP server (Apache MINA SSHD on a loopback port, a
 * temporary root), with OpenPGP keys made for the test. The small ledger's cycles run in order,
 * each test taking the next: the cycle delivers its files as its last step, a wrong host key is
 * refused, deliveries cut off mid-file or after a rename complete with nothing twice, and a
 * remittance file comes back as payments the next cycle applies.
 */
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class DeliveryIntegrationTests extends RunsCommands {

    private static final List<String> SENT = List.of("collections-referral.csv.pgp", "write-off.csv.pgp",
            "service-suspension.csv.pgp", "aged-receivables.csv.pgp", "statements-print.pdf.pgp", "manifest.json");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The AR firm of one test class: its SFTP server, the OpenPGP keys, and the class's output folder. */
    static final class Firm implements AutoCloseable {

        final Path work;
        final Path out;
        final FirmSftpServer server;
        final OpenPgpKeys keys;

        private Firm(String name) {
            work = Path.of("target", "delivery-tests", name + "-" + System.nanoTime()).toAbsolutePath();
            out = work.resolve("out");
            server = FirmSftpServer.start(work.resolve("firm"));
            keys = OpenPgpKeys.generate(work.resolve("keys"));
        }

        static Firm start(String name) {
            return new Firm(name);
        }

        void settings(DynamicPropertyRegistry registry) {
            server.settings().forEach((name, value) -> registry.add(name, () -> value));
            keys.settings().forEach((name, value) -> registry.add(name, () -> value));
            // The four default files, and the print file: large enough to be cut off in its middle.
            registry.add("arcycle.delivery.files", () -> "collections-referral.csv,write-off.csv,"
                    + "service-suspension.csv,aged-receivables.csv,statements-print.pdf");
        }

        @Override
        public void close() throws Exception {
            server.close();
        }
    }

    /** The subclass's firm. */
    abstract Firm firm();

    private Path remote(String cycle) {
        return firm().server.root().resolve("incoming").resolve(cycle);
    }

    private List<String> renamesInto(String cycle) {
        return firm().server.renames().stream().filter(r -> r.startsWith("incoming/" + cycle + "/"))
                .map(r -> r.substring(r.lastIndexOf('/') + 1)).toList();
    }

    private static List<String> filesOn(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The server's folder holds exactly the files sent, each with the SHA-256 its manifest gives. */
    private JsonNode assertCompleteOnTheServer(String cycle) throws Exception {
        assertThat(filesOn(remote(cycle))).as("files on the server, no partial one")
                .containsExactlyInAnyOrderElementsOf(SENT);
        JsonNode manifest = JSON.readTree(Files.readString(remote(cycle).resolve("manifest.json")));
        for (JsonNode entry : manifest.path("files")) {
            if (entry.has("encrypted_from")) {
                Path sent = remote(cycle).resolve(entry.get("name").asString());
                assertThat(ManifestCheck.sha256(sent)).as(entry.get("name").asString())
                        .isEqualTo(entry.get("sha256").asString());
                assertThat(Files.size(sent)).isEqualTo(entry.get("bytes").asLong());
            }
        }
        return manifest;
    }

    private long deliveredRows(String cycle, int attempt) {
        return jdbc.sql("SELECT COUNT(*) FROM delivery_file WHERE cycle_date = ? AND attempt = ? AND status ="
                + " 'DELIVERED'").params(LocalDate.parse(cycle), attempt).query(Long.class).single();
    }

    @Test
    @Order(1)
    void theCycleDeliversItsFilesEncryptedUnderTemporaryNamesWithTheManifestLast() throws Exception {
        Path ledger = SharedFiles.path("examples/small-ledger/ledger");
        assertThat(console.run("import-ledger", "--dir", ledger.toString(), "--out", firm().out.toString())).isZero();

        assertThat(console.run("run-cycle", "--cycle-date", "2026-01-31", "--out", firm().out.toString())).isZero();

        assertThat(renamesInto("2026-01-31")).as("each file renamed into place once, manifest.json last")
                .containsExactlyElementsOf(SENT);
        JsonNode manifest = assertCompleteOnTheServer("2026-01-31");
        assertThat(manifest.path("cycle_date").asString()).isEqualTo("2026-01-31");
        assertThat(manifest.path("delivery").path("encrypted").asBoolean()).isTrue();
        assertThat(manifest.path("ledger_totals").path("accounts").asInt()).isEqualTo(10);
        assertThat(deliveredRows("2026-01-31", 1)).isEqualTo(6);
        assertThat(LedgerTables.rows(jdbc, "SELECT attempt, again, status FROM delivery WHERE cycle_date = ?",
                LocalDate.parse("2026-01-31"))).containsExactly("1 false DELIVERED");
        assertThat(console.run("status")).isZero();
        assertThat(console.output()).contains("Deliveries to the AR firm:").containsPattern(
                "2026-01-31 +#1 +DELIVERED +6 of +6 files");
    }

    @Test
    @Order(2)
    void theFilesDecryptWithTheFirmsKeyToTheCycleFilesSignedByTheBusinessAndVerifyAgainstTheManifest()
            throws Exception {
        Path cycleFolder = firm().out.resolve("2026-01-31");
        Path firmCopy = firm().work.resolve("firm-received").resolve("2026-01-31");
        Files.createDirectories(firmCopy);
        JsonNode manifest = JSON.readTree(Files.readString(remote("2026-01-31").resolve("manifest.json")));
        for (String sent : SENT) {
            Files.copy(remote("2026-01-31").resolve(sent), firmCopy.resolve(sent));
            if (!sent.endsWith(".pgp")) {
                continue;
            }
            String plain = sent.substring(0, sent.length() - ".pgp".length());
            var decrypted = OpenPgpTests.decrypt(remote("2026-01-31").resolve(sent), firm().keys.firm(),
                    firm().keys.business().toCertificate());
            assertThat(decrypted.bytes()).as(plain).isEqualTo(Files.readAllBytes(cycleFolder.resolve(plain)));
            assertThat(decrypted.signatureVerifies()).as("signature of %s", sent).isTrue();
            Files.write(firmCopy.resolve(plain), decrypted.bytes());
            JsonNode entry = entry(manifest, plain);
            assertThat(entry.path("sha256").asString()).as("SHA-256 before encryption")
                    .isEqualTo(ManifestCheck.sha256(cycleFolder.resolve(plain)));
            assertThat(entry.path("delivered_as").asString()).isEqualTo(sent);
        }
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        int verified = CycleFolderCheck.verify(firmCopy, new PrintStream(report, true, StandardCharsets.UTF_8));
        assertThat(verified).as(report.toString(StandardCharsets.UTF_8)).isEqualTo(CycleFolderCheck.MATCHES);
    }

    private static JsonNode entry(JsonNode manifest, String name) {
        for (JsonNode entry : manifest.path("files")) {
            if (entry.path("name").asString().equals(name)) {
                return entry;
            }
        }
        throw new AssertionError(name + " is not in the delivery manifest");
    }

    @Test
    @Order(3)
    void aChangedOrUnknownHostKeyIsRefusedNamingTheServersFingerprint() throws Exception {
        FirmSftpServer server = firm().server;
        List<String> before = server.renames();
        try {
            server.writeKnownHosts(FirmSftpServer.anotherKey());
            assertThat(console.run("deliver", "--cycle-date", "2026-01-31", "--again")).isEqualTo(1);
            assertThat(console.output()).contains(server.hostKeyFingerprint()).contains("not the one the known_hosts");

            Files.writeString(server.knownHosts(), "");
            assertThat(console.run("fetch-remittances", "--out", firm().out.toString())).isEqualTo(1);
            assertThat(console.output()).contains(server.hostKeyFingerprint()).contains("has no key for it");
        } finally {
            server.writeKnownHosts(server.hostKey());
        }

        assertThat(firm().server.renames()).as("nothing was sent").isEqualTo(before);
        assertThat(deliveredRows("2026-01-31", 2)).isZero();
    }

    @Test
    @Order(4)
    void aDeliveryCutOffAfterARenameResumesTakingTheFileOnTheServerAsDelivered() throws Exception {
        firm().server.dropConnectionAfterRenaming("write-off.csv.pgp");

        assertThat(console.run("deliver", "--cycle-date", "2026-01-31")).isEqualTo(1);
        assertThat(console.run("deliver", "--cycle-date", "2026-01-31")).isZero();

        assertThat(console.output()).contains("write-off.csv.pgp: already on the server, complete")
                .contains("delivery #2, again").contains("1 found complete on the server");
        List<String> renames = renamesInto("2026-01-31");
        assertThat(renames.subList(SENT.size(), renames.size())).as("the deliberate second delivery")
                .containsExactlyElementsOf(SENT);
        assertCompleteOnTheServer("2026-01-31");
        assertThat(deliveredRows("2026-01-31", 2)).isEqualTo(6);
        assertThat(console.run("deliver", "--cycle-date", "2026-01-31")).isZero();
        assertThat(console.output()).contains("were delivered already (delivery #2");
    }

    @Test
    @Order(5)
    void anUploadCutOffMidFileFailsTheCycleAndDeliverCompletesItWithNoFileTwice() throws Exception {
        firm().server.dropConnectionWhileWriting("statements-print.pdf.pgp", 1);

        assertThat(console.run("run-cycle", "--cycle-date", "2026-03-02", "--out", firm().out.toString())).isEqualTo(1);
        assertThat(console.output()).contains("deliverFiles");
        assertThat(filesOn(remote("2026-03-02"))).contains(".statements-print.pdf.pgp.part")
                .doesNotContain("statements-print.pdf.pgp", "manifest.json");
        long recordedBytes = jdbc.sql("SELECT bytes FROM delivery_file WHERE cycle_date = ? AND file_name = ?")
                .params(LocalDate.parse("2026-03-02"), "statements-print.pdf").query(Long.class).single();
        assertThat(Files.size(remote("2026-03-02").resolve(".statements-print.pdf.pgp.part"))).as("cut off mid-file")
                .isLessThan(recordedBytes);

        assertThat(console.run("deliver", "--cycle-date", "2026-03-02")).isZero();
        assertThat(console.output()).contains("2 sent now");
        assertThat(console.run("restart", "--cycle-date", "2026-03-02")).isZero();

        assertThat(renamesInto("2026-03-02")).as("each file renamed into place once, manifest.json last")
                .containsExactlyElementsOf(SENT);
        assertCompleteOnTheServer("2026-03-02");
        assertThat(deliveredRows("2026-03-02", 1)).isEqualTo(6);
    }

    @Test
    @Order(6)
    void aRemittanceFileIsImportedOnceItsBadRowsRejectedWithTheirLinesAndTheNextCycleAppliesThePayment()
            throws Exception {
        for (String cycle : List.of("2026-04-01", "2026-05-01")) {
            assertThat(console.run("run-cycle", "--cycle-date", cycle, "--out", firm().out.toString())).isZero();
        }
        String remittance = """
                account_number,invoice_number,received_date,amount,commission,reference
                A004,I-4001,2026-05-15,1000.00,150.00,AGENCY 4471
                A004,,2026-05-16,12.5x,0.00,AGENCY 4472
                NOPE,,2026-05-16,10.00,1.00,AGENCY 4473
                A002,I-2001,2026-05-18,100.00,-1.00,AGENCY 4474
                """;
        Path outbox = Files.createDirectories(firm().server.root().resolve("outbox"));
        Files.writeString(outbox.resolve("remittance-2026-05-20.csv"), remittance);
        Files.writeString(outbox.resolve("notes.txt"), "not a remittance file");

        assertThat(console.run("fetch-remittances", "--out", firm().out.toString())).isEqualTo(3);

        assertThat(console.output()).contains("remittance-2026-05-20.csv line 3: amount 12.5x")
                .contains("remittance-2026-05-20.csv line 4: account_number NOPE")
                .contains("remittance-2026-05-20.csv line 5: commission -1.00");
        assertThat(LedgerTables.rows(jdbc, "SELECT payment_id, account_number, invoice_number, received_date, amount"
                + " FROM payment WHERE payment_id LIKE 'remittance-%'"))
                .containsExactly("remittance-2026-05-20.csv:2 A004 I-4001 2026-05-15 1000.00");
        assertThat(LedgerTables.rows(jdbc, "SELECT payment_id, commission FROM remittance_commission"))
                .containsExactly("remittance-2026-05-20.csv:2 150.00");
        assertThat(filesOn(outbox)).containsExactly("notes.txt", "processed");
        assertThat(outbox.resolve("processed/remittance-2026-05-20.csv")).hasContent(remittance.strip());
        List<CSVRecord> rejects = CsvFiles.rows(firm().out.resolve("remittances/remittance-2026-05-20-rejects.csv"));
        // The value is a text cell, neutralised against formulas as in import-rejects.csv.
        assertThat(rejects).extracting(r -> r.get("line") + " " + r.get("column") + " " + r.get("value"))
                .containsExactly("3 amount 12.5x", "4 account_number NOPE", "5 commission '-1.00");

        // The firm sends the same file again: nothing is loaded twice.
        Files.writeString(outbox.resolve("remittance-2026-05-20.csv"), remittance);
        assertThat(console.run("fetch-remittances", "--out", firm().out.toString())).isZero();
        assertThat(console.output()).contains("remittance-2026-05-20.csv: imported before");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payment WHERE payment_id LIKE 'remittance-%'").query(Long.class)
                .single()).isEqualTo(1);
        assertThat(console.run("status")).isZero();
        assertThat(console.output()).contains("Remittance files fetched from the AR firm:")
                .containsPattern("remittance-2026-05-20.csv +PROCESSED .* commission 150.00");

        assertThat(console.run("run-cycle", "--cycle-date", "2026-06-01", "--out", firm().out.toString())).isZero();

        BigDecimal before = agedTotal("2026-05-01", "A004");
        assertThat(agedTotal("2026-06-01", "A004")).as("the payment, not the commission, is applied")
                .isEqualByComparingTo(before.subtract(new BigDecimal("1000.00")));
    }

    private BigDecimal agedTotal(String cycle, String account) throws Exception {
        List<String> totals = new ArrayList<>();
        for (CSVRecord row : CsvFiles.rows(firm().out.resolve(cycle).resolve("aged-receivables.csv"))) {
            if (row.get("account_number").equals(account)) {
                totals.add(row.get("total"));
            }
        }
        assertThat(totals).as("%s in %s aged-receivables.csv", account, cycle).hasSize(1);
        return new BigDecimal(totals.get(0));
    }
}
