package com.arcycle.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.arcycle.ArcycleApplication;
import com.arcycle.cycle.StatementCycle;
import com.arcycle.statements.BareJasperLoop;
import com.arcycle.testing.TestDatabase;

/**
 * {@code scripts/bench --h2 true}: the same synthetic ledger and one statement cycle on the embedded
 * H2 database (a file under the work folder, as a small business runs arcycle), with each step's
 * time. Run {@code scripts/bench} with the same --accounts and --invoices for MariaDB's figures.
 */
final class H2Bench {

    /**
     * The steps that make and send the PDF documents; the rest is the cycle without PDFs. The call
     * sheet (call-sheet.pdf) is one since the night of 2026-12-03; figures measured before that
     * count it in the rest (docs/performance.md gives both for that night's run).
     */
    static final List<String> DOCUMENT_STEPS = List.of("statements", "sendStatements", "statementsPrintFile",
            "cycleSummaryFile", "callSheetFile");

    private H2Bench() {
    }

    static void run(Map<String, String> options, Path work) throws Exception {
        int accounts = Integer.parseInt(options.get("accounts"));
        int invoices = Integer.parseInt(options.get("invoices"));
        LocalDate cycleDate = LocalDate.parse(options.get("cycle-date"));
        Path database = Files.createDirectories(work.resolve("h2")).resolve("arcycle");
        System.out.printf(Locale.ROOT, "arcycle benchmark on the embedded H2 database: %,d accounts, %,d invoices,"
                + " cycle %s, %s%n", accounts, invoices, cycleDate, database);
        System.setProperty("spring.datasource.url", TestDatabase.h2Url(database));
        System.setProperty("spring.datasource.username", "sa");
        System.setProperty("spring.datasource.password", "");
        System.setProperty("logging.level.com.arcycle", "WARN");
        System.setProperty("logging.level.org.springframework", "WARN");
        System.setProperty("logging.file.name", work.resolve("bench.log").toString());
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ArcycleApplication.class).run()) {
            long loadStart = System.nanoTime();
            BenchLedger.Counts counts;
            try (Connection connection = context.getBean(DataSource.class).getConnection()) {
                counts = BenchLedger.load(connection, work.resolve("ledger"), accounts, invoices, cycleDate, 42);
            }
            System.out.printf(Locale.ROOT, "loaded %,d customers, %,d invoices, %,d payments in %.1f s (CSVREAD)%n",
                    counts.customers(), counts.invoices(), counts.payments(), (System.nanoTime() - loadStart) / 1e9);
            int warmUp = Integer.parseInt(options.getOrDefault("warm-up", "3000"));
            BareJasperLoop.warmUp(warmUp);

            JobOperator operator = context.getBean(JobOperator.class);
            Job job = context.getBean("statementCycleJob", Job.class);
            long start = System.nanoTime();
            JobExecution execution = operator.start(job, StatementCycle.parameters(cycleDate, work.resolve("out")));
            double cycleSeconds = (System.nanoTime() - start) / 1e9;
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                throw new IllegalStateException("the cycle failed: " + execution.getAllFailureExceptions());
            }
            System.out.printf(Locale.ROOT, "%n%-26s %10s %12s %14s%n", "step", "seconds", "items", "items/second");
            double documentSeconds = 0;
            List<StepExecution> steps = execution.getStepExecutions().stream()
                    .filter(step -> !step.getStepName().contains(":")) // a partition; its step has the totals
                    .sorted(Comparator.comparing(StepExecution::getStartTime)).toList();
            for (StepExecution step : steps) {
                double seconds = Duration.between(step.getStartTime(), step.getEndTime()).toNanos() / 1e9;
                if (DOCUMENT_STEPS.contains(step.getStepName())) {
                    documentSeconds += seconds;
                }
                System.out.printf(Locale.ROOT, "%-26s %10.2f %,12d %,14.0f%n", step.getStepName(), seconds,
                        step.getReadCount(), step.getReadCount() / Math.max(seconds, 1e-3));
            }
            System.out.printf(Locale.ROOT, "%-26s %10.2f%n%-26s %10.2f%n", "whole cycle", cycleSeconds,
                    "cycle without PDFs", cycleSeconds - documentSeconds);
            System.out.printf(Locale.ROOT, "RESULT database=h2 accounts=%d invoices=%d cycle_s=%.2f"
                    + " cycle_without_pdf_s=%.2f%n", accounts, invoices, cycleSeconds, cycleSeconds - documentSeconds);
        }
    }
}
