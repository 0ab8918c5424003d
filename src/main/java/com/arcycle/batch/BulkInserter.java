package com.arcycle.batch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import com.arcycle.platform.LocalInfile;

/**
 * Inserts a chunk's rows into one table, inside the chunk's transaction.
 * <p>
 * On MySQL/MariaDB the rows go as one {@code LOAD DATA LOCAL INFILE} fed from memory (Commons
 * CSV's MySQL format), not as a batch of bound {@code INSERT}s: binding millions of parameters was
 * most of the payments step's time (docs/performance.md). {@code LOAD DATA LOCAL} treats bad rows
 * as warnings and skips duplicates instead of failing, so every load is checked: all rows taken
 * and no warning, or the chunk fails and rolls back. Elsewhere (H2), and when bulk loading is
 * turned off or the server refuses it, it is a JDBC batch.
 */
public final class BulkInserter {

    /** A table and the columns a row gives, in order. */
    public record Table(String name, List<String> columns) {

        public Table {
            columns = List.copyOf(columns);
        }

        public static Table of(String name, String... columns) {
            return new Table(name, List.of(columns));
        }

        String insertSql() {
            return "INSERT INTO " + name + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        }

        String loadSql() {
            return "LOAD DATA LOCAL INFILE 'arcycle-" + name + "' INTO TABLE " + name + " CHARACTER SET utf8mb4"
                    + " FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n'"
                    + " (" + String.join(", ", columns) + ")";
        }
    }

    private final JdbcTemplate jdbc;
    private final boolean loadData;

    /**
     * @param loadData whether to use {@code LOAD DATA LOCAL INFILE}: the database is MySQL/MariaDB,
     *     the server allows it, and the connections were opened as {@link LocalInfile} sets them up
     */
    public BulkInserter(JdbcTemplate jdbc, boolean loadData) {
        this.jdbc = jdbc;
        this.loadData = loadData;
    }

    public boolean loadsData() {
        return loadData;
    }

    /**
     * Inserts the rows; each gives the table's columns in order, as String, BigDecimal, LocalDate,
     * Boolean, Integer, Long or null.
     *
     * @throws DataIntegrityViolationException when the database did not take every row as given
     */
    public void insert(Table table, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (!loadData) {
            jdbc.batchUpdate(table.insertSql(), rows);
            return;
        }
        byte[] data = tabSeparated(table, rows);
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (Statement statement = connection.createStatement()) {
                // the server gets these bytes whatever file it asks for, and no file (LocalInfile)
                long taken = LocalInfile.load(connection, statement, table.loadSql(), new ByteArrayInputStream(data));
                SQLWarning warning = statement.getWarnings();
                if (taken != rows.size() || warning != null) {
                    throw new DataIntegrityViolationException("loading " + rows.size() + " rows into " + table.name()
                            + " took " + taken + (warning == null ? "" : ": " + warning.getMessage()));
                }
            }
            return null;
        });
    }

    /**
     * The rows in LOAD DATA's default text format, Commons CSV's MySQL format: tab between fields,
     * LF after each row, {@code \N} for null, a backslash before a backslash, tab, CR or LF inside a
     * value (CR and LF as {@code \r} and {@code \n}).
     */
    static byte[] tabSeparated(Table table, List<Object[]> rows) {
        StringBuilder text = new StringBuilder(rows.size() * table.columns().size() * 12);
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.MYSQL)) {
            for (Object[] row : rows) {
                if (row.length != table.columns().size()) {
                    throw new IllegalArgumentException(table.name() + " has " + table.columns().size()
                            + " columns; a row gave " + row.length + " values");
                }
                for (Object value : row) {
                    printer.print(text(value));
                }
                printer.println();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A value as LOAD DATA reads it; null stays null (written as \N). */
    private static Object text(Object value) {
        if (value == null || value instanceof String || value instanceof Integer || value instanceof Long) {
            return value;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof Boolean bool) {
            return bool ? "1" : "0";
        }
        throw new IllegalArgumentException("cannot bulk-load a " + value.getClass().getName() + ": " + value);
    }
}
