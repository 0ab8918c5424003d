package com.arcycle.ledger.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads the rows of one ledger file that {@link LedgerFileCheck} has passed (UTF-8, RFC 4180,
 * header row, columns in any order). A file that was absent at the check reads as empty.
 * Restart skips the records already read (the reader's count is saved with each chunk).
 */
final class LedgerCsvReader extends AbstractItemCountingItemStreamItemReader<CsvRow>
        implements StepExecutionListener {

    private final String fileName;
    /** The running step's file, and whether the check passed it: only then is it read. */
    private Path file;
    private boolean checked;
    private LedgerCsv csv;
    private Map<String, Integer> columns;

    LedgerCsvReader(String fileName) {
        this.fileName = fileName;
        setName("ledger-file-" + fileName);
    }

    /**
     * The file is in the run's folder, and is read when the check passed it (the files parameter,
     * comma separated): a file that appeared after the check is not loaded unchecked. Without the
     * parameter, the file is read when it is there. The step calls this before it opens the reader.
     */
    @Override
    public void beforeStep(StepExecution stepExecution) {
        JobParameters parameters = stepExecution.getJobParameters();
        String files = parameters.getString(LedgerImport.LEDGER_FILES);
        file = Path.of(parameters.getString(LedgerImport.LEDGER_DIR), fileName);
        checked = files == null ? Files.exists(file) : List.of(files.split(",")).contains(fileName);
    }

    @Override
    protected void doOpen() throws IOException {
        if (!checked) {
            return;
        }
        csv = LedgerCsv.open(file);
        List<String> header = csv.header();
        columns = new HashMap<>();
        for (int i = 0; header != null && i < header.size(); i++) {
            columns.putIfAbsent(header.get(i), i);
        }
    }

    @Override
    protected CsvRow doRead() {
        if (csv == null) {
            return null;
        }
        CSVRecord record;
        try {
            record = csv.next();
        } catch (FileProblem problem) {
            // The check read this file to its end: it has changed since.
            throw new IllegalStateException(fileName + " line " + problem.line() + ": " + problem.getMessage()
                    + " (the file changed while it was imported)", problem);
        }
        if (record == null) {
            return null;
        }
        Map<String, String> values = new HashMap<>();
        for (Map.Entry<String, Integer> column : columns.entrySet()) {
            if (column.getValue() < record.size()) {
                values.put(column.getKey(), record.get(column.getValue()));
            }
        }
        if (record.size() != csv.header().size()) {
            return new CsvRow(fileName, csv.line(), values, "the row has " + record.size() + " values, the header "
                    + csv.header().size());
        }
        return new CsvRow(fileName, csv.line(), values, null);
    }

    @Override
    protected void doClose() throws IOException {
        if (csv != null) {
            csv.close();
            csv = null;
        }
    }
}
