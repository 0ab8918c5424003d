package com.arcycle.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.arcycle.batch.CycleFolder;
import com.arcycle.testing.EnabledWithMySql;
import com.arcycle.testing.ManifestCheck;
import com.arcycle.testing.Launcher;
import com.arcycle.testing.SyntheticLedger;
import com.arcycle.testing.TestDatabase;

/**
 * Exactly once, however a run dies: the cycle runs in a separate JVM (through scripts/arcycle)
 * against MariaDB and is killed with SIGKILL in the middle of a step, then continued with
 * {@code scripts/arcycle restart}. Every output file must have the SHA-256 of the file an
 * uninterrupted run writes (run here in the test's own JVM on another database, with another
 * chunk size), statements included, and the fee ledger, allocations, statements (with each
 * statement's recorded SHA-256) and stages must be the same.
 */
@SpringBootTest
@EnabledWithMySql
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CrashRestartIntegrationTests {

    private static final int ACCOUNTS = 400;
    private static final List<String> CYCLES = List.of("2026-01-31", "2026-03-02", "2026-04-01", "2026-05-01");
    private static String reference;
    private static final String CRASHED = TestDatabase.mySqlConfigured() ? TestDatabase.createMySql("crashed") : null;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        reference = TestDatabase.mySql(registry, "reference");
    }

    @AfterAll
    static void dropDatabases() {
        TestDatabase.dropMySql(reference);
        TestDatabase.dropMySql(CRASHED);
    }

    @Autowired
    CommandRunner commands;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path work;

    private int runHere(String... args) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        return commands.execute(args, new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    @Test
    void killedRunsRestartToTheSameFilesAndLedgerAsAnUninterruptedRun() throws Exception {
        Path ledger = work.resolve("ledger");
        SyntheticLedger.write(ledger, ACCOUNTS, 42);
        Path referenceOut = work.resolve("reference");
        Path crashedOut = work.resolve("crashed");

        assertThat(runHere("import-ledger", "--dir", ledger.toString(), "--out", referenceOut.toString())).isZero();
        for (String cycle : CYCLES) {
            assertThat(runHere("run-cycle", "--cycle-date", cycle, "--out", referenceOut.toString())).isZero();
        }

        assertThat(launch("import-ledger", "--dir", ledger.toString(), "--out", crashedOut.toString()).waitFor())
                .isZero();
        crashAndRestart("2026-01-31", crashedOut, "lateFees", 3);
        crashAndRestart("2026-03-02", crashedOut, "statements", 2, "agedReceivablesFile", 2);
        crashAndRestart("2026-04-01", crashedOut, "applyPayments", 4, "dunning", 3, "callList", 3);
        crashAndRestart("2026-05-01", crashedOut, "writeOffsAndReferrals", 5, "collectionsReferralFile", 1);

        assertThat(filesAndHashes(crashedOut)).isEqualTo(filesAndHashes(referenceOut));
        for (String cycle : CYCLES) {
            ManifestCheck.assertManifestMatchesFiles(crashedOut.resolve(cycle), cycle);
        }
        try (Connection crashed = connect()) {
            for (String sql : List.of(
                    "SELECT item_id, item_type, account_number, invoice_number, amount, balance, fee_basis,"
                            + " paid_off_date, written_off_date, posted_cycle FROM ledger_item ORDER BY item_id",
                    "SELECT cycle_date, account_number, item_id, payment_id, source, applied_date, amount"
                            + " FROM allocation ORDER BY cycle_date, account_number, item_id, applied_date,"
                            + " payment_id, amount",
                    "SELECT account_number, cycle_date, file_name, sha256 FROM statement"
                            + " ORDER BY account_number, cycle_date",
                    "SELECT * FROM collection_decision ORDER BY cycle_date, account_number",
                    "SELECT * FROM cycle_promise ORDER BY cycle_date, account_number, state",
                    "SELECT * FROM referred_account ORDER BY account_number",
                    "SELECT * FROM account_cycle ORDER BY cycle_date, account_number",
                    "SELECT * FROM referral ORDER BY cycle_date, item_id",
                    "SELECT * FROM write_off ORDER BY cycle_date, item_id",
                    "SELECT payment_id, cycle_date, to_credit FROM payment_posting ORDER BY payment_id",
                    "SELECT * FROM account_state ORDER BY account_number",
                    "SELECT * FROM call_list ORDER BY cycle_date, account_number",
                    "SELECT * FROM referral_call_notes ORDER BY cycle_date, account_number")) {
                List<String> expected = jdbc.query(sql, (rs, n) -> row(rs));
                assertThat(rows(crashed, sql)).as(sql).isEqualTo(expected);
            }
        }
        long fees = jdbc.queryForObject("SELECT COUNT(*) FROM ledger_item WHERE item_type = 'FEE'", Long.class);
        long referred = jdbc.queryForObject("SELECT COUNT(*) FROM referral", Long.class);
        assertThat(fees).as("the ledger exercises fees").isGreaterThan(100);
        assertThat(referred).as("the ledger exercises referrals").isGreaterThan(10);
    }

    @Test
    void aSecondCommandWhileOneIsRunningIsRefused() throws Exception {
        // Another process holds the run lock, as a running cycle does.
        try (Connection other = DriverManager.getConnection(TestDatabase.databaseUrl(reference), TestDatabase.user(),
                TestDatabase.password());
                ResultSet lock = other.createStatement()
                        .executeQuery("SELECT GET_LOCK(CONCAT('arcycle.', DATABASE()), 0)")) {
            lock.next();
            assertThat(lock.getInt(1)).isEqualTo(1);
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            int code = commands.execute(new String[] {"run-cycle", "--cycle-date", "2026-06-01", "--out",
                    work.toString()}, new PrintStream(console, true, StandardCharsets.UTF_8));
            assertThat(code).isEqualTo(2);
            assertThat(console.toString(StandardCharsets.UTF_8)).contains("run-cycle refused: another arcycle command"
                    + " (a cycle or an import) is running on this database now");
            assertThat(work.resolve("2026-06-01")).doesNotExist();
        }
    }

    /**
     * Runs a cycle in its own JVM and kills it (SIGKILL) once the given step has committed the
     * given number of chunks; each further (step, commits) pair kills the restart the same way;
     * the last restart must complete.
     */
    private void crashAndRestart(String cycle, Path out, Object... killPoints) throws Exception {
        Process run = launch("run-cycle", "--cycle-date", cycle, "--out", out.toString());
        for (int i = 0; i < killPoints.length; i += 2) {
            killWhen(run, (String) killPoints[i], (Integer) killPoints[i + 1]);
            assertThat(lastJobStatus()).as("the killed run is left STARTED").isEqualTo("STARTED");
            run = launch("restart");
        }
        assertThat(run.waitFor()).as("restart of %s exit code", cycle).isZero();
        assertThat(Files.readString(log(run))).contains("recovering it").contains("The cycle of " + cycle
                + " completed");
    }

    private void killWhen(Process process, String step, int commits) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the run ended before step " + step + " reached " + commits
                        + " commits; log: " + Files.readString(log(process)));
            }
            if (stepCommits(step) >= commits) {
                process.destroyForcibly();
                assertThat(process.waitFor()).as("killed with SIGKILL").isEqualTo(137);
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("step " + step + " never reached " + commits + " commits");
    }

    private final Map<Process, Path> logs = new java.util.HashMap<>();

    private Path log(Process process) {
        return logs.get(process);
    }

    private Launcher launcher;

    private Process launch(String... args) throws IOException {
        if (launcher == null) {
            launcher = new Launcher(work.resolve("arcycle")).database(TestDatabase.databaseUrl(CRASHED))
                    .environment("ARCYCLE_DB_USER", TestDatabase.user())
                    .environment("ARCYCLE_DB_PASSWORD", TestDatabase.password());
        }
        List<String> command = new ArrayList<>(List.of(args));
        command.add("--arcycle.batch.chunk-size=5");
        Path log = Files.createTempFile(work, "run-", ".log");
        Process process = launcher.start(log, command.toArray(String[]::new));
        logs.put(process, log);
        return process;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(TestDatabase.databaseUrl(CRASHED), TestDatabase.user(),
                TestDatabase.password());
    }

    private long stepCommits(String step) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement("""
                        SELECT COALESCE(SUM(s.COMMIT_COUNT), -1) FROM BATCH_STEP_EXECUTION s
                        WHERE (s.STEP_NAME = ? OR s.STEP_NAME LIKE CONCAT(?, 'Partition:%')) AND s.STATUS = 'STARTED'
                          AND s.JOB_EXECUTION_ID = (SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION)
                        """)) {
            statement.setString(1, step);
            statement.setString(2, step);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            return -1; // the schema is not there yet while the child starts
        }
    }

    private String lastJobStatus() throws SQLException {
        try (Connection connection = connect();
                ResultSet rs = connection.createStatement().executeQuery("SELECT STATUS FROM BATCH_JOB_EXECUTION"
                        + " ORDER BY JOB_EXECUTION_ID DESC LIMIT 1")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = connection.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                rows.add(row(rs));
            }
        }
        return rows;
    }

    private static String row(ResultSet rs) throws SQLException {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            row.append(rs.getString(i)).append('|');
        }
        return row.toString();
    }

    private static Map<String, String> filesAndHashes(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            // The folder's claim names its run and database, which differ between the two ledgers.
            for (Path file : walk.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().equals(CycleFolder.MARKER)).toList()) {
                files.put(folder.relativize(file).toString(), ManifestCheck.sha256(file));
            }
        }
        return files;
    }
}
