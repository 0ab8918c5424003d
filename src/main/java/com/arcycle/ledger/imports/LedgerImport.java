package com.arcycle.ledger.imports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.arcycle.batch.CycleDates;

/**
 * What the import-ledger command needs of this package: the check of the files before any row
 * is loaded, the job's parameters, and what the job did with each file.
 */
public final class LedgerImport {

    public static final String JOB_NAME = "import-ledger";
    /**
     * Job parameters: the folder of the files, the files the check found and passed, and OUT, the
     * rejects' folder (the cycle's parameter of that name).
     */
    public static final String LEDGER_DIR = "ledger.dir";
    public static final String LEDGER_FILES = "ledger.files";
    public static final String OUT_DIR = CycleDates.OUT_DIR_PARAMETER;
    /** Job parameter that makes each run a new job instance: importing the same files again is allowed. */
    public static final String RUN_ID = "run.id";
    /** The rejected rows of an import, in its --out folder. */
    public static final String REJECTS_FILE = "import-rejects.csv";
    /** The ledger files, in the order they are loaded. */
    public static final List<String> FILES = Stream.of(LedgerFile.values()).map(f -> f.fileName).toList();

    private LedgerImport() {
    }

    /** A problem that refuses a file: where it is, why, and what to do about it. Line 0: the file as a whole. */
    public record Problem(String file, long line, String reason, String todo) {

        @Override
        public String toString() {
            return file + (line > 0 ? " line " + line : "") + ": " + reason + (reason.endsWith("?") ? "" : ".")
                    + " What to do: " + todo + ".";
        }
    }

    /**
     * The ledger files of a folder, read whole: which are present and absent, the columns and
     * files that are ignored, and the problems that refuse the import.
     */
    public record Check(List<String> present, List<String> absent, List<String> ignored, List<Problem> problems) {

        public boolean refused() {
            return !problems.isEmpty();
        }
    }

    /** Reads every ledger file in {@code dir} to its end; loads nothing. */
    public static Check check(Path dir) {
        return LedgerFileCheck.check(dir);
    }

    /**
     * What the import did with one file. {@code notes} are the first few things loaded in a way
     * the file did not say (a customer_since kept), {@code noteCount} all of them.
     */
    public record FileResult(String file, BatchStatus status, long read, long loaded, long updated,
            long unchanged, long rejected, long noteCount, List<String> notes) {
    }

    /** Each ledger file's step of an import run, in load order (steps that never started are left out). */
    public static List<FileResult> results(JobExecution execution) {
        List<FileResult> results = new ArrayList<>();
        for (LedgerFile file : LedgerFile.values()) {
            for (StepExecution step : execution.getStepExecutions()) {
                if (step.getStepName().equals(file.stepName())) {
                    ExecutionContext context = step.getExecutionContext();
                    String notes = context.getString(LedgerImportWriter.NOTES, "");
                    results.add(new FileResult(file.fileName, step.getStatus(), step.getReadCount(),
                            context.getLong(LedgerImportWriter.LOADED, 0),
                            context.getLong(LedgerImportWriter.UPDATED, 0),
                            context.getLong(LedgerImportWriter.UNCHANGED, 0),
                            context.getLong(LedgerImportWriter.REJECTED, 0),
                            context.getLong(LedgerImportWriter.NOTE_COUNT, 0),
                            notes.isEmpty() ? List.of() : List.of(notes.split("\n"))));
                }
            }
        }
        return results;
    }
}
