package com.arcycle.ledger.imports;

import java.util.List;
import java.util.function.Function;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import com.arcycle.batch.BulkInserter;
import com.arcycle.batch.ProgressListener;
import com.arcycle.batch.PublishFileListener;
import com.arcycle.batch.StepSettings;

/**
 * The import-ledger job: one chunked step per ledger file in load order (customers first), then
 * OUT/import-rejects.csv. The command checks the files first ({@link LedgerImport#check}): a file
 * the check refuses is never loaded. Each run is a new job instance ({@link LedgerImport#RUN_ID}).
 */
@Configuration(proxyBeanMethods = false)
class ImportLedgerJobConfiguration {

    /**
     * Rows a chunk reads, checks and loads in one transaction. Each chunk costs a few lookups, a
     * bulk load per table and a commit whatever its size; 5,000 rows hold a few MB.
     */
    static final int CHUNK_SIZE = 5000;

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;

    ImportLedgerJobConfiguration(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
    }

    @Bean
    Job importLedgerJob(NamedParameterJdbcTemplate named, BulkInserter bulk, Step importRejectsFileStep) {
        ImportRejects rejects = new ImportRejects(named.getJdbcTemplate());
        return new JobBuilder(LedgerImport.JOB_NAME, jobRepository)
                .start(fileStep(LedgerFile.CUSTOMERS, LedgerRows::customer, new CustomersFile(named, bulk), rejects))
                .next(fileStep(LedgerFile.INVOICES, LedgerRows::invoice, new InvoicesFile(named, bulk), rejects))
                .next(fileStep(LedgerFile.PAYMENTS, LedgerRows::payment, new PaymentsFile(named, bulk), rejects))
                .next(fileStep(LedgerFile.DISPUTES, LedgerRows::dispute, new DisputesFile(named, bulk), rejects))
                .next(fileStep(LedgerFile.PROMISES, LedgerRows::promise, new PromisesFile(named, bulk), rejects))
                .next(importRejectsFileStep)
                .build();
    }

    /**
     * Reads the file and checks each row by the file's rules on a second thread ({@link ReadAhead}),
     * loads each chunk into the file's tables.
     */
    private <T> Step fileStep(LedgerFile file, Function<CsvRow, T> rules, ImportTarget<T> into, ImportRejects rejects) {
        return new StepBuilder(file.stepName(), jobRepository)
                .<Parsed<T>, Parsed<T>>chunk(CHUNK_SIZE)
                .transactionManager(transactionManager)
                .reader(new ReadAhead<>(new LedgerCsvReader(file.fileName), new RowChecker<>(rules),
                        "ledger-file-" + file.fileName))
                .writer(new LedgerImportWriter<>(into, rejects))
                .listener(new ProgressListener("loading " + file.fileName, "rows"))
                .build();
    }

    @Bean
    Step importRejectsFileStep(ItemStreamReader<List<String>> importRejectsFileReader,
            ItemStreamWriter<List<String>> importRejectsFileWriter) {
        return new StepBuilder("importRejectsFile", jobRepository)
                .<List<String>, List<String>>chunk(CHUNK_SIZE)
                .transactionManager(transactionManager)
                .reader(importRejectsFileReader)
                .writer(importRejectsFileWriter)
                .listener(new PublishFileListener(ImportRejects::file))
                .build();
    }

    @Bean
    @StepScope
    ItemStreamReader<List<String>> importRejectsFileReader(DataSource dataSource, StepSettings settings,
            @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") long jobInstance) {
        return ImportRejects.reader(dataSource, settings.fetchSize(), jobInstance);
    }

    @Bean
    @StepScope
    ItemStreamWriter<List<String>> importRejectsFileWriter(@Value("#{stepExecution.jobParameters}") JobParameters run) {
        return ImportRejects.writer(run);
    }
}
