package com.arcycle.exports;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.arcycle.batch.CsvLines;
import com.arcycle.batch.NamedSqlCursor;
import com.arcycle.batch.ProgressListener;
import com.arcycle.batch.PublishFileListener;
import com.arcycle.batch.StepSettings;

/**
 * The cycle's CSV files: one chunked step per file, reading the cycle's results in file order
 * and writing them with a transactional flat-file writer, which a restart resumes where the last
 * committed chunk ended. Each file is published (renamed into place) when its step completes.
 */
@Configuration(proxyBeanMethods = false)
class ExportStepConfiguration {

    private static final String CYCLE_DATE = "#{jobParameters['cycle.date']}";
    private static final String OUT_DIR = "#{jobParameters['out.dir']}";

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final StepSettings settings;
    private final DataSource dataSource;

    ExportStepConfiguration(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            StepSettings settings, DataSource dataSource) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.settings = settings;
        this.dataSource = dataSource;
    }

    private ItemStreamReader<List<String>> reader(CsvExport export, LocalDate cycleDate) {
        JdbcCursorItemReader<List<String>> reader = NamedSqlCursor.reader(dataSource, settings.fetchSize(),
                export.sql(), Map.of("cycleDate", cycleDate), export.rows());
        reader.setName(export.fileName());
        return reader;
    }

    private ItemStreamWriter<List<String>> writer(CsvExport export, LocalDate cycleDate, String outDir) {
        Path file = Path.of(outDir).resolve(cycleDate.toString()).resolve(export.fileName());
        return CsvLines.writer(export.fileName(), file, export.header());
    }

    private Step step(String name, CsvExport export, ItemStreamReader<List<String>> reader,
            ItemStreamWriter<List<String>> writer) {
        return new StepBuilder(name, jobRepository)
                .<List<String>, List<String>>chunk(settings.chunkSize())
                .transactionManager(transactionManager)
                .reader(reader)
                .writer(writer)
                .listener(PublishFileListener.inCycleFolder(export.fileName()))
                .listener(new ProgressListener("writing " + export.fileName(), "rows"))
                .build();
    }

    // aged-receivables.csv

    @Bean
    @StepScope
    ItemStreamReader<List<String>> agedReceivablesFileReader(@Value(CYCLE_DATE) LocalDate cycleDate) {
        return reader(CycleExports.AGED_RECEIVABLES, cycleDate);
    }

    @Bean
    @StepScope
    ItemStreamWriter<List<String>> agedReceivablesFileWriter(@Value(CYCLE_DATE) LocalDate cycleDate,
            @Value(OUT_DIR) String outDir) {
        return writer(CycleExports.AGED_RECEIVABLES, cycleDate, outDir);
    }

    @Bean
    Step agedReceivablesFileStep(ItemStreamReader<List<String>> agedReceivablesFileReader,
            ItemStreamWriter<List<String>> agedReceivablesFileWriter) {
        return step("agedReceivablesFile", CycleExports.AGED_RECEIVABLES, agedReceivablesFileReader, agedReceivablesFileWriter);
    }

    // fees.csv

    @Bean
    @StepScope
    ItemStreamReader<List<String>> feesFileReader(@Value(CYCLE_DATE) LocalDate cycleDate) {
        return reader(CycleExports.FEES, cycleDate);
    }

    @Bean
    @StepScope
    ItemStreamWriter<List<String>> feesFileWriter(@Value(CYCLE_DATE) LocalDate cycleDate,
            @Value(OUT_DIR) String outDir) {
        return writer(CycleExports.FEES, cycleDate, outDir);
    }

    @Bean
    Step feesFileStep(ItemStreamReader<List<String>> feesFileReader,
            ItemStreamWriter<List<String>> feesFileWriter) {
        return step("feesFile", CycleExports.FEES, feesFileReader, feesFileWriter);
    }

    // dunning.csv

    @Bean
    @StepScope
    ItemStreamReader<List<String>> dunningFileReader(@Value(CYCLE_DATE) LocalDate cycleDate) {
        return reader(CycleExports.DUNNING, cycleDate);
    }

    @Bean
    @StepScope
    ItemStreamWriter<List<String>> dunningFileWriter(@Value(CYCLE_DATE) LocalDate cycleDate,
            @Value(OUT_DIR) String outDir) {
        return writer(CycleExports.DUNNING, cycleDate, outDir);
    }

    @Bean
    Step dunningFileStep(ItemStreamReader<List<String>> dunningFileReader,
            ItemStreamWriter<List<String>> dunningFileWriter) {
        return step("dunningFile", CycleExports.DUNNING, dunningFileReader, dunningFileWriter);
    }

    // collections-referral.csv

    @Bean
    @StepScope
    ItemStreamReader<List<String>> collectionsReferralFileReader(@Value(CYCLE_DATE) LocalDate cycleDate) {
        return reader(CycleExports.COLLECTIONS_REFERRAL, cycleDate);
    }

    @Bean
    @StepScope
    ItemStreamWriter<List<String>> collectionsReferralFileWriter(@Value(CYCLE_DATE) LocalDate cycleDate,
            @Value(OUT_DIR) String outDir) {
        return writer(CycleExports.COLLECTIONS_REFERRAL, cycleDate, outDir);
    }

    @Bean
    Step collectionsReferralFileStep(ItemStreamReader<List<String>> collectionsReferralFileReader,
            ItemStreamWriter<List<String>> collectionsReferralFileWriter) {
        return step("collectionsReferralFile", CycleExports.COLLECTIONS_REFERRAL, collectionsReferralFileReader, collectionsReferralFileWriter);
    }

    // write-off.csv

    @Bean
    @StepScope
    ItemStreamReader<List<String>> writeOffFileReader(@Value(CYCLE_DATE) LocalDate cycleDate) {
        return reader(CycleExports.WRITE_OFF, cycleDate);
    }

    @Bean
    @StepScope
    ItemStreamWriter<List<String>> writeOffFileWriter(@Value(CYCLE_DATE) LocalDate cycleDate,
            @Value(OUT_DIR) String outDir) {
        return writer(CycleExports.WRITE_OFF, cycleDate, outDir);
    }

    @Bean
    Step writeOffFileStep(ItemStreamReader<List<String>> writeOffFileReader,
            ItemStreamWriter<List<String>> writeOffFileWriter) {
        return step("writeOffFile", CycleExports.WRITE_OFF, writeOffFileReader, writeOffFileWriter);
    }

    // service-suspension.csv

    @Bean
    @StepScope
    ItemStreamReader<List<String>> serviceSuspensionFileReader(@Value(CYCLE_DATE) LocalDate cycleDate) {
        return reader(CycleExports.SERVICE_SUSPENSION, cycleDate);
    }

    @Bean
    @StepScope
    ItemStreamWriter<List<String>> serviceSuspensionFileWriter(@Value(CYCLE_DATE) LocalDate cycleDate,
            @Value(OUT_DIR) String outDir) {
        return writer(CycleExports.SERVICE_SUSPENSION, cycleDate, outDir);
    }

    @Bean
    Step serviceSuspensionFileStep(ItemStreamReader<List<String>> serviceSuspensionFileReader,
            ItemStreamWriter<List<String>> serviceSuspensionFileWriter) {
        return step("serviceSuspensionFile", CycleExports.SERVICE_SUSPENSION, serviceSuspensionFileReader, serviceSuspensionFileWriter);
    }

    // rejects.csv

    @Bean
    @StepScope
    ItemStreamReader<List<String>> rejectsFileReader(@Value(CYCLE_DATE) LocalDate cycleDate) {
        return reader(CycleExports.REJECTS, cycleDate);
    }

    @Bean
    @StepScope
    ItemStreamWriter<List<String>> rejectsFileWriter(@Value(CYCLE_DATE) LocalDate cycleDate,
            @Value(OUT_DIR) String outDir) {
        return writer(CycleExports.REJECTS, cycleDate, outDir);
    }

    @Bean
    Step rejectsFileStep(ItemStreamReader<List<String>> rejectsFileReader,
            ItemStreamWriter<List<String>> rejectsFileWriter) {
        return step("rejectsFile", CycleExports.REJECTS, rejectsFileReader, rejectsFileWriter);
    }
}
