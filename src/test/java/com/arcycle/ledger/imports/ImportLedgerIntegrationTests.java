package com.arcycle.ledger.imports;

import static org.assertj.core.api.Assertions.assertThat;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import com.arcycle.testing.RunsCommands;
import com.arcycle.testing.SharedFiles;

/** import-ledger end to end: what is loaded, what is rejected or refused, and why. */
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class ImportLedgerIntegrationTests extends RunsCommands {

    @Autowired
    JobRepository jobRepository;

    @TempDir
    Path ledger;

    @TempDir
    Path out;

    @BeforeEach
    void emptyLedger() {
        for (String table : List.of("import_reject", "promise", "dispute", "payment", "invoice", "customer")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }

    private int importLedger(Path dir) {
        return console.run("import-ledger", "--dir", dir.toString(), "--out", out.toString());
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private List<String> rejects() throws IOException {
        return Files.readAllLines(out.resolve("import-rejects.csv"));
    }

    private void write(String file, String... lines) throws IOException {
        Files.write(ledger.resolve(file), List.of(lines), StandardCharsets.UTF_8);
    }

    @Test
    void importingTheSameFilesAgainChangesNothing() throws IOException {
        Path example = SharedFiles.path("examples/small-ledger/ledger");
        assertThat(importLedger(example)).isZero();
        List<Long> first = List.of(count("customer"), count("invoice"), count("payment"), count("dispute"),
                count("promise"));
        assertThat(first).containsExactly(10L, 14L, 7L, 1L, 1L);

        assertThat(importLedger(example)).isZero();
        assertThat(List.of(count("customer"), count("invoice"), count("payment"), count("dispute"), count("promise")))
                .isEqualTo(first);
        assertThat(console.output()).contains(
                "invoices.csv          14 rows read,         0 loaded,       0 updated,        14 already loaded,      0 rejected");
        assertThat(rejects()).containsExactly("file,line,column,value,reason");
    }

    @Test
    void badRowsAreRejectedWithFileLineValueAndReasonAndGoodRowsAreLoaded() throws IOException {
        write("customers.csv",
                "account_number,name,customer_since,late_fee_mode",
                "A1,Acme,2020-01-01,ALWAYS",
                "A2,\"Bolt, Nut & Co\",2021-06-01,",
                "",
                "A3,Broken,2021-02-30,ALWAYS");
        write("invoices.csv",
                "amount,invoice_number,account_number,issue_date,due_date",
                "100.00,I-1,A1,2026-01-01,2026-01-31",
                "50.00,I-2,A9,2026-01-01,2026-01-31",
                "12.345,I-3,A1,2026-01-01,2026-01-31",
                "75.00,I-4,A2,2026-02-01,2026-01-15",
                "80.00,I-5,A2,2026-01-01,2026-01-31",
                "81.00,I-5,A2,2026-01-01,2026-01-31");
        write("payments.csv",
                "payment_id,account_number,invoice_number,received_date,amount",
                "P-1,A1,I-1,2026-01-20,40.00",
                "P-2,A1,I-5,2026-01-20,10.00",
                "P-3,A2,,2026-01-21,0");
        write("disputes.csv",
                "invoice_number,opened_date,resolved_date",
                "I-1,2026-01-10,",
                "I-77,2026-01-10,");

        assertThat(importLedger(ledger)).isEqualTo(3);

        assertThat(jdbc.sql("SELECT account_number FROM customer ORDER BY account_number").query(String.class).list())
                .containsExactly("A1", "A2");
        assertThat(jdbc.sql("SELECT invoice_number FROM invoice ORDER BY invoice_number").query(String.class).list())
                .containsExactly("I-1", "I-5");
        assertThat(jdbc.sql("SELECT amount FROM invoice WHERE invoice_number = 'I-5'").query(String.class).single())
                .isEqualTo("80.00");
        assertThat(count("payment")).isEqualTo(1);
        assertThat(count("dispute")).isEqualTo(1);
        assertThat(rejects()).containsExactly(
                "file,line,column,value,reason",
                "customers.csv,5,customer_since,2021-02-30,customer_since is not a date of the form yyyy-MM-dd",
                "invoices.csv,3,account_number,A9,unknown account A9 (not in customers.csv)",
                "invoices.csv,4,amount,12.345,amount is not an amount (more than 2 fraction digits)",
                "invoices.csv,5,due_date,2026-01-15,due_date is before issue_date 2026-02-01",
                "invoices.csv,7,invoice_number,I-5,duplicate invoice_number with a different amount than line 6 of this file",
                "payments.csv,3,invoice_number,I-5,\"invoice I-5 belongs to account A2, not A1\"",
                "payments.csv,4,amount,0,amount must be greater than 0",
                "disputes.csv,3,invoice_number,I-77,unknown invoice I-77 (not in invoices.csv)");
        assertThat(console.output()).contains("8 rows were rejected");
    }

    @Test
    void aDisputeLoadedOpenMayBeLoadedAgainWithItsResolution() throws IOException {
        write("customers.csv", "account_number,name,customer_since", "A1,Acme,2020-01-01");
        write("invoices.csv", "invoice_number,account_number,issue_date,due_date,amount",
                "I-1,A1,2026-01-01,2026-01-31,10.00");
        write("disputes.csv", "invoice_number,opened_date,resolved_date", "I-1,2026-01-10,");
        assertThat(importLedger(ledger)).isZero();

        write("disputes.csv", "invoice_number,opened_date,resolved_date", "I-1,2026-01-10,2026-02-15");
        assertThat(importLedger(ledger)).isZero();
        assertThat(jdbc.sql("SELECT resolved_date FROM dispute").query(String.class).single()).isEqualTo("2026-02-15");

        write("disputes.csv", "invoice_number,opened_date,resolved_date", "I-1,2026-01-10,2026-02-20");
        assertThat(importLedger(ledger)).isEqualTo(3);
        assertThat(rejects()).contains("disputes.csv,2,invoice_number|opened_date,I-1|2026-01-10,"
                + "duplicate invoice_number|opened_date with a different resolved_date than an earlier import");
    }

    @Test
    void absentFilesAreSimplyNotLoaded() throws IOException {
        write("customers.csv", "\uFEFFaccount_number,name,customer_since", "A1,Acme,2020-01-01");
        assertThat(importLedger(ledger)).isZero();
        assertThat(count("customer")).isEqualTo(1);
        assertThat(console.output()).contains("  invoices.csv   absent, not loaded", "  promises.csv   absent, not loaded");
    }

    @Test
    void aFileLevelProblemInAnyFileRefusesTheImportBeforeAnyRowOfAnyFileIsLoaded() throws IOException {
        write("customers.csv", "account_number,name,customer_since", "A1,Acme,2020-01-01");
        // More rows than a chunk before the bad byte: they would be loaded if the check did not come first.
        int bad = ImportLedgerJobConfiguration.CHUNK_SIZE + 1002;
        ByteArrayOutputStream invoices = new ByteArrayOutputStream();
        invoices.writeBytes("invoice_number,account_number,issue_date,due_date,amount,description\n".getBytes(UTF_8));
        for (int line = 2; line < bad; line++) {
            invoices.writeBytes(("I-" + line + ",A1,2026-01-01,2026-01-31,10.00,Work\n").getBytes(UTF_8));
        }
        invoices.writeBytes(("I-" + bad + ",A1,2026-01-01,2026-01-31,10.00,Caf").getBytes(UTF_8));
        invoices.write(0xE9);
        invoices.writeBytes("\n".getBytes(UTF_8));
        Files.write(ledger.resolve("invoices.csv"), invoices.toByteArray());
        write("payments.csv", "payment_id,account_number,received_date,amount", "P-1,A1,\"2026-01-05,10.00");
        write("disputes.csv", "invoice_number,opened_date,,reason", "I-2,2026-01-10,,Late");

        assertThat(importLedger(ledger)).isEqualTo(2);

        for (String table : List.of("customer", "invoice", "payment", "dispute", "promise", "import_reject")) {
            assertThat(count(table)).as(table).isZero();
        }
        assertThat(console.output()).contains(
                "import-ledger refused: 3 problems in the ledger files; nothing was loaded.",
                "  invoices.csv line " + bad + ": byte 0xE9 is not UTF-8 text (the file is in another encoding,"
                        + " or not a text file). What to do: export the file again as UTF-8 (in Excel: Save As"
                        + " \"CSV UTF-8\").",
                "  payments.csv line 2: a quoted value starts on this line and its quote is never closed.",
                "  disputes.csv line 1: column 3 of the header has no name.",
                "Correct the files, then run the same import again.");
        assertThat(out.resolve("import-rejects.csv")).doesNotExist();
    }

    @Test
    void aNearMissOfAColumnRefusesTheFileAndTheCorrectedFileLoads() throws IOException {
        write("customers.csv", "account_number,name,customer_since,late_fee_mod", "A1,Acme,2020-01-01,NEVER");

        assertThat(importLedger(ledger)).isEqualTo(2);
        assertThat(count("customer")).isZero();
        assertThat(console.output()).contains("  customers.csv line 1: column late_fee_mod is not a column of"
                + " customers.csv; did you mean late_fee_mode? What to do: rename the column to late_fee_mode.");

        write("customers.csv", "account_number,name,customer_since,late_fee_mode", "A1,Acme,2020-01-01,NEVER");
        assertThat(importLedger(ledger)).isZero();
        assertThat(jdbc.sql("SELECT late_fee_mode FROM customer").query(String.class).single()).isEqualTo("NEVER");
    }

    @Test
    void aColumnOfNoLedgerFileIsIgnoredAndListed() throws IOException {
        write("customers.csv", "account_number,name,customer_since,sales_rep", "A1,Acme,2020-01-01,Kim");

        assertThat(importLedger(ledger)).isZero();

        assertThat(count("customer")).isEqualTo(1);
        assertThat(console.output()).contains("  customers.csv: column sales_rep is not a column of this file; it is"
                + " ignored");
    }

    @Test
    void valuesTheDatabaseCannotHoldAreRejectedWithTheirLineAndTheRestLoads() throws IOException {
        write("customers.csv", "account_number,name,customer_since",
                "ACME/001,Slash,2020-01-01",
                "..\\..\\x,Backslash,2020-01-01",
                "A1,Acme,2020-01-01",
                "A2,Future,+10000-01-01");
        write("invoices.csv", "invoice_number,account_number,issue_date,due_date,amount",
                "I-1,A1,2026-01-01,+10000-01-01,10.00",
                "I-2,A1,2026-01-01,2026-01-31,1000000000.00",
                "I-3,A1,2026-01-01,2026-01-31,999999999.99");
        write("payments.csv", "payment_id,account_number,received_date,amount", "P-1,A1,2026-01-05,10.00");

        assertThat(importLedger(ledger)).isEqualTo(3);

        // The offending value is a text cell: one that starts with + is written with a leading quote.
        assertThat(rejects()).containsExactly("file,line,column,value,reason",
                "customers.csv,2,account_number,ACME/001,\"account_number contains /, a path separator; an account"
                        + " number names its statement file and may not contain / or \\\"",
                "customers.csv,3,account_number,..\\..\\x,\"account_number contains \\, a path separator; an"
                        + " account number names its statement file and may not contain / or \\\"",
                "customers.csv,5,customer_since,'+10000-01-01,\"customer_since is outside the dates the database stores,"
                        + " 1000-01-01 to 9999-12-31\"",
                "invoices.csv,2,due_date,'+10000-01-01,\"due_date is outside the dates the database stores, 1000-01-01"
                        + " to 9999-12-31\"",
                "invoices.csv,3,amount,1000000000.00,\"amount is above the limit of 999,999,999.99\"");
        assertThat(jdbc.sql("SELECT amount FROM invoice").query(String.class).single()).isEqualTo("999999999.99");
        assertThat(count("payment")).isEqualTo(1);
    }

    @Test
    void aKnownCustomerTakesTheNewNameContactAddressAndModesButKeepsItsFirstCustomerSince() throws IOException {
        write("customers.csv", "account_number,name,email,city,customer_since,late_fee_mode,recurring_service",
                "A1,Acme,ap@acme.example,Portland,2020-01-01,ALWAYS,false");
        assertThat(importLedger(ledger)).isZero();

        write("customers.csv", "account_number,name,email,city,customer_since,late_fee_mode,recurring_service",
                "A1,Acme Holdings,billing@acme.example,Salem,2021-05-01,NEVER,true",
                "A2,Bolt,,,2022-01-01,,");
        assertThat(importLedger(ledger)).isZero();

        assertThat(jdbc.sql("SELECT name, email, city, customer_since, late_fee_mode, recurring_service FROM customer"
                + " WHERE account_number = 'A1'").query((rs, n) -> List.of(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6))).single())
                .isEqualTo(List.of("Acme Holdings", "billing@acme.example", "Salem", "2020-01-01", "NEVER", true));
        assertThat(count("customer")).isEqualTo(2);
        assertThat(console.output()).contains(
                "customers.csv          2 rows read,         1 loaded,       1 updated,         0 already loaded",
                "  Note: customers.csv line 2: account A1 has customer_since 2021-05-01, but 2020-01-01 was loaded"
                        + " first and is kept");

        assertThat(importLedger(ledger)).isZero();
        assertThat(console.output()).contains(
                "customers.csv          2 rows read,         0 loaded,       0 updated,         2 already loaded");
    }

    @Test
    void twoPromisesOfOneAccountMadeOnOneDayAreTwoPromises() throws IOException {
        write("customers.csv", "account_number,name,customer_since", "A1,Acme,2020-01-01");
        write("promises.csv", "account_number,created_date,promised_date,amount",
                "A1,2026-03-01,2026-03-10,500.00",
                "A1,2026-03-01,2026-03-25,500.00",
                "A1,2026-03-01,2026-03-25,500.00");

        assertThat(importLedger(ledger)).isZero();
        assertThat(promises()).containsExactly("null A1 2026-03-01 2026-03-10 500.00",
                "null A1 2026-03-01 2026-03-25 500.00");

        assertThat(importLedger(ledger)).isZero();
        assertThat(count("promise")).isEqualTo(2);
        assertThat(console.output()).contains(
                "promises.csv           3 rows read,         0 loaded,       0 updated,         3 already loaded");
    }

    @Test
    void aPromiseIdKeysThePromiseAndAPromiseLoadedWithoutOneTakesIt() throws IOException {
        write("customers.csv", "account_number,name,customer_since", "A1,Acme,2020-01-01");
        write("promises.csv", "account_number,created_date,promised_date,amount", "A1,2026-03-01,2026-03-10,500.00");
        assertThat(importLedger(ledger)).isZero();

        write("promises.csv", "promise_id,account_number,created_date,promised_date,amount",
                "PR-1,A1,2026-03-01,2026-03-10,500.00",
                "PR-2,A1,2026-03-01,2026-03-10,500.00");
        assertThat(importLedger(ledger)).isZero();
        assertThat(promises()).containsExactly("PR-1 A1 2026-03-01 2026-03-10 500.00",
                "PR-2 A1 2026-03-01 2026-03-10 500.00");
        assertThat(console.output()).contains(
                "promises.csv           2 rows read,         1 loaded,       1 updated,         0 already loaded");

        write("promises.csv", "promise_id,account_number,created_date,promised_date,amount",
                "PR-1,A1,2026-03-01,2026-03-10,600.00");
        assertThat(importLedger(ledger)).isEqualTo(3);
        assertThat(rejects()).containsExactly("file,line,column,value,reason",
                "promises.csv,2,promise_id,PR-1,duplicate promise_id with a different amount than an earlier import");
        assertThat(count("promise")).isEqualTo(2);
    }

    /** What a killed import leaves: its execution and its step STARTED, with no process behind them. */
    @Test
    void anImportLeftRunningByAStoppedProcessIsMarkedCrashedAndTheNextImportRuns() throws IOException {
        JobParameters parameters = new JobParametersBuilder().addString(LedgerImport.LEDGER_DIR, ledger.toString())
                .addLong(LedgerImport.RUN_ID, 1L).toJobParameters();
        JobExecution killed = jobRepository.createJobExecution(
                jobRepository.createJobInstance(LedgerImport.JOB_NAME, parameters), parameters, new ExecutionContext());
        killed.setStatus(BatchStatus.STARTED);
        killed.setStartTime(LocalDateTime.now());
        jobRepository.update(killed);
        StepExecution step = jobRepository.createStepExecution("importInvoices", killed);
        step.setStatus(BatchStatus.STARTED);
        step.setStartTime(LocalDateTime.now());
        jobRepository.update(step);
        write("customers.csv", "account_number,name,customer_since", "A1,Acme,2020-01-01");

        assertThat(importLedger(ledger)).isZero();

        assertThat(console.output()).contains("(run " + killed.getId() + ") was left running by a process that"
                + " stopped; it is now marked as crashed. What it loaded stays loaded.");
        JobExecution recovered = jobRepository.getJobExecution(killed.getId());
        assertThat(recovered.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(recovered.getExitStatus().getExitDescription()).isEqualTo("crashed: the process stopped while it ran");
        assertThat(recovered.getStepExecutions()).singleElement().satisfies(s -> {
            assertThat(s.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(s.getExitStatus().getExitDescription()).isEqualTo("crashed: the process stopped while it ran");
        });
        assertThat(jobRepository.findRunningJobExecutions(LedgerImport.JOB_NAME)).isEmpty();
        assertThat(count("customer")).isEqualTo(1);
        assertThat(console.run("status")).isZero();
        assertThat(console.output()).contains("crashed: the process stopped while it ran");
    }

    @Test
    void aFailureWhileLoadingSaysInPlainWordsWhichFilesWereLoadedAndWhatToDo() throws IOException {
        write("customers.csv", "account_number,name,customer_since", "A1,Acme,2020-01-01");
        write("promises.csv", "account_number,created_date,promised_date,amount", "A1,2026-03-01,2026-03-10,5.00");
        jdbc.sql("ALTER TABLE promise RENAME TO promise_away").update();
        try {
            assertThat(importLedger(ledger)).isEqualTo(1);
        } finally {
            jdbc.sql("ALTER TABLE promise_away RENAME TO promise").update();
        }

        assertThat(count("customer")).isEqualTo(1);
        List<String> lines = console.output().lines().toList();
        assertThat(lines.get(lines.size() - 2)).startsWith("The import failed: step importPromises: ");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("Loaded: customers.csv. Not loaded: promises.csv. Rows loaded"
                + " stay loaded: fix the cause and run the same import again; it loads the rest and changes nothing"
                + " already loaded.");
        assertThat(console.output()).doesNotContain("\tat ");
    }

    private List<String> promises() {
        return jdbc.sql("SELECT promise_id, account_number, created_date, promised_date, amount FROM promise"
                + " ORDER BY promised_date, promise_id").query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " "
                        + rs.getString(3) + " " + rs.getString(4) + " " + rs.getString(5)).list();
    }
}
