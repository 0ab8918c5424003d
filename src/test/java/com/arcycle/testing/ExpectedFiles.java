package com.arcycle.testing;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.assertj.core.api.SoftAssertions;

/**
 * Compares a cycle's output files with expected ones on the expected files' columns (extra
 * columns in the output are allowed), row by row in order, value by value as text.
 */
public final class ExpectedFiles {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    private ExpectedFiles() {
    }

    public static void assertSameRequiredColumns(Path expectedFolder, Path actualFolder) throws IOException {
        SoftAssertions softly = new SoftAssertions();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(expectedFolder, "*.csv")) {
            for (Path expected : files) {
                compare(softly, expected, actualFolder.resolve(expected.getFileName()));
            }
        }
        softly.assertAll();
    }

    private static void compare(SoftAssertions softly, Path expectedFile, Path actualFile) throws IOException {
        String name = actualFile.getParent().getFileName() + "/" + actualFile.getFileName();
        if (!Files.exists(actualFile)) {
            softly.fail("%s was not written", name);
            return;
        }
        try (Reader e = Files.newBufferedReader(expectedFile, StandardCharsets.UTF_8);
                Reader a = Files.newBufferedReader(actualFile, StandardCharsets.UTF_8);
                CSVParser expected = CSVParser.builder().setReader(e).setFormat(FORMAT).get();
                CSVParser actual = CSVParser.builder().setReader(a).setFormat(FORMAT).get()) {
            List<String> columns = expected.getHeaderNames();
            softly.assertThat(actual.getHeaderNames()).as("%s header", name).containsAll(columns);
            List<CSVRecord> expectedRows = expected.getRecords();
            List<CSVRecord> actualRows = actual.getRecords();
            softly.assertThat(actualRows.size()).as("%s rows", name).isEqualTo(expectedRows.size());
            for (int i = 0; i < Math.min(expectedRows.size(), actualRows.size()); i++) {
                List<String> want = new ArrayList<>();
                List<String> got = new ArrayList<>();
                for (String column : columns) {
                    want.add(column + "=" + expectedRows.get(i).get(column));
                    got.add(column + "=" + (actual.getHeaderMap().containsKey(column) ? actualRows.get(i).get(column)
                            : "<missing>"));
                }
                softly.assertThat(got).as("%s row %d", name, i + 1).isEqualTo(want);
            }
        }
    }
}
