package com.arcycle.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.arcycle.ArcycleApplication;
import com.arcycle.cycle.StatementCycle;
import com.arcycle.statements.BareJasperLoop;

/**
 * scripts/bench: loads a synthetic ledger into a scratch MySQL database, runs the SQL baseline
 * and one statement cycle on it, and prints per step its wall time, items per second and the
 * JVM's peak heap, and the ratios to the reference figures. Figures only: nothing is asserted.
 *
 * <pre>
 * --accounts N (100000) --invoices N (1000000) --cycle-date D (2026-10-31; a cycle date may not be later than today)
 * --server jdbc:mysql://127.0.0.1:3306/ --user root --password "" --database arcycle_bench --work DIR
 * --buffer-pool-mb 2048 --redo-log-mb N (innodb_log_file_size; the server's own when not given)
 * --bare-loop true (false skips the bare Jasper loop, e.g. to try a smaller heap)
 * --warm-up 3000 (sample statements rendered on every core before anything is timed)
 * --earlier-cycles 0 (monthly cycles run, untimed, before the timed one; no SQL baseline then)
 * --history-months N (HistoryBench: N monthly cycles without documents on a ledger of N months, --invoices a
 *     year; --timed-months 12,N print their steps' times)
 * --mail false (true: the cycle emails its statements to a GreenMail server in this JVM; prints messages a
 *     second) --mail-rate 0 (messages a second, 0: no limit) --mail-connections 2
 * --h2 false (true: the cycle on the embedded H2 database instead, a file under --work; no SQL baseline)
 * --workers 0 (N: the cycle's partitions run on N worker processes over RabbitMQ, docs/scale-out.md;
 *              --partitions 16 per step; the workers log to WORK/worker-i.log)
 * --import false (true: instead of the cycle, times import-ledger of the ledger written as the five ledger files
 *     against a plain LOAD DATA LOCAL INFILE of the same rows; ImportBench)
 * </pre>
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>(Map.of("accounts", "100000", "invoices", "1000000",
                "cycle-date", "2026-10-31", "server", "jdbc:mysql://127.0.0.1:3306/", "user", "root", "password", "",
                "database", "arcycle_bench", "work", "target/bench"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int accounts = Integer.parseInt(options.get("accounts"));
        int invoices = Integer.parseInt(options.get("invoices"));
        LocalDate cycleDate = LocalDate.parse(options.get("cycle-date"));
        String database = options.get("database");
        Path work = Path.of(options.get("work")).toAbsolutePath();
        deleteTree(work);
        Files.createDirectories(work);
        if (Boolean.parseBoolean(options.getOrDefault("h2", "false"))) {
            H2Bench.run(options, work);
            return;
        }

        String server = options.get("server");
        try (Connection connection = DriverManager.getConnection(server, options.get("user"), options.get("password"));
                Statement statement = connection.createStatement()) {
            // The ledger and the cycle's tables should fit in memory, as on any production server.
            if (!"0".equals(options.getOrDefault("buffer-pool-mb", "2048"))) {
                statement.execute("SET GLOBAL innodb_buffer_pool_size = "
                        + Long.parseLong(options.getOrDefault("buffer-pool-mb", "2048")) * 1024 * 1024);
            }
            // A redo log that holds a cycle's changes lets InnoDB write a page changed several times in a
            // cycle once, instead of flushing it at every checkpoint (MariaDB 10.9 and later set it live).
            if (options.containsKey("redo-log-mb")) {
                statement.execute("SET GLOBAL innodb_log_file_size = "
                        + Long.parseLong(options.get("redo-log-mb")) * 1024 * 1024);
            }
            // Group-bys and sorts of a million rows stay in memory (both the baseline and the cycle).
            statement.execute("SET GLOBAL tmp_table_size = 1073741824");
            statement.execute("SET GLOBAL max_heap_table_size = 1073741824");
            statement.execute("SET GLOBAL sort_buffer_size = 33554432");
            try (var rs = statement.executeQuery("SELECT @@version, @@GLOBAL.innodb_buffer_pool_size,"
                    + " @@GLOBAL.tmp_table_size, @@GLOBAL.sort_buffer_size, @@GLOBAL.innodb_log_file_size")) {
                rs.next();
                System.out.printf(Locale.ROOT, "database: MariaDB/MySQL %s, innodb_buffer_pool_size %,d MB,"
                        + " innodb_log_file_size %,d MB, tmp_table_size %,d MB, sort_buffer_size %,d MB%n",
                        rs.getString(1), rs.getLong(2) >> 20, rs.getLong(5) >> 20, rs.getLong(3) >> 20,
                        rs.getLong(4) >> 20);
            }
            statement.execute("DROP DATABASE IF EXISTS " + database);
            statement.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        String url = (server.endsWith("/") ? server : server + "/") + database
                + "?serverTimezone=UTC&sslMode=DISABLED";

        System.out.printf(Locale.ROOT, "arcycle benchmark: %,d accounts, %,d invoices, cycle %s, database %s%n",
                accounts, invoices, cycleDate, database);
        System.out.printf(Locale.ROOT, "machine: %d cores, JVM max heap %,d MB, %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));

        // System properties, so they win over application.properties.
        System.setProperty("spring.datasource.url", url);
        System.setProperty("spring.datasource.username", options.get("user"));
        System.setProperty("spring.datasource.password", options.get("password"));
        System.setProperty("logging.level.com.arcycle", "WARN");
        System.setProperty("logging.level.org.springframework", "WARN");
        System.setProperty("logging.file.name", work.resolve("bench.log").toString());
        boolean mail = Boolean.parseBoolean(options.getOrDefault("mail", "false"));
        com.arcycle.testing.MailServer mailServer = null;
        if (mail) {
            // The cycle's statements by email to a real SMTP server in this JVM (GreenMail).
            mailServer = new com.arcycle.testing.MailServer(false).start();
            System.setProperty("spring.mail.host", "127.0.0.1");
            System.setProperty("spring.mail.port", Integer.toString(mailServer.port()));
            System.setProperty("arcycle.business.email", "billing@bench.example");
            System.setProperty("arcycle.mail.rate", options.getOrDefault("mail-rate", "0"));
            System.setProperty("arcycle.mail.connections", options.getOrDefault("mail-connections", "2"));
            System.setProperty("logging.level.com.icegreen", "WARN");
        }
        int workerCount = Integer.parseInt(options.getOrDefault("workers", "0"));
        if (workerCount > 0) {
            System.setProperty("arcycle.cluster.enabled", "true");
            System.setProperty("arcycle.cluster.partitions", options.getOrDefault("partitions", "16"));
            System.setProperty("arcycle.cluster.poll-interval", options.getOrDefault("poll-interval", "1s"));
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ArcycleApplication.class)
                .run()) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            if (Boolean.parseBoolean(options.getOrDefault("import", "false"))) {
                ImportBench.run(context, url, options.get("user"), options.get("password"), work, accounts, invoices,
                        cycleDate);
                return;
            }
            if (options.containsKey("history-months")) {
                HistoryBench.run(context, url, options, work); // years of monthly cycles on their own ledger
                return;
            }

            long loadStart = System.nanoTime();
            BenchLedger.Counts counts;
            // The ledger's files go through a connection of the benchmark's own: arcycle's connections
            // send no file (docs/database.md); this one sends the files of the ledger folder only.
            Path ledger = Files.createDirectories(work.resolve("ledger"));
            java.util.Properties settings = new java.util.Properties();
            settings.setProperty("user", options.get("user"));
            settings.setProperty("password", options.get("password"));
            settings.setProperty("allowLoadLocalInfileInPath", ledger.toRealPath().toString());
            try (Connection connection = DriverManager.getConnection(url, settings)) {
                counts = BenchLedger.load(connection, ledger, accounts, invoices, cycleDate, 42);
            }
            long loadNanos = System.nanoTime() - loadStart;
            System.out.printf(Locale.ROOT, "loaded %,d customers, %,d invoices, %,d payments, %,d disputes,"
                    + " %,d promises in %.1f s (LOAD DATA LOCAL INFILE)%n", counts.customers(), counts.invoices(),
                    counts.payments(), counts.disputes(), counts.promises(), loadNanos / 1e9);
            jdbc.execute("ANALYZE TABLE customer, invoice, payment, dispute, promise");

            // The baseline's shortcuts (no FIFO replay, no earlier fees) hold for a first cycle only.
            int earlierCycles = Integer.parseInt(options.getOrDefault("earlier-cycles", "0"));
            long baselineNanos = 0;
            if (earlierCycles == 0) {
                QuietServer.await(jdbc, "the SQL baseline");
                baselineNanos = SqlBaseline.run(jdbc, cycleDate);
                System.out.printf(Locale.ROOT, "SQL baseline (aging and fees, set-based in the database): %.1f s%n",
                        baselineNanos / 1e9);
            }

            // Statements are timed warm, in the step and in the bare loop alike.
            long warmStart = System.nanoTime();
            int warmUp = Integer.parseInt(options.getOrDefault("warm-up", "3000"));
            BareJasperLoop.warmUp(warmUp);
            System.out.printf(Locale.ROOT, "renderer warmed up with %,d sample statements in %.1f s%n", warmUp,
                    (System.nanoTime() - warmStart) / 1e9);

            BenchWorkers workers = BenchWorkers.start(workerCount, url, options.get("user"), options.get("password"),
                    work, warmUp);
            JobOperator operator = context.getBean(JobOperator.class);
            Job job = context.getBean("statementCycleJob", Job.class);
            // Earlier monthly cycles first, so that the timed one is a cycle in the steady state: it
            // finds the earlier cycles' items, fees and stages, and takes only what came since.
            for (int i = earlierCycles; i > 0; i--) {
                LocalDate earlier = cycleDate.minusDays(30L * i);
                long start = System.nanoTime();
                JobExecution run = operator.start(job, StatementCycle.parameters(earlier, work.resolve("out")));
                if (run.getStatus() != BatchStatus.COMPLETED) {
                    throw new IllegalStateException("the cycle of " + earlier + " failed: "
                            + run.getAllFailureExceptions());
                }
                System.out.printf(Locale.ROOT, "earlier cycle %s (not timed below): %.1f s%n", earlier,
                        (System.nanoTime() - start) / 1e9);
            }
            QuietServer.await(jdbc, "the cycle");
            System.gc();
            HeapWatch watch = HeapWatch.start();
            long cycleStart = System.nanoTime();
            JobExecution execution = operator.start(job, StatementCycle.parameters(cycleDate, work.resolve("out")));
            long cycleNanos = System.nanoTime() - cycleStart;
            watch.stop();
            workers.stop();
            if (workerCount > 0) {
                // The partitions ran in the workers: their times are in the job repository only.
                execution = context.getBean(org.springframework.batch.core.repository.JobRepository.class)
                        .getJobExecution(execution.getId());
            }
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                throw new IllegalStateException("the cycle failed: " + execution.getAllFailureExceptions());
            }

            System.out.println();
            System.out.printf(Locale.ROOT, "%-26s %10s %12s %14s %12s%n", "step", "seconds", "items", "items/second",
                    "live heap MB");
            double pdfSeconds = 0;
            double statementSeconds = 0;
            long statements = 0;
            List<StepExecution> steps = new ArrayList<>(execution.getStepExecutions());
            steps.sort(Comparator.comparing(StepExecution::getStartTime));
            for (StepExecution step : steps) {
                double seconds = Duration.between(step.getStartTime(), step.getEndTime()).toNanos() / 1e9;
                if (H2Bench.DOCUMENT_STEPS.contains(step.getStepName())) { // the documents, and the mail
                    pdfSeconds += seconds;
                }
                if (step.getStepName().equals("statements")) {
                    statementSeconds = seconds;
                    statements = step.getReadCount();
                }
                if (step.getStepName().contains(":")) {
                    continue; // a partition; its step's line has the totals
                }
                long from = step.getStartTime().atZone(java.time.ZoneId.systemDefault()).toInstant().toEpochMilli();
                long to = step.getEndTime().atZone(java.time.ZoneId.systemDefault()).toInstant().toEpochMilli();
                System.out.printf(Locale.ROOT, "%-26s %10.2f %,12d %,14.0f %12d%n", step.getStepName(), seconds,
                        step.getReadCount(), step.getReadCount() / Math.max(seconds, 1e-3),
                        watch.peakLive(from, to) >> 20);
            }
            if (workerCount > 0) {
                BenchWorkers.printMessagingCost(execution, workerCount);
            }
            double cycleSeconds = cycleNanos / 1e9;
            double withoutPdf = cycleSeconds - pdfSeconds;
            for (StepExecution step : steps) {
                double seconds = Duration.between(step.getStartTime(), step.getEndTime()).toNanos() / 1e9;
                if (step.getStepName().equals("statementsPrintFile")) {
                    System.out.printf(Locale.ROOT, "print file / statements step: %.3f (target at most 0.10)%n",
                            seconds / Math.max(statementSeconds, 1e-3));
                }
                if (mail && step.getStepName().equals("sendStatements")) {
                    int sent = mailServer.taken();
                    System.out.printf(Locale.ROOT, "mail: %,d messages taken by the SMTP server in %.2f s = %.0f"
                            + " messages a second (sendStatements, whole cycle with delivery %.2f s)%n", sent, seconds,
                            sent / Math.max(seconds, 1e-3), cycleSeconds);
                    mailServer.stop();
                }
            }
            System.out.printf(Locale.ROOT, "%-26s %10.2f%n", "whole cycle", cycleSeconds);
            System.out.printf(Locale.ROOT, "heap during the cycle: peak used %,d MB (sampled), peak live after a"
                    + " collection %,d MB, JVM max %,d MB%n", watch.peakUsed() >> 20, watch.peakLive() >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
            System.out.println();
            if (earlierCycles == 0) {
                List<String> differences = SqlBaseline.differences(jdbc, cycleDate);
                System.out.println(differences.isEmpty()
                        ? "same answer: the cycle's aged receivables and fees equal the SQL baseline's"
                        : "DIFFERENT from the SQL baseline: " + differences);
                System.out.printf(Locale.ROOT, "cycle without PDFs / SQL baseline: %.2f"
                        + " (target: at most 1.5 at 1,000,000 invoices, 2.5 at 100,000)%n",
                        withoutPdf / (baselineNanos / 1e9));
            } else {
                System.out.printf(Locale.ROOT, "cycle without PDFs: %.2f s (no SQL baseline after earlier cycles)%n",
                        withoutPdf);
            }
            if (!Boolean.parseBoolean(options.getOrDefault("bare-loop", "true"))) {
                System.out.printf(Locale.ROOT, "RESULT accounts=%d invoices=%d cycle_s=%.2f cycle_without_pdf_s=%.2f"
                        + " baseline_s=%.2f statements_per_s=%.0f peak_heap_mb=%d peak_live_mb=%d%n", accounts,
                        invoices, cycleSeconds, withoutPdf, baselineNanos / 1e9,
                        statements / Math.max(statementSeconds, 1e-3), watch.peakUsed() >> 20,
                        watch.peakLive() >> 20);
                return;
            }
            long[] bare = BareJasperLoop.run(context, cycleDate, work.resolve("bare-loop"));
            double bareRate = bare[0] / (bare[1] / 1e9);
            System.out.println(sameStatements(work.resolve("bare-loop"),
                    work.resolve("out").resolve(cycleDate.toString()).resolve("statements")));
            double stepRate = statements / Math.max(statementSeconds, 1e-3);
            System.out.printf(Locale.ROOT, "bare Jasper loop (1 thread, fill + export + write only): %,d statements"
                    + " in %.1f s = %.0f a second%n", bare[0], bare[1] / 1e9, bareRate);
            System.out.printf(Locale.ROOT, "statement step: %,d statements in %.1f s = %.0f a second%n", statements,
                    statementSeconds, stepRate);
            System.out.printf(Locale.ROOT, "statement step / bare loop: %.2f (target: at least 1.8 at 1,000,000 invoices)%n",
                    stepRate / bareRate);
            System.out.printf(Locale.ROOT, "RESULT accounts=%d invoices=%d cycle_s=%.2f cycle_without_pdf_s=%.2f"
                    + " baseline_s=%.2f statements_per_s=%.0f bare_loop_per_s=%.0f peak_heap_mb=%d peak_live_mb=%d%n",
                    accounts, invoices, cycleSeconds, withoutPdf, baselineNanos / 1e9, stepRate, bareRate,
                    watch.peakUsed() >> 20, watch.peakLive() >> 20);
        }
    }

    /** Whether the bare loop rendered the very statements the step did, byte for byte. */
    private static String sameStatements(Path bareLoop, Path step) throws java.io.IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(bareLoop)) {
            files = list.sorted().toList();
        }
        long stepFiles;
        try (Stream<Path> list = Files.list(step)) {
            stepFiles = list.count();
        }
        long different = 0;
        for (Path file : files) {
            Path other = step.resolve(file.getFileName());
            if (!Files.exists(other) || Files.mismatch(file, other) != -1) {
                different++;
            }
        }
        return different == 0 && files.size() == stepFiles
                ? String.format(Locale.ROOT, "same statements: the bare loop's %,d PDFs are the step's, byte for byte",
                        files.size())
                : String.format(Locale.ROOT, "DIFFERENT statements: %,d of the bare loop's %,d PDFs differ from the"
                        + " step's %,d", different, files.size(), stepFiles);
    }

    private static void deleteTree(Path folder) throws java.io.IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
