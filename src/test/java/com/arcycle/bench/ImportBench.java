package com.arcycle.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.arcycle.operations.CommandRunner;

/**
 * scripts/bench --import true: the benchmark's ledger written as the five ledger files
 * (files-and-commands.md), loaded by {@code import-ledger} into the freshly created database as
 * the command runs it (the check of the files, then the job), and the same rows loaded by a
 * plain {@code LOAD DATA LOCAL INFILE} per table into the same tables, emptied again, for
 * comparison. Prints both, each file step's time, the heap during the import, and the ratio.
 */
final class ImportBench {

    /** The ledger file of each of the benchmark's tables. */
    private static final Map<String, String> FILES = Map.of("customer", "customers.csv", "invoice", "invoices.csv",
            "payment", "payments.csv", "dispute", "disputes.csv", "promise", "promises.csv");

    private ImportBench() {
    }

    static void run(ConfigurableApplicationContext context, String url, String user, String password, Path work,
            int accounts, int invoices, LocalDate cycleDate) throws Exception {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        Path tables = Files.createDirectories(work.resolve("ledger"));
        Path files = Files.createDirectories(work.resolve("import"));
        long writeStart = System.nanoTime();
        BenchLedger.Counts counts = BenchLedger.write(tables, accounts, invoices, cycleDate, 42);
        for (String table : BenchLedger.TABLES) {
            toCsv(tables.resolve(table + ".tsv"), BenchLedger.columns(table), files.resolve(FILES.get(table)));
        }
        long rows = counts.customers() + counts.invoices() + counts.payments() + counts.disputes() + counts.promises();
        System.out.printf(Locale.ROOT, "wrote %,d customers, %,d invoices, %,d payments, %,d disputes, %,d promises"
                + " (%,d rows) as the five ledger files in %.1f s (not timed below)%n", counts.customers(),
                counts.invoices(), counts.payments(), counts.disputes(), counts.promises(), rows,
                (System.nanoTime() - writeStart) / 1e9);

        // import-ledger as the command runs it: the check of every file, then the job.
        System.gc();
        HeapWatch watch = HeapWatch.start();
        long importStart = System.nanoTime();
        int exit = context.getBean(CommandRunner.class).execute(new String[] {"import-ledger", "--dir",
            files.toString(), "--out", work.resolve("out").toString()}, new PrintStream(System.out, true,
                    StandardCharsets.UTF_8));
        long importNanos = System.nanoTime() - importStart;
        watch.stop();
        if (exit != 0) {
            throw new IllegalStateException("import-ledger exited with " + exit + " (see above)");
        }
        check(jdbc, counts, "import-ledger");
        System.out.println();
        System.out.printf(Locale.ROOT, "%-26s %10s %12s %14s%n", "import step", "seconds", "rows", "rows/second");
        long stepsMillis = 0;
        for (Map<String, Object> step : jdbc.queryForList("SELECT STEP_NAME, START_TIME, END_TIME, READ_COUNT"
                + " FROM BATCH_STEP_EXECUTION ORDER BY STEP_EXECUTION_ID")) {
            Duration took = Duration.between((java.time.LocalDateTime) step.get("START_TIME"),
                    (java.time.LocalDateTime) step.get("END_TIME"));
            stepsMillis += took.toMillis();
            long read = ((Number) step.get("READ_COUNT")).longValue();
            System.out.printf(Locale.ROOT, "%-26s %10.2f %,12d %,14.0f%n", step.get("STEP_NAME"),
                    took.toMillis() / 1e3, read, read / Math.max(took.toMillis() / 1e3, 1e-3));
        }
        double importSeconds = importNanos / 1e9;
        System.out.printf(Locale.ROOT, "%-26s %10.2f (the job's steps %.2f s; the rest is the check of the files"
                + " and the job's start)%n", "import-ledger", importSeconds, stepsMillis / 1e3);
        System.out.printf(Locale.ROOT, "heap during the import: peak used %,d MB (sampled), peak live after a"
                + " collection %,d MB, JVM max %,d MB%n", watch.peakUsed() >> 20, watch.peakLive() >> 20,
                Runtime.getRuntime().maxMemory() >> 20);

        // The same rows, bulk loaded into the same tables, emptied first.
        Properties settings = new Properties();
        settings.setProperty("user", user);
        settings.setProperty("password", password);
        settings.setProperty("allowLoadLocalInfileInPath", tables.toRealPath().toString());
        long bulkNanos;
        try (Connection connection = DriverManager.getConnection(url, settings)) {
            empty(connection);
            long bulkStart = System.nanoTime();
            BenchLedger.loadFiles(connection, tables);
            bulkNanos = System.nanoTime() - bulkStart;
        }
        check(jdbc, counts, "the bulk load");
        double bulkSeconds = bulkNanos / 1e9;
        System.out.printf(Locale.ROOT, "%-26s %10.2f (LOAD DATA LOCAL INFILE, one per table)%n", "plain bulk load",
                bulkSeconds);
        System.out.println();
        System.out.printf(Locale.ROOT, "import-ledger / plain bulk load: %.2f (target at most 2.0)%n",
                importSeconds / bulkSeconds);
        System.out.printf(Locale.ROOT, "RESULT accounts=%d invoices=%d payments=%d rows=%d import_s=%.2f bulk_s=%.2f"
                + " ratio=%.2f peak_heap_mb=%d peak_live_mb=%d%n", accounts, invoices, counts.payments(), rows,
                importSeconds, bulkSeconds, importSeconds / bulkSeconds, watch.peakUsed() >> 20,
                watch.peakLive() >> 20);
    }

    /**
     * A table's tab-separated file as its ledger file: a header of the spec's column names,
     * commas, null as empty, booleans as true/false. The benchmark's values hold no comma or quote.
     */
    private static void toCsv(Path tsv, List<String> columns, Path csv) throws IOException {
        int recurring = columns.indexOf("recurring_service");
        try (BufferedReader in = Files.newBufferedReader(tsv, StandardCharsets.UTF_8);
                BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write(String.join(",", columns));
            out.write('\n');
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] values = line.split("\t", -1);
                for (int i = 0; i < values.length; i++) {
                    String value = values[i].equals("\\N") ? "" : values[i];
                    if (value.contains(",") || value.contains("\"")) {
                        throw new IllegalStateException("a value the ledger file would need to quote: " + value);
                    }
                    if (i == recurring) {
                        value = value.equals("1") ? "true" : "false";
                    }
                    if (i > 0) {
                        out.write(',');
                    }
                    out.write(value);
                }
                out.write('\n');
            }
        }
    }

    /** Every generated row was loaded, and none rejected. */
    private static void check(JdbcTemplate jdbc, BenchLedger.Counts counts, String by) {
        long[] expected = {counts.customers(), counts.invoices(), counts.payments(), counts.disputes(),
            counts.promises()};
        for (int i = 0; i < expected.length; i++) {
            String table = BenchLedger.TABLES.get(i);
            long found = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
            if (found != expected[i]) {
                throw new IllegalStateException(by + " left " + found + " rows in " + table + ", not " + expected[i]);
            }
        }
    }

    private static void empty(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET FOREIGN_KEY_CHECKS = 0");
            for (String table : BenchLedger.TABLES) {
                statement.execute("TRUNCATE TABLE " + table);
            }
            statement.execute("SET FOREIGN_KEY_CHECKS = 1");
        }
    }
}
