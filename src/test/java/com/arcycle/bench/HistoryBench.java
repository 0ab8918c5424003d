package com.arcycle.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.SimpleJob;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.arcycle.cycle.StatementCycle;

/**
 * {@code scripts/bench --history-months 60}: years of monthly cycles on one ledger, to see whether a
 * cycle's time grows with the ledger's history. The ledger has {@code --invoices} invoices a year
 * spread evenly over the months, every account's behaviour fixed (prompt, late, partial then paid,
 * paid only after collections), every invoice paid in the end to the cent, and the late fees a cycle
 * charges paid 15 days later by a payment sent for no invoice ({@link #settleFees}): no credit builds
 * up and no fee stays open, so the open book keeps its size from the first year on while the closed
 * history grows. Every monthly cycle (30 days apart, the last on --cycle-date) runs
 * the real job's steps except the documents (statements, their mail, the print file, the summary),
 * which take most of a cycle's time and read nothing of the history (the statement rows they would
 * record are written, {@link #recordStatements}); the cycles named by
 * {@code --timed-months} (12,60) print their steps' times.
 */
final class HistoryBench {

    /**
     * The steps that make the statements and the summary: left out of every cycle here (Benchmark
     * subtracts them, and the call sheet too, which these cycles still make: their figures stay
     * comparable with the history figures measured before the call sheet was counted out).
     */
    private static final Set<String> DOCUMENT_STEPS = Set.of("statements", "sendStatements", "statementsPrintFile",
            "cycleSummaryFile");

    private HistoryBench() {
    }

    static void run(ConfigurableApplicationContext context, String url, Map<String, String> options, Path work)
            throws Exception {
        int accounts = Integer.parseInt(options.get("accounts"));
        int invoicesPerYear = Integer.parseInt(options.get("invoices"));
        int months = Integer.parseInt(options.get("history-months"));
        LocalDate lastCycle = LocalDate.parse(options.get("cycle-date"));
        Set<Integer> timed = new TreeSet<>();
        for (String month : options.getOrDefault("timed-months", "12," + months).split(",")) {
            timed.add(Integer.parseInt(month.trim()));
        }
        LocalDate firstCycle = lastCycle.minusDays(30L * (months - 1));
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

        long loadStart = System.nanoTime();
        Path ledger = Files.createDirectories(work.resolve("ledger"));
        Properties settings = new Properties();
        settings.setProperty("user", options.get("user"));
        settings.setProperty("password", options.get("password"));
        settings.setProperty("allowLoadLocalInfileInPath", ledger.toRealPath().toString());
        long[] counts;
        try (Connection connection = DriverManager.getConnection(url, settings)) {
            counts = load(connection, ledger, accounts, invoicesPerYear, firstCycle.minusDays(30), lastCycle, 42);
        }
        jdbc.execute("ANALYZE TABLE customer, invoice, payment, dispute, promise");
        System.out.printf(Locale.ROOT, "history: %,d accounts, %,d invoices and %,d payments over %d months"
                + " (%,d invoices a year), %,d promises, loaded in %.1f s; cycles %s to %s%n", accounts, counts[0],
                counts[1], months, invoicesPerYear, counts[2], (System.nanoTime() - loadStart) / 1e9, firstCycle,
                lastCycle);

        Job job = withoutDocuments(context);
        JobOperator operator = context.getBean(JobOperator.class);
        Map<Integer, Double> seconds = new LinkedHashMap<>();
        long untimedNanos = 0;
        for (int month = 1; month <= months; month++) {
            LocalDate cycleDate = firstCycle.plusDays(30L * (month - 1));
            if (timed.contains(month)) {
                System.gc();
            }
            long start = System.nanoTime();
            JobExecution execution = operator.start(job, StatementCycle.parameters(cycleDate, work.resolve("out")));
            long nanos = System.nanoTime() - start;
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                throw new IllegalStateException("the cycle of " + cycleDate + " failed: "
                        + execution.getAllFailureExceptions());
            }
            recordStatements(jdbc, cycleDate);
            if (month < months) {
                settleFees(jdbc, cycleDate);
            }
            if (timed.contains(month)) {
                seconds.put(month, nanos / 1e9);
                print(month, cycleDate, execution, nanos, jdbc);
            } else {
                untimedNanos += nanos;
                if (month % 12 == 0) {
                    System.out.printf(Locale.ROOT, "month %d (%s): %.1f s, untimed cycles so far %.0f s%n", month,
                            cycleDate, nanos / 1e9, untimedNanos / 1e9);
                }
            }
        }
        List<Integer> order = new ArrayList<>(seconds.keySet());
        if (order.size() >= 2) {
            int first = order.get(0);
            int last = order.get(order.size() - 1);
            System.out.printf(Locale.ROOT, "cycle without documents, month %d / month %d: %.2f / %.2f = %.2f"
                    + " (target at most 1.2)%n", last, first, seconds.get(last), seconds.get(first),
                    seconds.get(last) / seconds.get(first));
        }
    }

    /** The statement-cycle job's own steps, in its order, less the documents. */
    private static Job withoutDocuments(ConfigurableApplicationContext context) {
        SimpleJob cycle = context.getBean("statementCycleJob", SimpleJob.class);
        SimpleJob job = new SimpleJob(StatementCycle.JOB_NAME);
        job.setJobRepository(context.getBean(JobRepository.class));
        for (String name : cycle.getStepNames()) {
            if (!DOCUMENT_STEPS.contains(name)) {
                Step step = cycle.getStep(name);
                job.addStep(step);
            }
        }
        return job;
    }

    private static void print(int month, LocalDate cycleDate, JobExecution execution, long nanos, JdbcTemplate jdbc) {
        Map<String, Object> book = jdbc.queryForMap("SELECT COUNT(*) AS items, SUM(CASE WHEN balance > 0 AND"
                + " written_off_date IS NULL THEN 1 ELSE 0 END) AS open_items, SUM(CASE WHEN balance > 0 AND"
                + " written_off_date IS NULL THEN balance ELSE 0 END) AS open_balance FROM ledger_item");
        BigDecimal credit = jdbc.queryForObject("SELECT COALESCE(SUM(unapplied_credit), 0) FROM account_state",
                BigDecimal.class);
        System.out.printf(Locale.ROOT, "%nmonth %d, cycle %s: %.2f s without documents; ledger items %,d, open %,d"
                + " (balance %,.2f), unapplied credit %,.2f%n", month, cycleDate, nanos / 1e9,
                ((Number) book.get("items")).longValue(), ((Number) book.get("open_items")).longValue(),
                (BigDecimal) book.get("open_balance"), credit);
        List<StepExecution> steps = new ArrayList<>(execution.getStepExecutions());
        steps.sort(Comparator.comparing(StepExecution::getStartTime));
        for (StepExecution step : steps) {
            if (!step.getStepName().contains(":")) {
                System.out.printf(Locale.ROOT, "  %-26s %8.2f s %,10d items%n", step.getStepName(),
                        Duration.between(step.getStartTime(), step.getEndTime()).toNanos() / 1e9, step.getReadCount());
            }
        }
    }

    /**
     * The statement rows the statement step would have recorded (the documents are not made here),
     * so that what later cycles read of earlier statements (a referral's paper trail, one cycle's
     * statements) meets years of them.
     */
    private static void recordStatements(JdbcTemplate jdbc, LocalDate cycleDate) {
        jdbc.update("""
                INSERT INTO statement (account_number, cycle_date, file_name, sha256)
                SELECT account_number, cycle_date, CONCAT(account_number, '.pdf'), REPEAT('0', 64)
                FROM collection_decision
                WHERE cycle_date = ? AND action IN ('STATEMENT', 'REFERRED')""", cycleDate);
    }

    /**
     * Each account pays the fees the cycle of {@code cycleDate} charged it, 15 days later (before the
     * next cycle), in one payment sent for no invoice (FIFO credit): what it pays over its invoices
     * equals its fees, so neither credit nor open fees pile up over the years.
     */
    private static void settleFees(JdbcTemplate jdbc, LocalDate cycleDate) {
        jdbc.update("""
                INSERT INTO payment (payment_id, account_number, invoice_number, received_date, amount)
                SELECT CONCAT('F', ?, '-', account_number), account_number, NULL, ?, SUM(amount)
                FROM ledger_item
                WHERE item_type = 'FEE' AND issue_date = ?
                GROUP BY account_number
                ORDER BY account_number""", cycleDate.toString().replace("-", ""), cycleDate.plusDays(15), cycleDate);
    }

    /**
     * Writes and loads the ledger: invoices from {@code start} to {@code end}; returns the invoices,
     * payments and promises written.
     */
    static long[] load(Connection connection, Path folder, int accounts, int invoicesPerYear, LocalDate start,
            LocalDate end, long seed) throws IOException, SQLException {
        SplittableRandom random = new SplittableRandom(seed);
        long span = end.toEpochDay() - start.toEpochDay();
        long invoices = 0;
        long payments = 0;
        long promises = 0;
        try (BufferedWriter customers = BenchLedger.writer(folder, "customer.tsv");
                BufferedWriter invoiceFile = BenchLedger.writer(folder, "invoice.tsv");
                BufferedWriter paymentFile = BenchLedger.writer(folder, "payment.tsv");
                BufferedWriter disputeFile = BenchLedger.writer(folder, "dispute.tsv");
                BufferedWriter promiseFile = BenchLedger.writer(folder, "promise.tsv")) {
            for (int a = 0; a < accounts; a++) {
                String account = String.format("B%07d", a);
                LocalDate since = start.minusDays(200 + random.nextInt(3000));
                int modeDraw = random.nextInt(10);
                String mode = modeDraw < 8 ? "ALWAYS" : modeDraw == 8 ? "HABITUAL" : "NEVER";
                BenchLedger.line(customers, account, "Customer " + a, "ap" + a + "@example.com", "Springfield", since.toString(),
                        mode, random.nextInt(5) == 0 ? "1" : "0");
                long perYear = invoicesPerYear / accounts + (a < invoicesPerYear % accounts ? 1 : 0);
                int count = (int) (perYear * span / 365);
                int behaviour = random.nextInt(20); // 0-13 prompt, 14-17 late, 18 partial, 19 paid after collections
                // Each account bills on its own day of the period: with one phase for all, more or fewer
                // invoices fall due between two cycles month by month and the open book swings with it.
                long phase = random.nextLong(Math.max(span / Math.max(count, 1), 1));
                for (int i = 0; i < count; i++) {
                    LocalDate issued = start.plusDays(phase + (long) i * span / Math.max(count, 1)
                            + random.nextInt(20));
                    if (issued.isAfter(end)) {
                        // Not moved to the last day: those would swell the last cycle's open book.
                        continue;
                    }
                    String number = "N" + (++invoices);
                    LocalDate due = issued.plusDays(30);
                    BigDecimal amount = BigDecimal.valueOf(2000 + random.nextInt(500000), 2);
                    BenchLedger.line(invoiceFile, number, account, issued.toString(), due.toString(), amount.toPlainString());
                    if (random.nextInt(50) == 0) {
                        LocalDate opened = issued.plusDays(3 + random.nextInt(20));
                        LocalDate resolved = random.nextBoolean() ? opened.plusDays(10 + random.nextInt(60)) : null;
                        BenchLedger.line(disputeFile, number, opened.toString(), resolved == null ? "\\N" : resolved.toString());
                    }
                    // Every invoice is paid in the end, to the cent (settleFees pays the fees), so the
                    // open book keeps its size after the first months.
                    if (behaviour == 18) {
                        BigDecimal half = amount.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
                        BenchLedger.line(paymentFile, "Q" + (++payments), account, number,
                                due.plusDays(random.nextInt(30)).toString(), half.toPlainString());
                        BenchLedger.line(paymentFile, "Q" + (++payments), account, number,
                                due.plusDays(60 + random.nextInt(60)).toString(),
                                amount.subtract(half).toPlainString());
                    } else {
                        LocalDate paid = switch (behaviour) {
                            case 14, 15, 16, 17 -> due.plusDays(11 + random.nextInt(60));
                            case 19 -> due.plusDays(120 + random.nextInt(120));
                            default -> due.minusDays(random.nextInt(20));
                        };
                        BenchLedger.line(paymentFile, "Q" + (++payments), account, number, paid.toString(),
                                amount.toPlainString());
                    }
                }
                // About one promise to pay an account in eight years, made 20 days before a cycle.
                for (LocalDate cycle = start.plusDays(30); !cycle.isAfter(end); cycle = cycle.plusDays(30)) {
                    if (random.nextInt(100) == 0) {
                        promises++;
                        BenchLedger.line(promiseFile, account, cycle.minusDays(20).toString(), cycle.plusDays(10).toString(),
                                BigDecimal.valueOf(10000 + random.nextInt(100000), 2).toPlainString());
                    }
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String table : new String[] {"customer", "invoice", "payment", "dispute", "promise"}) {
                statement.execute("LOAD DATA LOCAL INFILE '" + folder.resolve(table + ".tsv").toAbsolutePath()
                        + "' INTO TABLE " + table + " (" + String.join(", ", BenchLedger.columns(table)) + ")");
            }
        }
        return new long[] {invoices, payments, promises};
    }
}
