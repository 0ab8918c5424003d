package com.arcycle.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CycleFilesTests {

    @TempDir
    Path root;

    Path folder;

    @BeforeEach
    void cycleFolder() throws Exception {
        folder = Files.createDirectories(root.resolve("out/2026-01-31"));
        Files.writeString(folder.resolve("fees.csv"), "fees");
        Files.createDirectories(folder.resolve("statements"));
        Files.writeString(folder.resolve("statements/A001.pdf"), "pdf");
        Files.writeString(folder.resolve(".fees.csv.part"), "partial");
        Files.writeString(folder.resolve(".arcycle-cycle"), "marker");
        Files.writeString(root.resolve("out/secret.txt"), "not the cycle's");
        Files.createSymbolicLink(folder.resolve("link.csv"), root.resolve("out/secret.txt"));
    }

    @Test
    void servesTheCycleFilesAndItsStatements() throws Exception {
        assertThat(CycleFiles.download(folder, "fees.csv")).contains(folder.resolve("fees.csv").toRealPath());
        assertThat(CycleFiles.download(folder, "statements/A001.pdf"))
                .contains(folder.resolve("statements/A001.pdf").toRealPath());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../secret.txt", "statements/../../secret.txt", "..", "../2026-01-31/fees.csv",
            "/etc/passwd", "..\\secret.txt", "statements//A001.pdf", ".fees.csv.part", ".arcycle-cycle",
            "link.csv", "missing.csv", "statements", "", "./fees.csv"})
    void refusesAnythingElse(String name) throws Exception {
        assertThat(CycleFiles.download(folder, name)).as(name).isEmpty();
    }
}
