package com.arcycle.ledger.imports;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads one ledger file (UTF-8, RFC 4180, header row, columns in any order) with Commons CSV.
 * A file that is absent reads as empty. A header without a required column gives one row that
 * carries the problem, so the whole file is reported instead of every line.
 * Restart skips the records already read (the reader's count is saved with each chunk).
 */
final class LedgerCsvReader extends AbstractItemCountingItemStreamItemReader<CsvRow> {

    private static final Logger log = LoggerFactory.getLogger(LedgerCsvReader.class);
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrim(true)
            .setIgnoreEmptyLines(true)
            .get();

    private final Path file;
    private final List<String> required;
    private CSVParser parser;
    private Iterator<CSVRecord> records;
    private String headerProblem;
    private long nextLine;

    LedgerCsvReader(Path file, List<String> required) {
        this.file = file;
        this.required = required;
        setName("ledger-file-" + file.getFileName());
    }

    @Override
    protected void doOpen() throws IOException {
        if (!Files.exists(file)) {
            log.info("{}: not present, nothing to load", file.getFileName());
            return;
        }
        Reader reader = new java.io.InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
        reader = skipByteOrderMark(reader);
        parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        List<String> missing = required.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
        if (!missing.isEmpty()) {
            headerProblem = "the header has no column " + String.join(", ", missing) + "; no row of this file was loaded";
        }
        records = parser.iterator();
        nextLine = parser.getCurrentLineNumber() + 1;
    }

    private static Reader skipByteOrderMark(Reader reader) throws IOException {
        java.io.PushbackReader pushback = new java.io.PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }

    @Override
    protected CsvRow doRead() {
        String name = file.getFileName().toString();
        if (headerProblem != null) {
            String problem = headerProblem;
            headerProblem = null;
            records = null;
            return new CsvRow(name, 1, Map.of(), problem);
        }
        if (records == null || !records.hasNext()) {
            return null;
        }
        long line = nextLine;
        CSVRecord record;
        try {
            record = records.next();
        } catch (RuntimeException e) {
            // Commons CSV wraps I/O and malformed-quote errors; the rest of the file cannot be trusted.
            throw new IllegalStateException(name + " line " + line + ": cannot be read as CSV: " + e.getMessage(), e);
        }
        nextLine = parser.getCurrentLineNumber() + 1;
        Map<String, String> values = new HashMap<>();
        for (Map.Entry<String, Integer> column : parser.getHeaderMap().entrySet()) {
            if (column.getValue() < record.size()) {
                values.put(column.getKey(), record.get(column.getValue()));
            }
        }
        if (record.size() != parser.getHeaderMap().size()) {
            return new CsvRow(name, line, values, "the row has " + record.size() + " values, the header "
                    + parser.getHeaderMap().size());
        }
        return new CsvRow(name, line, values, null);
    }

    @Override
    protected void doClose() throws IOException {
        if (parser != null) {
            parser.close();
            parser = null;
        }
        records = null;
    }
}
