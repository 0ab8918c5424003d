package com.arcycle.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.springframework.batch.infrastructure.item.file.FlatFileItemWriter;
import org.springframework.batch.infrastructure.item.file.builder.FlatFileItemWriterBuilder;
import org.springframework.batch.infrastructure.item.file.transform.LineAggregator;
import org.springframework.core.io.FileSystemResource;
import com.arcycle.domain.Money;

/** RFC 4180 lines (quoted only where needed, LF line ends like the spec's examples). */
public final class CsvLines implements LineAggregator<List<String>> {

    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    @Override
    public String aggregate(List<String> values) {
        return line(values);
    }

    public static String line(List<String> values) {
        try {
            StringBuilder out = new StringBuilder();
            FORMAT.printRecord(out, values.toArray());
            out.setLength(out.length() - 1);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A transactional writer of CSV lines with a header, writing to the file's temporary name
     * ({@link PublishFileListener#partialOf}); the step's {@link PublishFileListener} creates that
     * file (0640, empty unless the step resumes it) and publishes it, hence append mode.
     */
    public static FlatFileItemWriter<List<String>> writer(String name, Path file, List<String> header) {
        return new FlatFileItemWriterBuilder<List<String>>()
                .name(name)
                .resource(new FileSystemResource(PublishFileListener.partialOf(file)))
                .append(true)
                .encoding("UTF-8")
                .lineSeparator("\n")
                .headerCallback(out -> out.write(line(header)))
                .lineAggregator(new CsvLines())
                .build();
    }

    /**
     * A text cell (a name, an address, an identifier, a reason; never an amount, a date or a
     * count), made safe to open in a spreadsheet: see {@link #neutralised}.
     */
    public static String text(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? "" : neutralised(value);
    }

    /**
     * A text that a spreadsheet would read as a formula (it starts with {@code =}, {@code +},
     * {@code -}, {@code @}, a tab or a carriage return) gets a leading single quote, which the
     * spreadsheet shows as text: OWASP's defence against CSV injection. Applied to text cells only,
     * so negative amounts stay numbers.
     */
    public static String neutralised(String text) {
        if (!text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    private static final String FORMULA_STARTS = "=+-@\t\r";

    public static String money(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? "" : Money.format(value);
    }

    public static String date(ResultSet rs, String column) throws SQLException {
        LocalDate value = rs.getObject(column, LocalDate.class);
        return value == null ? "" : value.toString();
    }

    public static String integer(ResultSet rs, String column) throws SQLException {
        Integer value = rs.getObject(column, Integer.class);
        return value == null ? "" : value.toString();
    }
}
