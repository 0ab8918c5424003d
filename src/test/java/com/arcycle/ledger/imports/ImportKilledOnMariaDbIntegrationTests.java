package com.arcycle.ledger.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.arcycle.testing.EnabledWithMySql;
import com.arcycle.testing.Launcher;
import com.arcycle.testing.TestDatabase;

/**
 * An import killed with SIGKILL leaves its run STARTED; the next import marks it as crashed,
 * says so, and loads the rest, leaving what the killed one loaded as it was.
 */
@EnabledWithMySql
class ImportKilledOnMariaDbIntegrationTests {

    private static final int CUSTOMERS = 12 * ImportLedgerJobConfiguration.CHUNK_SIZE;
    private static String database;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.createMySql("import_killed");
    }

    @AfterAll
    static void dropDatabase() {
        TestDatabase.dropMySql(database);
    }

    @TempDir
    Path work;

    private final JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(
            TestDatabase.databaseUrl(database), TestDatabase.user(), TestDatabase.password()));

    @Test
    void theNextImportMarksAKilledImportAsCrashedAndLoadsTheRest() throws Exception {
        Path ledger = Files.createDirectory(work.resolve("ledger"));
        try (BufferedWriter out = Files.newBufferedWriter(ledger.resolve("customers.csv"), StandardCharsets.UTF_8)) {
            out.write("account_number,name,customer_since\n");
            for (int i = 0; i < CUSTOMERS; i++) {
                out.write(String.format("A%06d,Customer %d,2020-01-01%n", i, i));
            }
        }
        List<String> command = List.of("import-ledger", "--dir", ledger.toString(), "--out", work.toString());

        Process killed = launch(command, work.resolve("killed.log"));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (commits() < 2) {
            assertThat(killed.isAlive()).as("the import runs until it is killed").isTrue();
            assertThat(System.nanoTime()).as("two chunks committed in time").isLessThan(deadline);
            Thread.sleep(5);
        }
        killed.destroyForcibly();
        assertThat(killed.waitFor()).as("killed with SIGKILL").isEqualTo(137);
        assertThat(jdbc.queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION", String.class)).isEqualTo("STARTED");
        int loadedBeforeTheKill = jdbc.queryForObject("SELECT COUNT(*) FROM customer", Integer.class);
        assertThat(loadedBeforeTheKill).isBetween(2 * ImportLedgerJobConfiguration.CHUNK_SIZE, CUSTOMERS - 1);

        Process again = launch(command, work.resolve("again.log"));
        assertThat(again.waitFor()).as("the next import's exit code").isZero();

        String console = Files.readString(work.resolve("again.log"));
        assertThat(console).contains("was left running by a process that stopped; it is now marked as crashed.")
                .containsPattern("customers.csv +" + String.format("%,d", CUSTOMERS)
                        + " rows read, +[0-9,]+ loaded, +0 updated, +"
                        + String.format("%,d", loadedBeforeTheKill) + " already loaded");
        assertThat(jdbc.queryForList("SELECT STATUS, EXIT_MESSAGE FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID"))
                .extracting(row -> row.get("STATUS") + " " + row.get("EXIT_MESSAGE"))
                .containsExactly("FAILED crashed: the process stopped while it ran", "COMPLETED ");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer", Integer.class)).isEqualTo(CUSTOMERS);
    }

    private long commits() {
        try {
            return jdbc.queryForObject("SELECT COALESCE(SUM(COMMIT_COUNT), 0) FROM BATCH_STEP_EXECUTION"
                    + " WHERE STEP_NAME = 'importCustomers' AND STATUS = 'STARTED'", Long.class);
        } catch (RuntimeException e) {
            return 0; // the schema is not there yet while the import starts
        }
    }

    /** scripts/arcycle with this test's classes, on the scratch database, its console in {@code log}. */
    private Process launch(List<String> args, Path log) throws IOException {
        if (launcher == null) {
            launcher = new Launcher(work.resolve("arcycle")).database(TestDatabase.databaseUrl(database))
                    .environment("ARCYCLE_DB_USER", TestDatabase.user())
                    .environment("ARCYCLE_DB_PASSWORD", TestDatabase.password());
        }
        return launcher.start(log, args.toArray(String[]::new));
    }

    private Launcher launcher;
}
