package com.arcycle.exports;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.arcycle.batch.CycleFolder;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code scripts/arcycle verify OUT/<cycle-date>}: checks a cycle folder against its manifest.json
 * the way the AR firm would on receipt, and needs no database. Every file the manifest lists must
 * be there with its size and SHA-256, and every CSV file with its record count and control total;
 * a file in the folder that the manifest does not list is reported too. Names may hold any
 * character (the manifest is read with a JSON parser); a name that would leave the folder is
 * reported, never opened.
 */
public final class CycleFolderCheck {

    /** Every file matches the manifest. */
    public static final int MATCHES = 0;
    /** Some file is missing, changed, miscounted or not listed. */
    public static final int DIFFERS = 1;
    /** Not a cycle folder, or no readable manifest. */
    public static final int NO_MANIFEST = 2;

    /** Files of the folder that are not cycle output: the manifest itself and the folder's claim. */
    private static final Set<String> NOT_LISTED = Set.of(ManifestFile.FILE, CycleFolder.MARKER);

    private CycleFolderCheck() {
    }

    public static int verify(Path folder, PrintStream out) {
        Path manifestFile = folder.resolve(ManifestFile.FILE);
        if (!Files.isRegularFile(manifestFile)) {
            out.println("verify: no " + ManifestFile.FILE + " in " + folder
                    + ": not a cycle folder, or its cycle has not completed");
            return NO_MANIFEST;
        }
        JsonNode manifest;
        try {
            manifest = JsonMapper.builder().build().readTree(Files.readString(manifestFile));
        } catch (IOException | JacksonException e) {
            out.println("verify: " + manifestFile + " cannot be read as JSON: " + e.getMessage());
            return NO_MANIFEST;
        }
        Path base = folder.toAbsolutePath().normalize();
        List<String> problems = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (JsonNode entry : manifest.path("files")) {
            String name = entry.path("name").asString("");
            listed.add(name);
            Path file = base.resolve(name).normalize();
            if (name.isEmpty() || !file.startsWith(base) || file.equals(base)) {
                problems.add("UNSAFE    " + shown(name) + ": the manifest names a file outside the folder");
                continue;
            }
            try {
                problems.addAll(check(name, file, entry));
            } catch (IOException | RuntimeException e) {
                problems.add("UNREADABLE " + shown(name) + ": " + e.getMessage());
            }
        }
        int count = listed.size();
        try (Stream<Path> files = Files.walk(base)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = base.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                if (!listed.contains(name) && !NOT_LISTED.contains(name)) {
                    problems.add("UNLISTED  " + shown(name) + ": in the folder, not in the manifest");
                }
            }
        } catch (IOException e) {
            problems.add("UNREADABLE " + base + ": " + e.getMessage());
        }
        problems.forEach(out::println);
        if (problems.isEmpty()) {
            out.println(count + " files match " + manifestFile + " (cycle " + manifest.path("cycle_date").asString("?")
                    + ")");
            return MATCHES;
        }
        out.println(problems.size() + " problem(s) found in " + base + " against its manifest: do not deliver or load"
                + " these files as they are");
        return DIFFERS;
    }

    private static List<String> check(String name, Path file, JsonNode entry) throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of("MISSING   " + shown(name));
        }
        List<String> problems = new ArrayList<>();
        long bytes = Files.size(file);
        if (bytes != entry.path("bytes").asLong(-1) || !CycleManifest.sha256(file).equals(entry.path("sha256")
                .asString(""))) {
            problems.add("CHANGED   " + shown(name) + ": its size or SHA-256 is not the manifest's");
        }
        if (entry.has("records")) {
            String column = entry.has("control_column") ? entry.get("control_column").asString() : null;
            CycleManifest.CsvFacts facts;
            try {
                facts = CycleManifest.csvFacts(file, column);
            } catch (IOException | RuntimeException e) {
                problems.add("UNREADABLE " + shown(name) + ": not the CSV file the manifest describes ("
                        + e.getMessage() + ")");
                return problems;
            }
            if (facts.records() != entry.get("records").asLong()) {
                problems.add("RECORDS   " + shown(name) + ": " + facts.records() + " records, the manifest says "
                        + entry.get("records").asLong());
            }
            if (column != null && facts.controlTotal().compareTo(entry.path("control_total").decimalValue()) != 0) {
                problems.add("TOTAL     " + shown(name) + ": " + column + " adds up to " + facts.controlTotal()
                        + ", the manifest says " + entry.path("control_total").decimalValue());
            }
        }
        return problems;
    }

    /** The name as given, quoted with Java escapes when it holds a control character or a space at an end. */
    private static String shown(String name) {
        boolean plain = !name.isEmpty() && name.strip().equals(name)
                && name.chars().noneMatch(c -> Character.isISOControl(c));
        if (plain) {
            return name;
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : name.toCharArray()) {
            if (Character.isISOControl(c)) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c == '"' ? "\\\"" : String.valueOf(c));
            }
        }
        return quoted.append('"').toString();
    }
}
