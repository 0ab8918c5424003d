package com.arcycle.operations;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import com.arcycle.cycle.StatementCycle;
import com.arcycle.delivery.DeliveryQueries;
import com.arcycle.delivery.RemittanceQueries;
import com.arcycle.ledger.imports.LedgerImport;
import com.arcycle.mail.OutboxQueries;

/** {@code status}: the recent runs of both jobs, newest first. */
@Component
class StatusCommand {

    private static final int RUNS = 12;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final JobRepository jobRepository;
    private final RunLock runLock;
    private final DeliveryQueries deliveries;
    private final RemittanceQueries remittances;
    private final OutboxQueries outbox;

    StatusCommand(JobRepository jobRepository, RunLock runLock, DeliveryQueries deliveries,
            RemittanceQueries remittances, OutboxQueries outbox) {
        this.outbox = outbox;
        this.jobRepository = jobRepository;
        this.runLock = runLock;
        this.deliveries = deliveries;
        this.remittances = remittances;
    }

    int run(PrintStream console) throws SQLException {
        List<JobExecution> executions = new ArrayList<>();
        for (String job : List.of(StatementCycle.JOB_NAME, LedgerImport.JOB_NAME)) {
            for (JobInstance instance : jobRepository.getJobInstances(job, 0, RUNS)) {
                executions.addAll(jobRepository.getJobExecutions(instance));
            }
        }
        if (executions.isEmpty()) {
            console.println("No runs yet on this database. Start with: scripts/arcycle import-ledger --dir DIR"
                    + " (scripts/arcycle demo uses a database of its own, under data/demo/)");
            return ExitCode.OK;
        }
        boolean anotherCommandRuns = runLock.heldElsewhere();
        executions.sort(Comparator.comparing(JobExecution::getCreateTime).reversed());
        console.printf("%-6s %-15s %-12s %-10s %-19s %-19s %9s %9s %7s  %s%n", "run", "job", "cycle date",
                "status", "started", "ended", "read", "written", "skipped", "failed step: reason");
        for (JobExecution execution : executions.subList(0, Math.min(RUNS, executions.size()))) {
            long read = 0;
            long written = 0;
            long skipped = 0;
            for (StepExecution step : execution.getStepExecutions()) {
                read += step.getReadCount();
                written += step.getWriteCount();
                skipped += step.getSkipCount();
            }
            var cycleDate = execution.getJobParameters().getLocalDate("cycle.date");
            String status = execution.getStatus().toString();
            String failure = execution.getStatus().isUnsuccessful() ? CycleCommand.failure(execution) : "";
            if (execution.isRunning() && !anotherCommandRuns) {
                // Left running by a process that was killed: no command holds the database now.
                status = "CRASHED";
                failure = CycleCommand.crashed(cycleDate);
            }
            console.printf("%-6d %-15s %-12s %-10s %-19s %-19s %,9d %,9d %,7d  %s%n", execution.getId(),
                    execution.getJobInstance().getJobName(), cycleDate == null ? "-" : cycleDate,
                    status, time(execution.getStartTime()), time(execution.getEndTime()), read,
                    written, skipped, failure);
        }
        printStatements(console);
        printDeliveries(console);
        return ExitCode.OK;
    }

    /** How each recent cycle's statements reached the customers (docs/mail.md: what to do about each). */
    private void printStatements(PrintStream console) {
        List<java.time.LocalDate> cycles = outbox.cyclesWithStatements(RUNS);
        if (cycles.isEmpty()) {
            return;
        }
        console.println();
        console.println("Statements sent to customers:");
        for (java.time.LocalDate cycleDate : cycles) {
            OutboxQueries.Counts counts = outbox.counts(cycleDate);
            console.printf("%-12s %,6d statements: %,6d emailed, %,6d posted, %,d undeliverable by email (posted),"
                    + " %,d pending%s%n", cycleDate, counts.statements(), counts.emailed(), counts.posted(),
                    counts.failed(), counts.pending(), counts.planned() ? "" : " (email delivery off)");
        }
    }

    /** Each cycle's delivery to the AR firm and the remittance files fetched back, when there are any. */
    private void printDeliveries(PrintStream console) {
        List<String> delivered = deliveries.statusLines(RUNS);
        if (!delivered.isEmpty()) {
            console.println();
            console.printf("Deliveries to the AR firm:%n%-12s %-8s %-10s %-15s  %-19s  %s%n", "cycle date", "#",
                    "status", "on the server", "time", "remote folder");
            delivered.forEach(console::println);
        }
        List<String> fetched = remittances.statusLines(RUNS);
        if (!fetched.isEmpty()) {
            console.println();
            console.println("Remittance files fetched from the AR firm:");
            fetched.forEach(console::println);
        }
    }


    private static String time(java.time.LocalDateTime time) {
        return time == null ? "-" : TIME.format(time);
    }
}
