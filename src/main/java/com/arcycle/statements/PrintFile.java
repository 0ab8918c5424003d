package com.arcycle.statements;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.NoSuchElementException;

import javax.sql.DataSource;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import com.arcycle.batch.AccountGroupReader;
import com.arcycle.batch.CycleDates;
import com.arcycle.batch.ProgressListener;
import com.arcycle.batch.PublishFileListener;
import com.arcycle.statements.StatementQueries.StatementAccount;

/**
 * Writes {@code statements-print.pdf}: every statement the step rendered, in account order, in one
 * PDF for the mailing house, streamed from a cursor (see {@link StatementRenderer#writePrintFile}).
 */
final class PrintFile implements Tasklet {

    private final DataSource dataSource;
    private final int fetchSize;
    private final JdbcTemplate jdbc;
    private final StatementRenderer renderer;
    private final StatementDocuments.Factory documents;
    private final ProgressListener progress;

    PrintFile(DataSource dataSource, int fetchSize, JdbcTemplate jdbc, StatementRenderer renderer,
            StatementDocuments.Factory documents, ProgressListener progress) {
        this.dataSource = dataSource;
        this.fetchSize = fetchSize;
        this.jdbc = jdbc;
        this.renderer = renderer;
        this.documents = documents;
        this.progress = progress;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = contribution.getStepExecution();
        LocalDate cycleDate = CycleDates.of(step).cycleDate();
        int count = jdbc.queryForObject("SELECT COUNT(*) FROM statement WHERE cycle_date = ?", Integer.class, cycleDate);
        Path file = PublishFileListener.cycleFolder(step.getJobParameters()).resolve(StatementRenderer.PRINT_FILE);
        if (count == 0) {
            Files.deleteIfExists(PublishFileListener.partialOf(file)); // no statement, no print file
            return RepeatStatus.FINISHED;
        }
        StatementDocuments statements = documents.of(cycleDate);
        AccountGroupReader<StatementAccount> reader = StatementQueries.reader(dataSource, fetchSize, cycleDate,
                StatementQueries.RENDERED);
        reader.open(new ExecutionContext());
        try (OutputStream out = Files.newOutputStream(PublishFileListener.partialOf(file))) {
            renderer.writePrintFile(cycleDate, count, new Iterator<>() {
                private StatementAccount next = readNext();
                private long taken;

                private StatementAccount readNext() {
                    try {
                        return reader.read();
                    } catch (Exception e) {
                        throw new IllegalStateException("cannot read the statements of " + cycleDate, e);
                    }
                }

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public StatementDocument next() {
                    if (next == null) {
                        throw new NoSuchElementException();
                    }
                    StatementDocument document = statements.document(next);
                    next = readNext();
                    progress.progress(step, ++taken);
                    return document;
                }
            }, out);
        } finally {
            reader.close();
        }
        return RepeatStatus.FINISHED;
    }
}
