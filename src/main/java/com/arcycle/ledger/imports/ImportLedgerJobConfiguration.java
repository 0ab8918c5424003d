package com.arcycle.ledger.imports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import com.arcycle.ledger.imports.LedgerRows.Customer;
import com.arcycle.ledger.imports.LedgerRows.Dispute;
import com.arcycle.ledger.imports.LedgerRows.Invoice;
import com.arcycle.ledger.imports.LedgerRows.Payment;
import com.arcycle.ledger.imports.LedgerRows.Promise;
import com.arcycle.batch.CsvLines;
import com.arcycle.batch.NamedSqlCursor;
import com.arcycle.batch.ProgressListener;
import com.arcycle.batch.PublishFileListener;
import com.arcycle.batch.StepSettings;

/**
 * The import-ledger job: loads the five ledger files of a folder in order (customers first),
 * one chunked step per file, then writes OUT/import-rejects.csv. The command has checked the
 * files first ({@link LedgerImport#check}): a file the check refuses is never loaded. Each run
 * is a new job instance (a run id parameter), because importing the same files again is
 * allowed and changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class ImportLedgerJobConfiguration {

    static final String JOB_NAME = LedgerImport.JOB_NAME;
    static final String LEDGER_DIR = "#{jobParameters['" + LedgerImport.LEDGER_DIR + "']}";
    static final String LEDGER_FILES = "#{jobParameters['" + LedgerImport.LEDGER_FILES + "']}";
    static final int CHUNK_SIZE = 1000;

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    ImportLedgerJobConfiguration(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.jdbc = jdbc;
        this.named = named;
    }

    @Bean
    Job importLedgerJob(Step importCustomersStep, Step importInvoicesStep, Step importPaymentsStep,
            Step importDisputesStep, Step importPromisesStep, Step importRejectsFileStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(importCustomersStep)
                .next(importInvoicesStep)
                .next(importPaymentsStep)
                .next(importDisputesStep)
                .next(importPromisesStep)
                .next(importRejectsFileStep)
                .build();
    }

    /** Checks each row on its own; a row that breaks a rule becomes a reject, never an error. */
    static <T> ItemProcessor<CsvRow, Parsed<T>> parser(Function<CsvRow, T> rules) {
        return row -> {
            if (row.problem() != null) {
                return Parsed.rejected(new Reject(row.fileName(), row.line(), "", "", row.problem()));
            }
            try {
                return Parsed.ok(row, rules.apply(row));
            } catch (RowRejected rejected) {
                return Parsed.rejected(rejected.at(row));
            }
        };
    }

    /** importCustomers, importInvoices, ...: the step that loads the file. */
    static String stepName(LedgerFile file) {
        String name = file.fileName.substring(0, file.fileName.indexOf('.'));
        return "import" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /**
     * Reads the file when the check passed it ({@code files}, comma separated): a file that
     * appeared after the check is not loaded unchecked. Without the parameter, any file present.
     */
    private static LedgerCsvReader reader(String dir, String files, LedgerFile file) {
        Path path = Path.of(dir, file.fileName);
        boolean checked = files == null ? Files.exists(path) : List.of(files.split(",")).contains(file.fileName);
        return new LedgerCsvReader(path, checked);
    }

    private <T> Step step(LedgerFile file, ItemStreamReader<CsvRow> reader,
            ItemProcessor<CsvRow, Parsed<T>> processor, ItemWriter<Parsed<T>> writer) {
        return new StepBuilder(stepName(file), jobRepository)
                .<CsvRow, Parsed<T>>chunk(CHUNK_SIZE)
                .transactionManager(transactionManager)
                .reader(reader)
                .processor(processor)
                .writer(writer)
                .listener(new ProgressListener("loading " + file.fileName, "rows"))
                .build();
    }

    // customers.csv

    @Bean
    @StepScope
    ItemStreamReader<CsvRow> importCustomersReader(@Value(LEDGER_DIR) String dir, @Value(LEDGER_FILES) String files) {
        return reader(dir, files, LedgerFile.CUSTOMERS);
    }

    @Bean
    ItemProcessor<CsvRow, Parsed<Customer>> importCustomersProcessor() {
        return parser(LedgerRows::customer);
    }

    @Bean
    @StepScope
    ItemWriter<Parsed<Customer>> importCustomersWriter(@Value("#{stepExecution}") StepExecution stepExecution) {
        return new LedgerImportWriter<>(new CustomersFile(named), jdbc, stepExecution);
    }

    @Bean
    Step importCustomersStep(ItemStreamReader<CsvRow> importCustomersReader,
            ItemProcessor<CsvRow, Parsed<Customer>> importCustomersProcessor, ItemWriter<Parsed<Customer>> importCustomersWriter) {
        return step(LedgerFile.CUSTOMERS, importCustomersReader, importCustomersProcessor, importCustomersWriter);
    }

    // invoices.csv

    @Bean
    @StepScope
    ItemStreamReader<CsvRow> importInvoicesReader(@Value(LEDGER_DIR) String dir, @Value(LEDGER_FILES) String files) {
        return reader(dir, files, LedgerFile.INVOICES);
    }

    @Bean
    ItemProcessor<CsvRow, Parsed<Invoice>> importInvoicesProcessor() {
        return parser(LedgerRows::invoice);
    }

    @Bean
    @StepScope
    ItemWriter<Parsed<Invoice>> importInvoicesWriter(@Value("#{stepExecution}") StepExecution stepExecution) {
        return new LedgerImportWriter<>(new InvoicesFile(named), jdbc, stepExecution);
    }

    @Bean
    Step importInvoicesStep(ItemStreamReader<CsvRow> importInvoicesReader,
            ItemProcessor<CsvRow, Parsed<Invoice>> importInvoicesProcessor, ItemWriter<Parsed<Invoice>> importInvoicesWriter) {
        return step(LedgerFile.INVOICES, importInvoicesReader, importInvoicesProcessor, importInvoicesWriter);
    }

    // payments.csv

    @Bean
    @StepScope
    ItemStreamReader<CsvRow> importPaymentsReader(@Value(LEDGER_DIR) String dir, @Value(LEDGER_FILES) String files) {
        return reader(dir, files, LedgerFile.PAYMENTS);
    }

    @Bean
    ItemProcessor<CsvRow, Parsed<Payment>> importPaymentsProcessor() {
        return parser(LedgerRows::payment);
    }

    @Bean
    @StepScope
    ItemWriter<Parsed<Payment>> importPaymentsWriter(@Value("#{stepExecution}") StepExecution stepExecution) {
        return new LedgerImportWriter<>(new PaymentsFile(named), jdbc, stepExecution);
    }

    @Bean
    Step importPaymentsStep(ItemStreamReader<CsvRow> importPaymentsReader,
            ItemProcessor<CsvRow, Parsed<Payment>> importPaymentsProcessor, ItemWriter<Parsed<Payment>> importPaymentsWriter) {
        return step(LedgerFile.PAYMENTS, importPaymentsReader, importPaymentsProcessor, importPaymentsWriter);
    }

    // disputes.csv

    @Bean
    @StepScope
    ItemStreamReader<CsvRow> importDisputesReader(@Value(LEDGER_DIR) String dir, @Value(LEDGER_FILES) String files) {
        return reader(dir, files, LedgerFile.DISPUTES);
    }

    @Bean
    ItemProcessor<CsvRow, Parsed<Dispute>> importDisputesProcessor() {
        return parser(LedgerRows::dispute);
    }

    @Bean
    @StepScope
    ItemWriter<Parsed<Dispute>> importDisputesWriter(@Value("#{stepExecution}") StepExecution stepExecution) {
        return new LedgerImportWriter<>(new DisputesFile(named), jdbc, stepExecution);
    }

    @Bean
    Step importDisputesStep(ItemStreamReader<CsvRow> importDisputesReader,
            ItemProcessor<CsvRow, Parsed<Dispute>> importDisputesProcessor, ItemWriter<Parsed<Dispute>> importDisputesWriter) {
        return step(LedgerFile.DISPUTES, importDisputesReader, importDisputesProcessor, importDisputesWriter);
    }

    // promises.csv

    @Bean
    @StepScope
    ItemStreamReader<CsvRow> importPromisesReader(@Value(LEDGER_DIR) String dir, @Value(LEDGER_FILES) String files) {
        return reader(dir, files, LedgerFile.PROMISES);
    }

    @Bean
    ItemProcessor<CsvRow, Parsed<Promise>> importPromisesProcessor() {
        return parser(LedgerRows::promise);
    }

    @Bean
    @StepScope
    ItemWriter<Parsed<Promise>> importPromisesWriter(@Value("#{stepExecution}") StepExecution stepExecution) {
        return new LedgerImportWriter<>(new PromisesFile(named), jdbc, stepExecution);
    }

    @Bean
    Step importPromisesStep(ItemStreamReader<CsvRow> importPromisesReader,
            ItemProcessor<CsvRow, Parsed<Promise>> importPromisesProcessor, ItemWriter<Parsed<Promise>> importPromisesWriter) {
        return step(LedgerFile.PROMISES, importPromisesReader, importPromisesProcessor, importPromisesWriter);
    }

    // import-rejects.csv

    static final List<String> REJECT_HEADER = List.of("file", "line", "column", "value", "reason");

    static Path rejectsFile(JobParameters parameters) {
        return Path.of(parameters.getString(LedgerImport.OUT_DIR)).resolve("import-rejects.csv");
    }

    @Bean
    @StepScope
    ItemStreamReader<List<String>> importRejectsFileReader(DataSource dataSource, StepSettings settings,
            @Value("#{stepExecution}") StepExecution stepExecution) {
        JdbcCursorItemReader<List<String>> reader = NamedSqlCursor.reader(dataSource, settings.fetchSize(), """
                SELECT file_name, line_number, column_name, field_value, reason
                FROM import_reject
                WHERE job_instance = :instance
                ORDER BY CASE file_name WHEN 'customers.csv' THEN 1 WHEN 'invoices.csv' THEN 2
                         WHEN 'payments.csv' THEN 3 WHEN 'disputes.csv' THEN 4 ELSE 5 END, line_number, reject_id
                """, Map.of("instance", stepExecution.getJobExecution().getJobInstance().getInstanceId()),
                (rs, n) -> List.of(rs.getString("file_name"), Long.toString(rs.getLong("line_number")),
                        CsvLines.text(rs, "column_name"), CsvLines.text(rs, "field_value"), rs.getString("reason")));
        reader.setName("import-rejects");
        return reader;
    }

    @Bean
    @StepScope
    ItemStreamWriter<List<String>> importRejectsFileWriter(
            @Value("#{jobParameters['" + LedgerImport.OUT_DIR + "']}") String outDir) {
        return CsvLines.writer("import-rejects", Path.of(outDir).resolve("import-rejects.csv"), REJECT_HEADER);
    }

    @Bean
    Step importRejectsFileStep(ItemStreamReader<List<String>> importRejectsFileReader,
            ItemStreamWriter<List<String>> importRejectsFileWriter) {
        return new StepBuilder("importRejectsFile", jobRepository)
                .<List<String>, List<String>>chunk(CHUNK_SIZE)
                .transactionManager(transactionManager)
                .reader(importRejectsFileReader)
                .writer(importRejectsFileWriter)
                .listener(new PublishFileListener(ImportLedgerJobConfiguration::rejectsFile))
                .build();
    }
}
