package com.arcycle.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.arcycle.platform.PrivateFiles;

/**
 * A cycle's folder, {@code OUT/<cycle-date>/}, holds the files of one run of one cycle and nothing
 * else. When the cycle starts it claims the folder with a small file, {@value #MARKER}, naming the
 * cycle date, the run (an id kept in the cycle table) and the database; a new cycle only starts in
 * a folder that is absent or empty, and a failed cycle only continues in a folder it claimed. So a
 * published folder of another run (another database, an earlier ledger) is never overwritten.
 */
public final class CycleFolder {

    /** The claim file in every cycle folder; not one of the cycle's output files. */
    public static final String MARKER = ".arcycle-cycle";

    private final Path folder;

    public CycleFolder(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    public Path path() {
        return folder;
    }

    /** What the folder's claim says, or empty when it has none. */
    public Optional<Map<String, String>> claim() {
        try {
            Map<String, String> values = new LinkedHashMap<>();
            for (String line : Files.readAllLines(folder.resolve(MARKER), StandardCharsets.UTF_8)) {
                int equals = line.indexOf('=');
                if (equals > 0) {
                    values.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
            return Optional.of(values);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder.resolve(MARKER), e);
        }
    }

    /** Why a new cycle may not write here (the folder holds files), or empty. */
    public Optional<String> refusalForNewCycle() {
        if (isAbsentOrEmpty()) {
            return Optional.empty();
        }
        return Optional.of(folder + " already holds files" + ofWhom() + "; a published cycle folder is never"
                + " overwritten. Move them away, or give another --out");
    }

    /** Why the run {@code runId} may not continue here (the folder holds another run's files), or empty. */
    public Optional<String> refusalToContinue(String runId) {
        if (isAbsentOrEmpty() || claim().map(c -> runId != null && runId.equals(c.get("run"))).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of(folder + " holds files" + ofWhom() + ", not of this cycle's run; it is never"
                + " overwritten. Move them away, then run the command again");
    }

    /**
     * Claims the folder for the run (creating it 0750): writes the claim file when it is not there.
     *
     * @throws IllegalStateException when the folder holds another run's files
     */
    public void claimFor(LocalDate cycleDate, String runId, String database) {
        Optional<String> refusal = refusalToContinue(runId);
        if (refusal.isPresent()) {
            throw new IllegalStateException(refusal.get());
        }
        if (claim().isPresent()) {
            return;
        }
        try {
            PrivateFiles.createDirectories(folder);
            Path partial = folder.resolve(MARKER + ".part");
            try (OutputStream out = PrivateFiles.newOutputStream(partial)) {
                out.write(("# arcycle: this folder holds the files of one statement cycle run; do not edit\n"
                        + "cycle_date=" + cycleDate + "\nrun=" + runId + "\ndatabase=" + database + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            Files.move(partial, folder.resolve(MARKER), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot claim the cycle folder " + folder, e);
        }
    }

    private boolean isAbsentOrEmpty() {
        if (!Files.isDirectory(folder)) {
            return !Files.exists(folder);
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the folder " + folder, e);
        }
    }

    private String ofWhom() {
        return claim().map(c -> " of another run (cycle " + c.getOrDefault("cycle_date", "?") + " on database "
                + c.getOrDefault("database", "?") + ")").orElse("");
    }
}
