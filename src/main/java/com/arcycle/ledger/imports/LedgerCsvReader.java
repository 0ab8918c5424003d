package com.arcycle.ledger.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads the rows of one ledger file that {@link LedgerFileCheck} has passed (UTF-8, RFC 4180,
 * header row, columns in any order). A file that was absent at the check reads as empty.
 * Restart skips the records already read (the reader's count is saved with each chunk).
 */
final class LedgerCsvReader extends AbstractItemCountingItemStreamItemReader<CsvRow> {

    private final Path file;
    private final boolean checked;
    private LedgerCsv csv;
    private Map<String, Integer> columns;

    /** @param checked whether the file was present and passed the check: only then is it read */
    LedgerCsvReader(Path file, boolean checked) {
        this.file = file;
        this.checked = checked;
        setName("ledger-file-" + file.getFileName());
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
        String name = file.getFileName().toString();
        CSVRecord record;
        try {
            record = csv.next();
        } catch (FileProblem problem) {
            // The check read this file to its end: it has changed since.
            throw new IllegalStateException(name + " line " + problem.line() + ": " + problem.getMessage()
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
            return new CsvRow(name, csv.line(), values, "the row has " + record.size() + " values, the header "
                    + csv.header().size());
        }
        return new CsvRow(name, csv.line(), values, null);
    }

    @Override
    protected void doClose() throws IOException {
        if (csv != null) {
            csv.close();
            csv = null;
        }
    }
}
