package com.arcycle.exports;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.file.FlatFileItemWriter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import com.arcycle.batch.CsvLines;
import com.arcycle.batch.CycleDates;
import com.arcycle.batch.NamedSqlCursor;
import com.arcycle.batch.ProgressListener;
import com.arcycle.batch.PublishFileListener;
import com.arcycle.batch.StepSettings;

/**
 * Builds the step that writes one of the cycle's CSV files: a chunked step whose reader runs the
 * file's query for the step's cycle and whose transactional writer appends its lines, which a
 * restart resumes where the last committed chunk ended; the file is published (renamed into place)
 * when its step completes. One reader and one writer, parameterised by the {@link CsvExport}.
 */
@Component
final class CsvExportSteps {

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final StepSettings settings;
    private final DataSource dataSource;

    CsvExportSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager, StepSettings settings,
            DataSource dataSource) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.settings = settings;
        this.dataSource = dataSource;
    }

    Step step(CsvExport export) {
        Reader reader = new Reader(export);
        Writer writer = new Writer(export);
        return new StepBuilder(export.stepName(), jobRepository)
                .<List<String>, List<String>>chunk(settings.chunkSize())
                .transactionManager(transactionManager)
                .reader(reader)
                .writer(writer)
                .listener((StepExecutionListener) reader)
                .listener((StepExecutionListener) writer)
                .listener(PublishFileListener.inCycleFolder(export.fileName()))
                .listener((StepExecutionListener) new ProgressListener("writing " + export.fileName(), "rows"))
                .build();
    }

    /** The file's query over the cycle of the step that runs (known before the step opens its streams). */
    private final class Reader implements ItemStreamReader<List<String>>, StepExecutionListener {

        private final CsvExport export;
        private JdbcCursorItemReader<List<String>> cursor;

        Reader(CsvExport export) {
            this.export = export;
        }

        @Override
        public void beforeStep(StepExecution stepExecution) {
            cursor = NamedSqlCursor.reader(dataSource, settings.fetchSize(), export.sql(),
                    Map.of("cycleDate", CycleDates.of(stepExecution).cycleDate()), export.rows());
            cursor.setName(export.fileName());
        }

        @Override
        public void open(ExecutionContext context) {
            cursor.open(context);
        }

        @Override
        public List<String> read() throws Exception {
            return cursor.read();
        }

        @Override
        public void update(ExecutionContext context) {
            cursor.update(context);
        }

        @Override
        public void close() {
            cursor.close();
        }
    }

    /** The file's lines, into its temporary name in the cycle's folder. */
    private static final class Writer implements ItemStreamWriter<List<String>>, StepExecutionListener {

        private final CsvExport export;
        private FlatFileItemWriter<List<String>> lines;

        Writer(CsvExport export) {
            this.export = export;
        }

        @Override
        public void beforeStep(StepExecution stepExecution) {
            Path file = PublishFileListener.cycleFolder(stepExecution.getJobParameters()).resolve(export.fileName());
            lines = CsvLines.writer(export.fileName(), file, export.header());
        }

        @Override
        public void open(ExecutionContext context) {
            lines.open(context);
        }

        @Override
        public void write(Chunk<? extends List<String>> chunk) throws Exception {
            lines.write(chunk);
        }

        @Override
        public void update(ExecutionContext context) {
            lines.update(context);
        }

        @Override
        public void close() {
            lines.close();
        }
    }
}
