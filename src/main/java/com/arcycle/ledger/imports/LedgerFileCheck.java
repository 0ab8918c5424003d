package com.arcycle.ledger.imports;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.arcycle.ledger.imports.LedgerImport.Check;
import com.arcycle.ledger.imports.LedgerImport.Problem;

/**
 * Reads every ledger file of a folder once, whole, before any row is loaded: each must be UTF-8
 * CSV to its last line and have a header that names each column once, has every required column
 * and no near-miss of a column it lacks (late_fee_mod for late_fee_mode would otherwise be
 * ignored, and every customer would get the default fee mode). Other columns are ignored.
 */
final class LedgerFileCheck {

    /** Header names this close to a column the file lacks are taken for a misspelling of it. */
    static final int NEAR_MISS = 2;
    private static final String SEE_COLUMNS = "docs/ledger-files.md lists the columns of each file";

    private final String file;
    private final List<Problem> problems = new ArrayList<>();
    private final List<String> ignored = new ArrayList<>();

    private LedgerFileCheck(String file) {
        this.file = file;
    }

    static Check check(Path dir) {
        List<String> present = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        // The files are read side by side, one a core (the invoices and the payments are most of a
        // ledger); their problems are reported in the files' load order all the same.
        List<Future<LedgerFileCheck>> checks = new ArrayList<>();
        ExecutorService readers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            for (LedgerFile ledgerFile : LedgerFile.values()) {
                Path path = dir.resolve(ledgerFile.fileName);
                if (!Files.exists(path)) {
                    absent.add(ledgerFile.fileName);
                    continue;
                }
                present.add(ledgerFile.fileName);
                LedgerFileCheck check = new LedgerFileCheck(ledgerFile.fileName);
                checks.add(readers.submit(() -> {
                    check.read(ledgerFile, path);
                    return check;
                }));
            }
            for (Future<LedgerFileCheck> running : checks) {
                LedgerFileCheck check = running.get();
                problems.addAll(check.problems);
                ignored.addAll(check.ignored);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the ledger files were checked", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            readers.shutdownNow();
        }
        otherFiles(dir, absent, ignored, problems);
        return new Check(present, absent, ignored, problems);
    }

    /** A file named almost like an absent ledger file is refused; it was surely meant to be loaded. */
    private static void otherFiles(Path dir, List<String> absent, List<String> ignored, List<Problem> problems) {
        Set<String> others = new TreeSet<>();
        Set<String> ledgerNames = new HashSet<>();
        for (LedgerFile ledgerFile : LedgerFile.values()) {
            ledgerNames.add(ledgerFile.fileName);
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path path : files) {
                String name = path.getFileName().toString();
                if (!ledgerNames.contains(name) && Files.isRegularFile(path)) {
                    others.add(name);
                }
            }
        } catch (IOException e) {
            problems.add(new Problem(dir.toString(), 0, "the folder cannot be listed (" + e.getMessage() + ")",
                    "check the folder's permissions"));
            return;
        }
        List<String> notLoaded = new ArrayList<>();
        for (String name : others) {
            String meant = nearest(name, absent);
            if (meant != null) {
                problems.add(new Problem(name, 0, "not a ledger file name; did you mean " + meant + "?",
                        "rename the file to " + meant));
            } else if (name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                notLoaded.add(name);
            }
        }
        if (!notLoaded.isEmpty()) {
            ignored.add("not ledger files, not loaded: " + String.join(", ", notLoaded));
        }
    }

    private void read(LedgerFile ledgerFile, Path path) {
        if (!Files.isRegularFile(path)) {
            problems.add(new Problem(file, 0, "is not a file", "put the ledger's CSV export in its place"));
            return;
        }
        try (LedgerCsv csv = LedgerCsv.open(path)) {
            header(ledgerFile, csv.header());
            while (csv.next() != null) {
                // Read to the last line: a problem anywhere in the file refuses it before any row is loaded.
            }
        } catch (FileProblem problem) {
            problems.add(new Problem(file, problem.line(), problem.getMessage(), problem.todo()));
        } catch (IOException e) {
            problems.add(new Problem(file, 0, "cannot be read (" + e.getMessage() + ")",
                    "check that the file can be read by the user running arcycle"));
        }
    }

    private void header(LedgerFile ledgerFile, List<String> header) {
        if (header == null) {
            refuse("the file is empty: it has no header line",
                    "export it again, or remove the file when there is nothing to load");
            return;
        }
        if (header.size() == 1 && header.get(0).contains(";")) {
            refuse("the header is one column \"" + header.get(0) + "\": the file is separated by semicolons",
                    "export it separated by commas (in Excel: Save As \"CSV UTF-8\")");
            return;
        }
        Map<String, String> seen = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.isEmpty()) {
                refuse("column " + (i + 1) + " of the header has no name",
                        "name the column, or remove it with its values");
                continue;
            }
            String earlier = seen.putIfAbsent(normalized(name), name);
            if (earlier != null) {
                refuse(earlier.equals(name) ? "the header has the column " + name + " twice"
                        : "the header has the columns " + earlier + " and " + name + ", which differ only in case"
                                + " or separators", "remove or rename one of them");
            } else if (!ledgerFile.columns.contains(name)) {
                unknown.add(name);
            }
        }
        List<String> lacking = new ArrayList<>(ledgerFile.columns.stream().filter(c -> !header.contains(c)).toList());
        for (String name : unknown) {
            String meant = nearest(name, lacking);
            if (meant == null) {
                ignored.add(file + ": column " + name + " is not a column of this file; it is ignored");
            } else {
                lacking.remove(meant);
                refuse("column " + name + " is not a column of " + file + "; did you mean " + meant + "?",
                        "rename the column to " + meant);
            }
        }
        List<String> missing = lacking.stream().filter(ledgerFile.required::contains).toList();
        if (missing.size() == 1) {
            refuse("the header has no column " + missing.get(0) + ", which " + file + " must have",
                    "add the column (" + SEE_COLUMNS + ")");
        } else if (!missing.isEmpty()) {
            refuse("the header has no columns " + String.join(", ", missing) + ", which " + file + " must have",
                    "add the columns (" + SEE_COLUMNS + ")");
        }
    }

    private void refuse(String reason, String todo) {
        problems.add(new Problem(file, 1, reason, todo));
    }

    /** The candidate {@code name} is most likely a misspelling of, or null. */
    static String nearest(String name, List<String> candidates) {
        String nearest = null;
        int best = NEAR_MISS + 1;
        for (String candidate : candidates) {
            int distance = distance(normalized(name), normalized(candidate));
            if (distance < best) {
                best = distance;
                nearest = candidate;
            }
        }
        return nearest;
    }

    /** Case, '-' and ' ' for '_' make no difference to what a column name was meant to be. */
    private static String normalized(String name) {
        return name.toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }

    /** Levenshtein distance: the fewest single-character insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
