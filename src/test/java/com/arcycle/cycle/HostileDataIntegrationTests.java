package com.arcycle.cycle;

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
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import com.arcycle.exports.CycleFolderCheck;
import com.arcycle.testing.CsvFiles;
import com.arcycle.testing.ManifestCheck;
import com.arcycle.testing.RunsCommands;
import com.arcycle.testing.SharedFiles;

/**
 * Data that import would refuse, put into the database by hand (or by an earlier version): account
 * numbers that are paths, names that are spreadsheet formulas, sums beyond what a column holds.
 * The cycle completes, no file lands outside the cycle folder, every statement is in the manifest,
 * the exported text cannot run in a spreadsheet, and an account it cannot handle is skipped into
 * rejects.csv with its number (exit 3), never failing the run.
 */
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class HostileDataIntegrationTests extends RunsCommands {

    private static final String CYCLE = "2026-01-31";
    private static final String TOO_LONG = "€".repeat(64);
    private static final String MAX_AMOUNT = "9999999999999.99";

    @TempDir
    Path work;

    @Autowired
    JdbcTemplate sql;

    private void customer(String account, String name) {
        sql.update("INSERT INTO customer (account_number, name, customer_since, recurring_service)"
                + " VALUES (?, ?, DATE '2025-01-01', FALSE)", account, name);
    }

    private void invoice(String number, String account, String amount) {
        sql.update("INSERT INTO invoice (invoice_number, account_number, issue_date, due_date, amount)"
                + " VALUES (?, ?, DATE '2025-11-01', DATE '2025-12-01', ?)", number, account, new BigDecimal(amount));
    }

    @Test
    void aCycleOverHostileDataKeepsItsFilesInItsFolderAndSkipsWhatItCannotHandle() throws Exception {
        Path out = work.resolve("out");
        Path example = SharedFiles.path("examples/small-ledger/ledger");
        assertThat(console.run("import-ledger", "--dir", example.toString(), "--out", out.toString())).isZero();

        String absolute = "/tmp/arcycle-absolute-" + UUID.randomUUID();
        Map<String, String> accounts = Map.of(
                "../../../escaped", "=HYPERLINK(\"http://evil.example\",\"click\")",
                absolute, "+1+cmd|' /C calc'!A0",
                "ACME/001", "@SUM(1+1)",
                "a b\\c", "-2+3",
                TOO_LONG, "Long Account Number Ltd");
        int n = 0;
        for (var account : accounts.entrySet()) {
            customer(account.getKey(), account.getValue());
            invoice("H-" + (++n), account.getKey(), "120.00");
        }
        // Credit: a payment larger than the invoice leaves a negative total, which must stay a number.
        customer("CREDIT-1", "=cmd");
        invoice("C-1", "CREDIT-1", "40.00");
        sql.update("INSERT INTO payment (payment_id, account_number, received_date, amount)"
                + " VALUES ('P-C-1', 'CREDIT-1', DATE '2026-01-10', 100.00)");
        // Two invoices of the largest amount a column holds: their sum needs a wider column.
        customer("BIG-2", "Big Two Inc");
        invoice("B-1", "BIG-2", MAX_AMOUNT);
        invoice("B-2", "BIG-2", MAX_AMOUNT);
        // 10,001 of them: beyond the largest sum arcycle stores.
        customer("SUM-OVER", "Sum Over Inc");
        List<Object[]> many = new ArrayList<>();
        for (int i = 0; i <= 10_000; i++) {
            many.add(new Object[] {"S-" + i, "SUM-OVER", new BigDecimal(MAX_AMOUNT)});
        }
        sql.batchUpdate("INSERT INTO invoice (invoice_number, account_number, issue_date, due_date, amount)"
                + " VALUES (?, ?, DATE '2025-11-01', DATE '2025-12-01', ?)", many);

        assertThat(console.run("run-cycle", "--cycle-date", CYCLE, "--out", out.toString()))
                .as("completed, with accounts skipped").isEqualTo(3);

        Path folder = out.resolve(CYCLE);
        assertThat(out.getParent().resolve("escaped.pdf")).doesNotExist();
        assertThat(Path.of(absolute + ".pdf")).doesNotExist();
        try (var files = Files.list(folder.resolve("statements"))) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).contains("%2E.%2F..%2F..%2Fescaped.pdf",
                    absolute.replace("/", "%2F") + ".pdf", "ACME%2F001.pdf", "a%20b%5Cc.pdf")
                    .noneMatch(name -> name.startsWith("%E2%82%AC"));
        }
        ManifestCheck.assertManifestMatchesFiles(folder, CYCLE);
        String manifest = Files.readString(folder.resolve("manifest.json"));
        assertThat(manifest).contains("\"statements/a%20b%5Cc.pdf\"", "\"statements/ACME%2F001.pdf\"");
        ByteArrayOutputStream verified = new ByteArrayOutputStream();
        assertThat(CycleFolderCheck.verify(folder, new PrintStream(verified, true, StandardCharsets.UTF_8)))
                .as(verified.toString(StandardCharsets.UTF_8)).isEqualTo(CycleFolderCheck.MATCHES);

        Map<String, List<String>> skipped = CsvFiles.rows(folder.resolve("rejects.csv")).stream().collect(
                Collectors.groupingBy(r -> r.get("account_number"), Collectors.mapping(r -> r.get("step") + ": "
                        + r.get("reason"), Collectors.toList())));
        assertThat(skipped.get(TOO_LONG)).singleElement().asString().startsWith("statements: the account number is"
                + " too long");
        assertThat(skipped.get("SUM-OVER")).anySatisfy(reason -> assertThat(reason).startsWith("dunning:")
                .contains("beyond the largest sum arcycle stores"));

        Map<String, CSVRecord> aged = CsvFiles.rows(folder.resolve("aged-receivables.csv")).stream()
                .collect(Collectors.toMap(r -> r.get("account_number"), r -> r));
        assertThat(aged.get("../../../escaped").get("name")).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"click\")");
        assertThat(aged.get("ACME/001").get("name")).isEqualTo("'@SUM(1+1)");
        assertThat(aged.get("a b\\c").get("name")).isEqualTo("'-2+3");
        assertThat(aged.get("CREDIT-1").get("name")).isEqualTo("'=cmd");
        assertThat(aged.get("CREDIT-1").get("total")).as("a negative amount stays a number").isEqualTo("-60.00");
        assertThat(aged.get("CREDIT-1").get("unapplied_credit")).isEqualTo("60.00");
        assertThat(aged).doesNotContainKey("SUM-OVER");

        Map<String, CSVRecord> dunning = CsvFiles.rows(folder.resolve("dunning.csv")).stream()
                .collect(Collectors.toMap(r -> r.get("account_number"), r -> r));
        assertThat(dunning.get("BIG-2").get("past_due_total")).isEqualTo("19999999999999.98");
        assertThat(jdbc.sql("SELECT status FROM cycle WHERE cycle_date = ?").param(LocalDate.parse(CYCLE))
                .query(String.class).single()).isEqualTo("COMPLETED");
    }
}
