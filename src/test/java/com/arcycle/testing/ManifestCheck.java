package com.arcycle.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.apache.commons.csv.CSVRecord;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Checks a cycle folder's manifest.json the way the AR firm would before loading the files. */
public final class ManifestCheck {

    public static final List<String> CSV_FILES = List.of("aged-receivables.csv", "fees.csv", "dunning.csv",
            "collections-referral.csv", "write-off.csv", "service-suspension.csv", "rejects.csv");

    private ManifestCheck() {
    }

    public static JsonNode assertManifestMatchesFiles(Path folder, String cycleDate) throws IOException {
        JsonNode manifest = JsonMapper.builder().build().readTree(Files.readString(folder.resolve("manifest.json")));
        assertThat(manifest.get("cycle_date").asString()).isEqualTo(cycleDate);
        List<String> names = new ArrayList<>();
        for (JsonNode entry : manifest.get("files")) {
            String name = entry.get("name").asString();
            names.add(name);
            Path file = folder.resolve(name);
            assertThat(file).as(name).exists();
            assertThat(entry.get("sha256").asString()).as("%s sha256", name).isEqualTo(sha256(file));
            assertThat(entry.get("bytes").asLong()).as("%s bytes", name).isEqualTo(Files.size(file));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as("%s permissions", name)
                    .isEqualTo("rw-r-----");
            if (name.endsWith(".csv")) {
                List<CSVRecord> rows = CsvFiles.rows(file);
                assertThat(entry.get("records").asLong()).as("%s records", name).isEqualTo(rows.size());
                if (entry.has("control_total")) {
                    String column = entry.get("control_column").asString();
                    BigDecimal total = rows.stream().map(r -> new BigDecimal(r.get(column)))
                            .reduce(new BigDecimal("0.00"), BigDecimal::add);
                    assertThat(entry.get("control_total").decimalValue()).as("%s control total", name)
                            .isEqualByComparingTo(total);
                }
            }
        }
        assertThat(names).containsAll(CSV_FILES);
        try (var listing = Files.list(folder)) {
            assertThat(listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")))
                    .as("every CSV file is in the manifest").allMatch(names::contains);
        }
        BigDecimal agedTotal = CsvFiles.rows(folder.resolve("aged-receivables.csv")).stream()
                .map(r -> new BigDecimal(r.get("total"))).reduce(new BigDecimal("0.00"), BigDecimal::add);
        assertThat(manifest.get("ledger_totals").get("net_receivable").decimalValue()).isEqualByComparingTo(agedTotal);
        assertThat(manifest.get("policy").get("grace-days").asInt()).isEqualTo(10);
        return manifest;
    }


    public static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
