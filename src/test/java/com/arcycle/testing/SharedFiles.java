package com.arcycle.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/** The product's contract and examples, in ../shared beside the checkout (-Darcycle.shared=DIR elsewhere). */
public final class SharedFiles {

    private SharedFiles() {
    }

    public static Path path(String relative) {
        Path shared = Path.of(System.getProperty("arcycle.shared", "../shared")).toAbsolutePath().normalize();
        Path path = shared.resolve(relative);
        assertThat(Files.exists(path))
                .as("%s is missing: the tests read the spec's examples from ../shared beside the checkout"
                        + " (or -Darcycle.shared=DIR)", path)
                .isTrue();
        return path;
    }
}
