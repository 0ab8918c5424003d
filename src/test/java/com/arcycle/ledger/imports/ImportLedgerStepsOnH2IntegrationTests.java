package com.arcycle.ledger.imports;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.arcycle.testing.CsvFiles;
import com.arcycle.testing.LedgerTables;
import com.arcycle.testing.TestDatabase;

/**
 * Each step of import-ledger on its own ({@link JobOperatorTestUtils#startStep}), on a database
 * prepared for it: what it reads, what it loads or writes, what it rejects. The import as a whole,
 * through its command, is {@link ImportLedgerIntegrationTests}.
 */
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ImportLedgerStepsOnH2IntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.h2(registry, "import-steps");
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JobRepository jobRepository;

    private JobOperatorTestUtils steps;

    @TempDir
    Path ledger;

    @TempDir
    Path out;

    /** The import job's steps, on a ledger of two customers and an invoice of A1. */
    @BeforeEach
    void prepare(@Autowired JobOperator jobOperator, @Autowired @Qualifier("importLedgerJob") Job job) {
        steps = new JobOperatorTestUtils(jobOperator, jobRepository);
        steps.setJob(job);
        for (String table : List.of("import_reject", "promise", "dispute", "payment", "invoice", "customer")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        jdbc.sql("INSERT INTO customer (account_number, name, customer_since, recurring_service)"
                + " VALUES ('A1', 'Acme', '2020-01-01', FALSE), ('A2', 'Bolt', '2021-01-01', FALSE)").update();
        jdbc.sql("INSERT INTO invoice (invoice_number, account_number, issue_date, due_date, amount)"
                + " VALUES ('I-1', 'A1', '2026-01-01', '2026-01-31', 100.00)").update();
    }

    /** A new run of {@code step} on the ledger folder, the check having passed {@code files}. */
    private StepExecution run(String step, String files) {
        return run(step, parameters(files));
    }

    private StepExecution run(String step, JobParameters parameters) {
        JobExecution execution = steps.startStep(step, parameters, new ExecutionContext());
        return execution.getStepExecutions().iterator().next();
    }

    private JobParameters parameters(String files) {
        return steps.getUniqueJobParametersBuilder()
                .addString(LedgerImport.LEDGER_DIR, ledger.toString())
                .addString(LedgerImport.LEDGER_FILES, files, false)
                .addString(LedgerImport.OUT_DIR, out.toString(), false)
                .toJobParameters();
    }

    private void write(String file, String... lines) throws IOException {
        Files.write(ledger.resolve(file), List.of(lines), UTF_8);
    }

    /** "loaded updated unchanged rejected": what the step's context says it did with the rows. */
    private static String counts(StepExecution step) {
        ExecutionContext context = step.getExecutionContext();
        return context.getLong(LedgerImportWriter.LOADED, 0) + " " + context.getLong(LedgerImportWriter.UPDATED, 0)
                + " " + context.getLong(LedgerImportWriter.UNCHANGED, 0) + " "
                + context.getLong(LedgerImportWriter.REJECTED, 0);
    }

    /** The rejects the step's run stored, as "file line column value reason". */
    private List<String> rejects(StepExecution step) {
        return jdbc.sql("SELECT file_name, line_number, column_name, field_value, reason FROM import_reject"
                + " WHERE job_instance = ? ORDER BY reject_id")
                .param(step.getJobExecution().getJobInstance().getInstanceId())
                .query((rs, n) -> String.join(" ", rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .list();
    }

    private List<String> rows(String sql) {
        return LedgerTables.rows(jdbc, sql);
    }

    @Test
    void theCustomersStepInsertsNewAccountsUpdatesKnownOnesAndStoresItsRejectsInImportReject() throws IOException {
        write("customers.csv", "account_number,name,customer_since,late_fee_mode",
                "A1,Acme Holdings,2019-05-01,NEVER",
                "A3,Cog,2022-03-01,",
                "A4,Broken,2021-02-30,");

        StepExecution step = run("importCustomers", "customers.csv");

        assertThat(step.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(step.getReadCount()).isEqualTo(3);
        assertThat(counts(step)).isEqualTo("1 1 0 1");
        assertThat(rows("SELECT account_number, name, customer_since, late_fee_mode FROM customer"
                + " ORDER BY account_number")).containsExactly(
                        "A1 Acme Holdings 2020-01-01 NEVER", "A2 Bolt 2021-01-01 -", "A3 Cog 2022-03-01 -");
        assertThat(rejects(step)).containsExactly(
                "customers.csv 4 customer_since 2021-02-30 customer_since is not a date of the form yyyy-MM-dd");
        assertThat(step.getExecutionContext().getString(LedgerImportWriter.NOTES)).isEqualTo("customers.csv line 2:"
                + " account A1 has customer_since 2019-05-01, but 2020-01-01 was loaded first and is kept");
    }

    @Test
    void theInvoicesStepPassesOverAnInvoiceLoadedAlikeAndRejectsOneWithOtherValuesOrOfAnUnknownAccount()
            throws IOException {
        write("invoices.csv", "invoice_number,account_number,issue_date,due_date,amount",
                "I-1,A1,2026-01-01,2026-01-31,100.00",
                "I-2,A2,2026-01-05,2026-02-04,40.00",
                "I-3,A9,2026-01-05,2026-02-04,40.00",
                "I-1,A1,2026-01-01,2026-01-31,120.00");

        StepExecution step = run("importInvoices", "invoices.csv");

        assertThat(counts(step)).isEqualTo("1 0 1 2");
        assertThat(rows("SELECT invoice_number, amount FROM invoice ORDER BY invoice_number"))
                .containsExactly("I-1 100.00", "I-2 40.00");
        assertThat(rejects(step)).containsExactly(
                "invoices.csv 4 account_number A9 unknown account A9 (not in customers.csv)",
                "invoices.csv 5 invoice_number I-1 duplicate invoice_number with a different amount than an earlier"
                        + " import");
    }

    @Test
    void aStepThatStartsOnAnEmptyTableFindsWhatItLoadedInAnEarlierChunk() throws IOException {
        // The payment table is empty: the step looks up only the keys it may have inserted (InsertedKeys).
        int chunk = ImportLedgerJobConfiguration.CHUNK_SIZE;
        List<String> lines = new ArrayList<>(List.of("payment_id,account_number,received_date,amount"));
        for (int i = 1; i <= chunk; i++) {
            lines.add("P-" + i + ",A1,2026-01-10,5.00");
        }
        lines.add("P-1,A1,2026-01-10,5.00");
        lines.add("P-2,A1,2026-01-10,6.00");
        lines.add("P-0,A1,2026-01-10,7.00");
        write("payments.csv", lines.toArray(String[]::new));

        StepExecution step = run("importPayments", "payments.csv");

        assertThat(step.getCommitCount()).as("two chunks").isEqualTo(2);
        assertThat(counts(step)).isEqualTo((chunk + 1) + " 0 1 1");
        assertThat(rejects(step)).containsExactly("payments.csv " + (chunk + 3) + " payment_id P-2 duplicate"
                + " payment_id with a different amount than an earlier import");
        assertThat(rows("SELECT amount FROM payment WHERE payment_id IN ('P-0', 'P-1', 'P-2') ORDER BY payment_id"))
                .containsExactly("7.00", "5.00", "5.00");
    }

    @Test
    void thePaymentsStepRejectsAPaymentOfAnotherAccountsInvoiceOrOfAnUnknownInvoice() throws IOException {
        write("payments.csv", "payment_id,account_number,invoice_number,received_date,amount",
                "P-1,A1,I-1,2026-01-20,40.00",
                "P-2,A2,I-1,2026-01-20,10.00",
                "P-3,A2,I-7,2026-01-20,10.00",
                "P-4,A2,,2026-01-21,5.00");

        StepExecution step = run("importPayments", "payments.csv");

        assertThat(counts(step)).isEqualTo("2 0 0 2");
        assertThat(rows("SELECT payment_id, account_number, invoice_number FROM payment ORDER BY payment_id"))
                .containsExactly("P-1 A1 I-1", "P-4 A2 -");
        assertThat(rejects(step)).containsExactly(
                "payments.csv 3 invoice_number I-1 invoice I-1 belongs to account A1, not A2",
                "payments.csv 4 invoice_number I-7 unknown invoice I-7 (not in invoices.csv)");
    }

    @Test
    void theDisputesStepFillsInTheResolutionOfADisputeLoadedOpenAndRejectsAnUnknownInvoice() throws IOException {
        jdbc.sql("INSERT INTO dispute (invoice_number, opened_date) VALUES ('I-1', '2026-01-10')").update();
        write("disputes.csv", "invoice_number,opened_date,resolved_date,reason",
                "I-1,2026-01-10,2026-02-15,Credited",
                "I-1,2026-02-20,,Again",
                "I-9,2026-01-10,,Unknown");

        StepExecution step = run("importDisputes", "disputes.csv");

        assertThat(counts(step)).isEqualTo("1 1 0 1");
        assertThat(rows("SELECT invoice_number, opened_date, resolved_date, reason FROM dispute ORDER BY opened_date"))
                .containsExactly("I-1 2026-01-10 2026-02-15 Credited", "I-1 2026-02-20 - Again");
        assertThat(rejects(step)).containsExactly(
                "disputes.csv 4 invoice_number I-9 unknown invoice I-9 (not in invoices.csv)");
    }

    @Test
    void thePromisesStepKeysPromisesByIdAndAPromiseLoadedWithoutOneTakesTheIdOfTheSameValues() throws IOException {
        jdbc.sql("INSERT INTO promise (promise_id, account_number, created_date, promised_date, amount) VALUES"
                + " (NULL, 'A1', '2026-03-01', '2026-03-10', 500.00),"
                + " ('PR-9', 'A2', '2026-03-02', '2026-03-20', 75.00)").update();
        write("promises.csv", "promise_id,account_number,created_date,promised_date,amount",
                "PR-1,A1,2026-03-01,2026-03-10,500.00",
                "PR-2,A1,2026-03-01,2026-03-10,500.00",
                "PR-9,A2,2026-03-02,2026-03-20,80.00");

        StepExecution step = run("importPromises", "promises.csv");

        assertThat(counts(step)).isEqualTo("1 1 0 1");
        assertThat(rows("SELECT promise_id, account_number, amount FROM promise ORDER BY promise_id"))
                .containsExactly("PR-1 A1 500.00", "PR-2 A1 500.00", "PR-9 A2 75.00");
        assertThat(rejects(step)).containsExactly(
                "promises.csv 4 promise_id PR-9 duplicate promise_id with a different amount than an earlier import");
    }

    @Test
    void aFileStepReadsNothingOfAFileTheCheckDidNotPass() throws IOException {
        write("customers.csv", "account_number,name,customer_since", "A3,Cog,2022-03-01");

        StepExecution step = run("importCustomers", "invoices.csv");

        assertThat(step.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(step.getReadCount()).isZero();
        assertThat(rows("SELECT account_number FROM customer ORDER BY account_number")).containsExactly("A1", "A2");
    }

    @Test
    void aRestartedFileStepResumesAfterTheLastCommittedChunk() throws IOException {
        List<String> customers = new ArrayList<>(List.of("account_number,name,customer_since"));
        int chunk = ImportLedgerJobConfiguration.CHUNK_SIZE;
        for (int i = 1; i <= chunk + 500; i++) {
            customers.add(String.format("C%06d,Customer %d,2020-01-01", i, i));
        }
        // A quote never closed after a chunk and 500 rows fails the step in its second chunk (the file changed
        // after the check).
        List<String> broken = new ArrayList<>(customers);
        broken.add("C999999,\"Never closed,2020-01-01");
        write("customers.csv", broken.toArray(String[]::new));
        JobParameters parameters = parameters("customers.csv");

        StepExecution failed = run("importCustomers", parameters);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getCommitCount()).isEqualTo(1);
        assertThat(counts(failed)).isEqualTo(chunk + " 0 0 0");

        write("customers.csv", customers.toArray(String[]::new));
        StepExecution restarted = run("importCustomers", parameters);

        assertThat(restarted.getJobExecution().getJobInstance()).isEqualTo(failed.getJobExecution().getJobInstance());
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getReadCount()).as("rows read after the committed chunk").isEqualTo(500);
        assertThat(counts(restarted)).isEqualTo((chunk + 500) + " 0 0 0");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM customer").query(Long.class).single()).as("A1, A2 and the file's")
                .isEqualTo(chunk + 502L);
    }

    @Test
    void theRejectsFileStepWritesItsRunsRejectsInLoadOrderOfTheFilesThenByLine() throws IOException {
        JobParameters parameters = parameters("");
        long run = failedFirstAttempt(parameters);
        jdbc.sql("INSERT INTO import_reject (job_instance, file_name, line_number, column_name, field_value, reason)"
                + " VALUES (?, 'promises.csv', 2, 'amount', '0', 'amount must be greater than 0'),"
                + " (?, 'customers.csv', 9, 'customer_since', '+10000-01-01', 'customer_since is outside the dates'),"
                + " (?, 'invoices.csv', 3, 'account_number', 'A9', 'unknown account A9 (not in customers.csv)'),"
                + " (?, 'customers.csv', 4, '', '', 'the row has 2 values, the header 3'),"
                + " (?, 'invoices.csv', 5, 'amount', '1', 'of another run')")
                .params(run, run, run, run, run + 1).update();

        StepExecution step = run("importRejectsFile", parameters);

        assertThat(step.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(CsvFiles.rows(out.resolve("import-rejects.csv"))).extracting(r -> String.join(" ", r.values()))
                .containsExactly(
                        "customers.csv 4   the row has 2 values, the header 3",
                        "customers.csv 9 customer_since '+10000-01-01 customer_since is outside the dates",
                        "invoices.csv 3 account_number A9 unknown account A9 (not in customers.csv)",
                        "promises.csv 2 amount 0 amount must be greater than 0");
        assertThat(out.resolve(".import-rejects.csv.part")).doesNotExist();
    }

    /**
     * Starts the run of these parameters as a failed attempt, so that its job instance, which keys
     * the rejects, is known before its step runs; returns that instance's id.
     */
    private long failedFirstAttempt(JobParameters parameters) {
        JobExecution attempt = jobRepository.createJobExecution(
                jobRepository.createJobInstance(JobOperatorTestUtils.JOB_NAME, parameters), parameters,
                new ExecutionContext());
        attempt.setStatus(BatchStatus.FAILED);
        attempt.setStartTime(LocalDateTime.now());
        attempt.setEndTime(LocalDateTime.now());
        jobRepository.update(attempt);
        return attempt.getJobInstance().getInstanceId();
    }
}
