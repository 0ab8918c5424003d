package com.arcycle.operations;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import com.arcycle.ledger.imports.LedgerImport;
import com.arcycle.ledger.imports.LedgerImport.Check;
import com.arcycle.ledger.imports.LedgerImport.FileResult;
import com.arcycle.ledger.imports.LedgerImport.Problem;

/**
 * {@code import-ledger --dir DIR [--out OUT]}: checks every ledger file of DIR whole, then loads
 * them. A file-level problem in any file refuses the import before any row is loaded (exit 2).
 */
@Component
class ImportCommand {

    private static final Logger log = LoggerFactory.getLogger(ImportCommand.class);
    static final String CRASHED = "crashed: the process stopped while it ran";
    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job importLedgerJob;
    private final Clock clock;

    ImportCommand(JobOperator jobOperator, JobRepository jobRepository,
            @Qualifier("importLedgerJob") Job importLedgerJob, Clock clock) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.importLedgerJob = importLedgerJob;
        this.clock = clock;
    }

    int run(Path dir, Path out, PrintStream console) throws Exception {
        if (!Files.isDirectory(dir)) {
            console.println("import-ledger: " + dir + " is not a folder");
            return ExitCode.REFUSED;
        }
        recoverCrashed(console);
        console.println("Importing the ledger files of " + dir);
        Check check = LedgerImport.check(dir);
        // The log gets one line for what the console lists line by line (the console shows the log too).
        check.ignored().forEach(ignored -> console.println("  " + ignored));
        if (!check.ignored().isEmpty()) {
            log.info("import-ledger of {}: {}", dir, String.join("; ", check.ignored()));
        }
        if (check.refused()) {
            console.printf("import-ledger refused: %d %s in the ledger files; nothing was loaded.%n",
                    check.problems().size(), check.problems().size() == 1 ? "problem" : "problems");
            check.problems().forEach(problem -> console.println("  " + problem));
            console.println("Correct the files, then run the same import again.");
            log.warn("import-ledger of {} refused: {}", dir,
                    String.join(" | ", check.problems().stream().map(Problem::toString).toList()));
            return ExitCode.REFUSED;
        }
        if (check.present().isEmpty()) {
            console.println("import-ledger refused: " + dir + " holds none of the ledger files ("
                    + String.join(", ", check.absent()) + "); nothing was loaded.");
            return ExitCode.REFUSED;
        }
        // Every import is a new job instance: loading the same files again is allowed and changes nothing.
        JobParameters parameters = new JobParametersBuilder()
                .addString(LedgerImport.LEDGER_DIR, dir.toAbsolutePath().normalize().toString())
                .addString(LedgerImport.LEDGER_FILES, String.join(",", check.present()), false)
                .addString(LedgerImport.OUT_DIR, out.toString(), false)
                .addLong(LedgerImport.RUN_ID, clock.millis())
                .toJobParameters();
        JobExecution execution = jobOperator.start(importLedgerJob, parameters);
        List<FileResult> results = LedgerImport.results(execution);
        long rejected = report(results, check, console);
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            console.println("The import failed: " + firstLine(CycleCommand.failure(execution)));
            console.println(whatWasLoaded(results, check) + " Rows loaded stay loaded: fix the cause and run the same"
                    + " import again; it loads the rest and changes nothing already loaded.");
            return ExitCode.FAILED;
        }
        Path rejects = out.resolve(LedgerImport.REJECTS_FILE);
        if (rejected > 0) {
            console.printf("%,d rows were rejected; each is listed with its file, line, value and reason in %s%n",
                    rejected, rejects);
            return ExitCode.REJECTS;
        }
        console.println("All rows were accepted (" + rejects + " is empty).");
        return ExitCode.OK;
    }

    /** One line per ledger file, then what was loaded other than the file said; returns the rejects. */
    private static long report(List<FileResult> results, Check check, PrintStream console) {
        long rejected = 0;
        for (String file : LedgerImport.FILES) {
            FileResult result = results.stream().filter(r -> r.file().equals(file)).findFirst().orElse(null);
            if (check.absent().contains(file)) {
                console.printf("  %-14s absent, not loaded%n", file);
                continue;
            }
            if (result == null) {
                console.printf("  %-14s not loaded%n", file);
                continue;
            }
            rejected += result.rejected();
            console.printf("  %-14s %,9d rows read, %,9d loaded, %,7d updated, %,9d already loaded, %,6d rejected%n",
                    result.file(), result.read(), result.loaded(), result.updated(), result.unchanged(),
                    result.rejected());
        }
        for (FileResult result : results) {
            result.notes().forEach(note -> console.println("  Note: " + note));
            if (result.noteCount() > result.notes().size()) {
                console.printf("  ... and %,d more such notes on %s (all are in the log)%n",
                        result.noteCount() - result.notes().size(), result.file());
            }
        }
        return rejected;
    }

    /** A database's message may go on with the statement it ran: the log has it. */
    private static String firstLine(String message) {
        String line = message.lines().findFirst().orElse("");
        return line.endsWith("; SQL statement:") ? line.substring(0, line.length() - "; SQL statement:".length()) : line;
    }

    /** "Loaded: ... Loaded in part: ... Not loaded: ...", for a failed import. */
    private static String whatWasLoaded(List<FileResult> results, Check check) {
        List<String> loaded = new ArrayList<>();
        List<String> part = new ArrayList<>();
        List<String> not = new ArrayList<>(check.present());
        for (FileResult result : results) {
            if (!check.present().contains(result.file())) {
                continue;
            }
            if (result.status() == BatchStatus.COMPLETED) {
                loaded.add(result.file());
                not.remove(result.file());
            } else if (result.loaded() + result.updated() > 0) {
                part.add(result.file());
                not.remove(result.file());
            }
        }
        StringBuilder text = new StringBuilder();
        append(text, "Loaded", loaded);
        append(text, "Loaded in part", part);
        append(text, "Not loaded", not);
        return text.toString().strip();
    }

    private static void append(StringBuilder text, String what, List<String> files) {
        if (!files.isEmpty()) {
            text.append(what).append(": ").append(String.join(", ", files)).append(". ");
        }
    }

    /**
     * Marks imports left running as crashed (FAILED). The command holds the run lock, so no
     * other process is running an import: their process stopped (killed, or the machine went
     * down). Rows they committed stay loaded, and this import loads the rest.
     */
    private void recoverCrashed(PrintStream console) {
        for (JobExecution running : jobRepository.findRunningJobExecutions(LedgerImport.JOB_NAME)) {
            ExitStatus crashed = ExitStatus.FAILED.addExitDescription(CRASHED);
            for (StepExecution step : running.getStepExecutions()) {
                if (step.getStatus().isRunning()) {
                    step.setExitStatus(crashed);
                }
            }
            running.setExitStatus(crashed);
            jobOperator.recover(running);
            String started = running.getStartTime() == null ? "" : " started " + STARTED.format(running.getStartTime());
            console.println("The import of " + running.getJobParameters().getString(LedgerImport.LEDGER_DIR) + started
                    + " (run " + running.getId() + ") was left running by a process that stopped; it is now marked as"
                    + " crashed. What it loaded stays loaded.");
            log.warn("import-ledger run {} marked as crashed: it was left running by a process that stopped",
                    running.getId());
        }
    }
}
