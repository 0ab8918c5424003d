package com.arcycle.console;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A cycle's folder as the console shows it: the files its manifest lists, and the one way a file
 * leaves it, {@link #download}, which serves only a plain file name directly inside the folder.
 */
final class CycleFiles {

    static final String MANIFEST = "manifest.json";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** A file as the manifest lists it: CSV files have a record count and a control total. */
    record ListedFile(String name, Long records, String controlColumn, BigDecimal controlTotal, long bytes,
            String sha256) {
    }

    private CycleFiles() {
    }

    /** The files of {@code manifest.json}, in its order; empty when the cycle wrote none (yet). */
    static List<ListedFile> listed(Path folder) throws IOException {
        Path manifest = folder.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return List.of();
        }
        JsonNode root = JSON.readTree(manifest.toFile());
        List<ListedFile> files = new ArrayList<>();
        for (JsonNode file : root.path("files")) {
            files.add(new ListedFile(file.path("name").asString(),
                    file.has("records") ? file.get("records").asLong() : null,
                    file.has("control_column") ? file.get("control_column").asString() : null,
                    file.has("control_total") ? file.get("control_total").decimalValue().setScale(2, java.math.RoundingMode.HALF_UP) : null,
                    file.path("bytes").asLong(), file.path("sha256").asString()));
        }
        return files;
    }

    /**
     * The file to send for a request of {@code name} from the cycle's folder ({@code fees.csv},
     * {@code statements/A001.pdf}), or empty when the request is refused: a {@code ..} or empty
     * segment, an absolute path, a backslash, a hidden or partial file, or anything (a link
     * among them) that leads out of the folder.
     */
    static Optional<Path> download(Path folder, String name) throws IOException {
        if (name == null || name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.indexOf('\0') >= 0
                || name.endsWith(".part")) {
            return Optional.empty();
        }
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty() || segment.startsWith(".")) {
                return Optional.empty(); // "..", ".", hidden files and "a//b" alike
            }
        }
        Path base = folder.toRealPath();
        Path file = base.resolve(name).normalize();
        if (!file.startsWith(base) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Path real = file.toRealPath();
        return real.startsWith(base) ? Optional.of(real) : Optional.empty();
    }
}
