package com.arcycle.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.arcycle.testing.ManifestCheck;

/**
 * verify checks a cycle folder against its manifest as the AR firm would, whatever the names hold
 * (spaces, backslashes, quotes), and reports what is missing, changed, miscounted or not listed.
 */
class CycleFolderCheckTests {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private int verify() {
        return CycleFolderCheck.verify(folder, new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static final String FEES = "fee_id,account_number,invoice_number,basis,amount\n"
            + "LF-1-20260131,A 1,1,100.00,2.00\nLF-2-20260131,B\\2,2,300.00,4.50\n";

    @BeforeEach
    void aCycleFolder() throws IOException {
        Files.writeString(folder.resolve("fees.csv"), FEES);
        Files.createDirectories(folder.resolve("statements"));
        Files.writeString(folder.resolve("statements/A 1\\ \"x\".pdf"), "%PDF-1.7 one");
        Files.writeString(folder.resolve(".arcycle-cycle"), "run=1\n");
        Files.writeString(folder.resolve("manifest.json"), """
                {
                  "cycle_date" : "2026-01-31",
                  "files" : [ {
                    "name" : "fees.csv", "records" : 2, "control_column" : "amount", "control_total" : 6.50,
                    "bytes" : %d, "sha256" : "%s"
                  }, {
                    "name" : "statements/A 1\\\\ \\"x\\".pdf", "bytes" : 12, "sha256" : "%s"
                  } ]
                }
                """.formatted(FEES.length(), ManifestCheck.sha256(folder.resolve("fees.csv")),
                ManifestCheck.sha256(folder.resolve("statements/A 1\\ \"x\".pdf"))));
    }

    @Test
    void aFolderAsTheManifestSaysMatchesWhateverItsNamesHold() {
        assertThat(verify()).as(output()).isEqualTo(CycleFolderCheck.MATCHES);
        assertThat(output()).contains("2 files match");
    }

    @Test
    void aChangedFileIsReportedWithItsCountAndTotal() throws IOException {
        Files.writeString(folder.resolve("fees.csv"), FEES + "LF-3-20260131,C3,3,100.00,2.00\n");
        assertThat(verify()).isEqualTo(CycleFolderCheck.DIFFERS);
        assertThat(output()).contains("CHANGED   fees.csv").contains("RECORDS   fees.csv: 3 records, the manifest says 2")
                .contains("TOTAL     fees.csv: amount adds up to 8.50, the manifest says 6.5");
    }

    @Test
    void aMissingFileAndAFileTheManifestDoesNotListAreReported() throws IOException {
        Files.delete(folder.resolve("statements/A 1\\ \"x\".pdf"));
        Files.writeString(folder.resolve("statements/stray one.pdf"), "%PDF");
        Files.writeString(folder.resolve(".fees.csv.part"), "left over");
        assertThat(verify()).isEqualTo(CycleFolderCheck.DIFFERS);
        assertThat(output()).contains("MISSING   statements/A 1\\ \"x\".pdf")
                .contains("UNLISTED  statements/stray one.pdf").contains("UNLISTED  .fees.csv.part")
                .doesNotContain("UNLISTED  .arcycle-cycle");
    }

    @Test
    void aManifestNamingAFileOutsideTheFolderIsReportedNotOpened() throws IOException {
        String manifest = Files.readString(folder.resolve("manifest.json"));
        Files.writeString(folder.resolve("manifest.json"), manifest.replace("\"name\" : \"fees.csv\"",
                "\"name\" : \"../../etc/passwd\""));
        assertThat(verify()).isEqualTo(CycleFolderCheck.DIFFERS);
        assertThat(output()).contains("UNSAFE    ../../etc/passwd").contains("UNLISTED  fees.csv");
    }

    @Test
    void aFolderWithoutManifestIsNotACycleFolder() throws IOException {
        Files.delete(folder.resolve("manifest.json"));
        assertThat(verify()).isEqualTo(CycleFolderCheck.NO_MANIFEST);
        assertThat(output()).contains("no manifest.json in " + folder);
    }
}
