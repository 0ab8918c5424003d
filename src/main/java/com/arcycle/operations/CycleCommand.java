package com.arcycle.operations;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.skip.SkipLimitExceededException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import com.arcycle.batch.CycleFolder;
import com.arcycle.cycle.CycleGuard;
import com.arcycle.cycle.StatementCycle;
import com.arcycle.cycle.CycleHistory;
import com.arcycle.cycle.CycleRepository;
import com.arcycle.domain.BadLedgerData;
import com.arcycle.mail.OutboxQueries;
import com.arcycle.statements.StatementRenderer;
import com.arcycle.batch.CycleDates;
import com.arcycle.totals.CycleTotals;
import com.arcycle.totals.CycleTotalsQueries;
import com.arcycle.platform.PrivateFiles;
import com.arcycle.batch.ProgressListener;

/** {@code run-cycle --cycle-date D [--out DIR]} and {@code restart [--cycle-date D]}. */
@Component
public class CycleCommand {

    /** Where a new cycle's folder goes when no --out is given. */
    static final String DEFAULT_OUT = "out";

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job statementCycleJob;
    private final CycleRepository cycles;
    private final CycleGuard guard;
    private final CycleTotalsQueries cycleTotals;
    private final OutboxQueries outbox;
    private final CycleMetrics metrics;

    CycleCommand(JobOperator jobOperator, JobRepository jobRepository,
            @Qualifier("statementCycleJob") Job statementCycleJob, CycleRepository cycles, CycleGuard guard,
            CycleTotalsQueries cycleTotals, OutboxQueries outbox, CycleMetrics metrics) {
        this.metrics = metrics;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.statementCycleJob = statementCycleJob;
        this.cycles = cycles;
        this.guard = guard;
        this.cycleTotals = cycleTotals;
        this.outbox = outbox;
    }

    /**
     * @param out the --out folder, or null when none was given: a new cycle then writes into
     *     {@code out/}, a failed cycle continues in the folder it started in
     */
    int run(LocalDate cycleDate, Path out, PrintStream console) throws Exception {
        var refusal = guard.refusal(cycleDate);
        if (refusal.isEmpty() && !cycles.hasCustomers()) {
            refusal = Optional.of("the database has no customers; import a ledger first"
                    + " (scripts/arcycle import-ledger --dir DIR)");
        }
        if (refusal.isEmpty()) {
            refusal = folderRefusal(cycleDate, out);
        }
        if (refusal.isPresent()) {
            console.println("run-cycle refused: " + refusal.get());
            return ExitCode.REFUSED;
        }
        Path root = cycles.find(cycleDate).map(c -> c.outputFolder()).filter(f -> f != null)
                .map(f -> Path.of(f).getParent()).orElse(out == null ? Path.of(DEFAULT_OUT) : out);
        JobParameters parameters = StatementCycle.parameters(cycleDate, root);
        JobExecution execution;
        try {
            console.println("Running the statement cycle of " + cycleDate);
            execution = jobOperator.start(statementCycleJob, parameters);
        } catch (InvalidJobParametersException e) {
            console.println("run-cycle refused: " + e.getMessage());
            return ExitCode.REFUSED;
        } catch (JobInstanceAlreadyCompleteException e) {
            console.println("run-cycle refused: the cycle of " + cycleDate + " has already completed");
            return ExitCode.REFUSED;
        } catch (JobExecutionAlreadyRunningException e) {
            console.println("run-cycle refused: the cycle of " + cycleDate + " is running now");
            return ExitCode.REFUSED;
        }
        return report(execution, cycleDate, console);
    }

    /**
     * Why the cycle may not write where asked: a failed cycle continues in the folder it started in
     * (another --out is refused); a new cycle's folder must be absent or empty; the --out folder must
     * exist or be creatable, and writable. Checked before the job starts, so nothing is done.
     */
    Optional<String> folderRefusal(LocalDate cycleDate, Path out) {
        var started = cycles.find(cycleDate);
        Path requested = (out == null ? Path.of(DEFAULT_OUT) : out).toAbsolutePath().normalize();
        if (started.isPresent() && started.get().outputFolder() != null) {
            Path folder = Path.of(started.get().outputFolder());
            if (out != null && !requested.resolve(cycleDate.toString()).equals(folder)) {
                return Optional.of("the cycle of " + cycleDate + " was started with its files in " + folder
                        + "; it continues there. Run scripts/arcycle restart, or give --out " + folder.getParent());
            }
            return writable(folder.getParent())
                    .or(() -> new CycleFolder(folder).refusalToContinue(started.get().runId()));
        }
        return writable(requested).or(() -> new CycleFolder(requested.resolve(cycleDate.toString()))
                .refusalForNewCycle());
    }

    /** Why files cannot be written into {@code root} (created 0750 when missing), or empty. */
    static Optional<String> writable(Path root) {
        try {
            PrivateFiles.createDirectories(root);
            Path probe = Files.createTempFile(root, ".arcycle-write-check", ".tmp");
            Files.delete(probe);
            return Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.of("the output folder " + root + " cannot be written (" + e.getMessage() + ")");
        }
    }

    int restart(LocalDate requested, PrintStream console) throws Exception {
        CycleHistory history = cycles.history();
        LocalDate cycleDate = requested != null ? requested : history.unfinished();
        if (cycleDate == null) {
            console.println("restart: there is no failed or unfinished cycle to restart"
                    + (history.lastCompleted() == null ? "" : " (the last cycle, " + history.lastCompleted()
                            + ", completed)"));
            return ExitCode.REFUSED;
        }
        JobInstance instance = jobRepository.getJobInstance(StatementCycle.JOB_NAME, StatementCycle.parameters(cycleDate, Path.of(DEFAULT_OUT)));
        JobExecution last = instance == null ? null : jobRepository.getLastJobExecution(instance);
        if (last == null) {
            console.println("restart: the cycle of " + cycleDate + " was never run; use run-cycle");
            return ExitCode.REFUSED;
        }
        if (last.getStatus() == BatchStatus.COMPLETED) {
            console.println("restart refused: the cycle of " + cycleDate + " has already completed");
            return ExitCode.REFUSED;
        }
        String out = last.getJobParameters().getString(CycleDates.OUT_DIR_PARAMETER);
        if (!Path.of(out).isAbsolute()) {
            console.println("restart refused: the cycle of " + cycleDate + " was started by an earlier arcycle that"
                    + " kept its folder as " + out + " (relative); continue it with scripts/arcycle run-cycle"
                    + " --cycle-date " + cycleDate + " --out <the folder it used>");
            return ExitCode.REFUSED;
        }
        Optional<String> folder = folderRefusal(cycleDate, null);
        if (folder.isPresent()) {
            console.println("restart refused: " + folder.get());
            return ExitCode.REFUSED;
        }
        if (last.isRunning()) {
            // Left "started" by a process that died: mark it failed so it can continue.
            console.println("The cycle of " + cycleDate + " was left running by a process that stopped;"
                    + " recovering it.");
            last = jobOperator.recover(last);
        }
        console.println("Restarting the cycle of " + cycleDate + " where it stopped"
                + (failedStep(last) == null ? "" : " (step " + failedStep(last) + ")"));
        JobExecution execution = jobOperator.restart(last);
        return report(execution, cycleDate, console);
    }

    private int report(JobExecution execution, LocalDate cycleDate, PrintStream console) {
        Path folder = Path.of(execution.getJobParameters().getString(CycleDates.OUT_DIR_PARAMETER))
                .resolve(cycleDate.toString());
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            console.println("The cycle of " + cycleDate + " failed: " + failure(execution));
            console.println("Nothing it committed is lost; fix the cause and run: scripts/arcycle restart"
                    + " --cycle-date " + cycleDate);
            return ExitCode.FAILED;
        }
        CycleTotals totals = cycleTotals.of(cycleDate);
        metrics.completed(totals);
        console.printf("The cycle of %s completed: %d accounts aged, %d late fees (%s), %d statements,"
                + " %d accounts referred to collections, %d items written off, %d services to suspend,"
                + " %d accounts to phone.%n",
                cycleDate, totals.accountsAged(), totals.fees().count(), totals.fees().amount(),
                totals.statementsSent().count(), totals.referrals().count(), totals.writeOffs().count(),
                totals.suspensions().count(), totals.calls().count());
        console.println("Files: " + folder.toAbsolutePath().normalize());
        int exit = ExitCode.OK;
        if (totals.rejectedRecords() > 0) {
            console.printf("%d accounts were skipped by a step because their data breaks a rule; each is listed with"
                    + " its reason in %s%n", totals.rejectedRecords(), folder.resolve("rejects.csv"));
            exit = ExitCode.REJECTS;
        }
        return reportMail(cycleDate, folder, console) ? ExitCode.REJECTS : exit;
    }

    /** How the statements went (docs/mail.md); true when some could not be delivered by email. */
    private boolean reportMail(LocalDate cycleDate, Path folder, PrintStream console) {
        OutboxQueries.Counts counts = outbox.counts(cycleDate);
        if (counts.statements() == 0) {
            return false;
        }
        if (!counts.planned()) {
            console.printf("Email delivery is off (spring.mail.host is not set): all %d statements are in %s for"
                    + " posting.%n", counts.statements(), folder.resolve(StatementRenderer.PRINT_FILE));
            return false;
        }
        console.printf("Statements: %d emailed, %d to post (%s), %d undeliverable by email.%n", counts.emailed(),
                counts.posted(), StatementRenderer.PRINT_FILE, counts.failed());
        List<OutboxQueries.Entry> failed = outbox.failed(cycleDate);
        for (OutboxQueries.Entry entry : failed) {
            console.println("  undeliverable, posted instead: " + entry.accountNumber() + " <" + entry.recipient()
                    + ">: " + entry.reply());
        }
        return !failed.isEmpty();
    }

    /** The failed step as the job names it (a partition's failure is its step's). */
    static String failedStep(JobExecution execution) {
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus() == BatchStatus.FAILED && !step.getStepName().contains(":")) {
                return step.getStepName();
            }
        }
        return null;
    }

    /**
     * What to do about a run left running by a process that was killed (status and the console's
     * Runs page call it CRASHED); {@code cycleDate} is null for an import.
     */
    public static String crashed(java.time.LocalDate cycleDate) {
        return "the process stopped while it ran; " + (cycleDate == null
                ? "run the same import again (what it loaded stays loaded)"
                : "run scripts/arcycle restart --cycle-date " + cycleDate);
    }

    /** Why a run failed, as run-cycle, restart and status say it (also the console's Runs page). */
    public static String failure(JobExecution execution) {
        List<Throwable> failures = new java.util.ArrayList<>();
        // A partitioned step fails with "Partition handler returned an unsuccessful step":
        // the partition's own exception says why.
        for (StepExecution stepExecution : execution.getStepExecutions()) {
            if (stepExecution.getStepName().contains(":")) {
                failures.addAll(stepExecution.getFailureExceptions());
            }
        }
        failures.addAll(execution.getAllFailureExceptions());
        String step = failedStep(execution);
        String reason;
        if (!failures.isEmpty()) {
            reason = rootMessage(failures.get(0));
        } else {
            // Read back from the job repository: only the exit description (a stack trace) is kept.
            String description = execution.getExitStatus().getExitDescription();
            String recorded = null;
            for (StepExecution stepExecution : execution.getStepExecutions()) {
                if (stepExecution.getStatus() == BatchStatus.FAILED) {
                    String kept = stepExecution.getExecutionContext().getString(ProgressListener.FAILURE_REASON, null);
                    if (kept != null) {
                        recorded = kept;
                    } else if (recorded == null) {
                        description = stepExecution.getExitStatus().getExitDescription();
                    }
                }
            }
            reason = recorded != null ? recorded : summary(description);
        }
        return (step == null ? "" : "step " + step + ": ") + reason;
    }

    /** The innermost cause's line of a stored stack trace. */
    static String summary(String stackTrace) {
        if (stackTrace == null || stackTrace.isBlank()) {
            return "no reason recorded";
        }
        String reason = stackTrace.lines().findFirst().orElse("");
        for (String line : stackTrace.lines().toList()) {
            if (line.startsWith("Caused by: ")) {
                reason = line.substring("Caused by: ".length());
            }
        }
        return reason;
    }

    static String rootMessage(Throwable failure) {
        String skipLimit = null;
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SkipLimitExceededException) {
                skipLimit = t.getMessage();
            }
            root = t;
            if (t.getCause() == t) {
                break;
            }
        }
        String cause = root instanceof BadLedgerData bad
                ? bad.accountNumber() + (bad.itemId() == null ? "" : " " + bad.itemId()) + " " + bad.column() + " "
                        + bad.value() + ": " + bad.getMessage()
                : root.getMessage();
        if (skipLimit != null) {
            return "more accounts with bad data than the skip limit allows (" + skipLimit + "); the last: " + cause;
        }
        return root == failure ? String.valueOf(failure.getMessage()) : failure.getMessage() + " (" + cause + ")";
    }
}
