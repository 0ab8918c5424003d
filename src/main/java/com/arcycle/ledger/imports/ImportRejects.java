package com.arcycle.ledger.imports;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.file.FlatFileItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

import com.arcycle.batch.CsvLines;
import com.arcycle.batch.NamedSqlCursor;
import com.arcycle.batch.PublishFileListener;

/**
 * The import_reject table: the rows an import run did not load, kept by run (job instance), and
 * the OUT/import-rejects.csv file written from them at the end of the run.
 */
final class ImportRejects {

    static final String FILE_NAME = LedgerImport.REJECTS_FILE;
    private static final List<String> HEADER = List.of("file", "line", "column", "value", "reason");

    private final JdbcTemplate jdbc;

    ImportRejects(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a run's rejects in the caller's transaction (a chunk's): a restart neither loses nor repeats them. */
    void add(long jobInstance, List<Reject> rejects) {
        jdbc.batchUpdate("INSERT INTO import_reject (job_instance, file_name, line_number, column_name, field_value,"
                + " reason) VALUES (?, ?, ?, ?, ?, ?)", rejects.stream().map(r -> new Object[] {jobInstance,
                        r.fileName(), r.line(), r.column(), truncate(r.value()), truncate(r.reason())}).toList());
    }

    /** At most 500 characters (the reason column's width), ending in "..." when cut. */
    private static String truncate(String value) {
        return value == null || value.length() <= 500 ? value : value.substring(0, 497) + "...";
    }

    /** OUT/import-rejects.csv of the run with these parameters. */
    static Path file(JobParameters parameters) {
        return Path.of(parameters.getString(LedgerImport.OUT_DIR)).resolve(FILE_NAME);
    }

    /** Writes the file under its temporary name; the step's {@link PublishFileListener} publishes it. */
    static FlatFileItemWriter<List<String>> writer(JobParameters parameters) {
        return CsvLines.writer("import-rejects", file(parameters), HEADER);
    }

    /** The run's rejects as lines of the file: in load order of the files, then by line. */
    static JdbcCursorItemReader<List<String>> reader(DataSource dataSource, int fetchSize, long jobInstance) {
        JdbcCursorItemReader<List<String>> reader = NamedSqlCursor.reader(dataSource, fetchSize, """
                SELECT file_name, line_number, column_name, field_value, reason
                FROM import_reject
                WHERE job_instance = :instance
                ORDER BY CASE file_name WHEN 'customers.csv' THEN 1 WHEN 'invoices.csv' THEN 2
                         WHEN 'payments.csv' THEN 3 WHEN 'disputes.csv' THEN 4 ELSE 5 END, line_number, reject_id
                """, Map.of("instance", jobInstance),
                (rs, n) -> List.of(rs.getString("file_name"), Long.toString(rs.getLong("line_number")),
                        CsvLines.text(rs, "column_name"), CsvLines.text(rs, "field_value"), rs.getString("reason")));
        reader.setName("import-rejects");
        return reader;
    }
}
