package com.arcycle.ledger.imports;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A ledger file read record by record (strict UTF-8, RFC 4180, values trimmed, blank lines
 * skipped): its header, then each record with the line it starts on. Whatever stops the file
 * from being read on (a byte that is not UTF-8, a quote never closed) is a {@link FileProblem}.
 */
final class LedgerCsv implements Closeable {

    // Blank lines are read as records and skipped here, so every record's line is known exactly.
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setTrim(true)
            .setIgnoreEmptyLines(false)
            .get();
    private static final String QUOTING = "a value holding a comma, quote or line break is written in quotes"
            + " (\"Bolt, Nut & Co\") and a quote inside it is doubled (\"\"); correct the quotes on that line";

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private long line;
    private long nextLine = 1;

    private LedgerCsv(CSVParser parser) throws FileProblem {
        this.parser = parser;
        this.records = parser.iterator();
        CSVRecord first = next();
        this.header = first == null ? null : first.toList();
    }

    static LedgerCsv open(Path file) throws IOException {
        CSVParser parser = CSVParser.builder().setReader(new StrictUtf8Reader(Files.newInputStream(file)))
                .setFormat(FORMAT).get();
        try {
            return new LedgerCsv(parser);
        } catch (FileProblem | RuntimeException e) {
            parser.close();
            throw e;
        }
    }

    /** The names in the first line, or null when the file has no line at all. */
    List<String> header() {
        return header;
    }

    /** The next record, or null at the end of the file. */
    CSVRecord next() throws FileProblem {
        CSVRecord record;
        do {
            record = read();
        } while (record != null && record.size() == 1 && record.get(0).isEmpty());
        return record;
    }

    private CSVRecord read() throws FileProblem {
        long start = nextLine;
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            line = start;
            nextLine = parser.getCurrentLineNumber() + 1;
            return record;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof FileProblem problem) {
                throw problem;
            }
            String message = String.valueOf(e.getCause().getMessage());
            if (message.contains("EOF reached before encapsulated token finished")) {
                throw new FileProblem(start, "a quoted value starts on this line and its quote is never closed",
                        QUOTING);
            }
            if (message.contains("Invalid character between encapsulated token and delimiter")) {
                throw new FileProblem(start, "a quoted value is followed by other characters before the next comma",
                        QUOTING);
            }
            throw new FileProblem(start, "cannot be read as CSV (" + message + ")", QUOTING);
        }
    }

    /** The line the record last returned by {@link #next} starts on. */
    long line() {
        return line;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
