package com.arcycle.platform;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

/**
 * Copies every table of arcycle's database (ledger, cycles, their decisions and history, the job
 * repository, console users) into an empty MySQL database that Flyway has brought to the same
 * schema: the move from the embedded database to MySQL. Everything goes in one transaction on
 * the target, so a failed copy leaves it empty; the source is only read. Spring Batch's id
 * sequences (sequences on H2, tables on MySQL) continue after the highest id copied.
 */
public final class DatabaseCopy {

    /** A table copied, with its rows on each side (equal, or the copy fails). */
    public record Copied(String table, long rows) {
    }

    private static final int BATCH = 1000;
    /** MySQL's stand-ins for sequences, and the id each one hands out. */
    private static final Map<String, String> SEQUENCES = Map.of(
            "BATCH_JOB_INSTANCE_SEQ", "SELECT MAX(JOB_INSTANCE_ID) FROM BATCH_JOB_INSTANCE",
            "BATCH_JOB_EXECUTION_SEQ", "SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION",
            "BATCH_STEP_EXECUTION_SEQ", "SELECT MAX(STEP_EXECUTION_ID) FROM BATCH_STEP_EXECUTION");

    private DatabaseCopy() {
    }

    /**
     * @throws IllegalArgumentException when the target is not MySQL or already holds rows
     */
    public static List<Copied> copy(DataSource source, DataSource target, PrintStream progress) throws SQLException {
        try (Connection from = source.getConnection(); Connection to = target.getConnection()) {
            String product = to.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (!product.contains("mysql") && !product.contains("mariadb")) {
                throw new IllegalArgumentException("the target must be a MySQL or MariaDB database, not "
                        + to.getMetaData().getDatabaseProductName());
            }
            List<String> tables = tables(to);
            for (String table : tables) {
                long rows = count(to, table);
                if (rows > 0) {
                    throw new IllegalArgumentException("the target database already holds data (" + table + " has "
                            + rows + " rows): copy into a new, empty database");
                }
            }
            List<Copied> copied = new ArrayList<>();
            to.setAutoCommit(false);
            try (Statement settings = to.createStatement()) {
                // Tables go in name order, not in the order of their references; the copy is whole at commit.
                settings.execute("SET FOREIGN_KEY_CHECKS = 0");
                for (String table : tables) {
                    long rows = copyTable(from, to, table);
                    progress.printf("  %-32s %,12d rows%n", table, rows);
                    copied.add(new Copied(table, rows));
                }
                for (Map.Entry<String, String> sequence : SEQUENCES.entrySet()) {
                    long highest = 0;
                    try (Statement query = to.createStatement(); ResultSet rs = query.executeQuery(sequence.getValue())) {
                        if (rs.next()) {
                            highest = rs.getLong(1);
                        }
                    }
                    settings.executeUpdate("UPDATE " + sequence.getKey() + " SET ID = " + highest);
                }
                settings.execute("SET FOREIGN_KEY_CHECKS = 1");
                for (Copied table : copied) {
                    long there = count(to, table.table());
                    if (there != table.rows() || count(from, table.table()) != table.rows()) {
                        throw new IllegalStateException(table.table() + ": " + table.rows() + " rows read, " + there
                                + " in the target");
                    }
                }
                to.commit();
            } catch (SQLException | RuntimeException e) {
                to.rollback();
                throw e;
            }
            return copied;
        }
    }

    /** The target's tables, as Flyway made them, but for its own history and the id sequences. */
    private static List<String> tables(Connection to) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement query = to.createStatement(); ResultSet rs = query.executeQuery("SELECT table_name FROM"
                + " information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'"
                + " ORDER BY table_name")) {
            while (rs.next()) {
                String table = rs.getString(1);
                if (!table.equalsIgnoreCase("flyway_schema_history")
                        && !SEQUENCES.containsKey(table.toUpperCase(Locale.ROOT))) {
                    tables.add(table);
                }
            }
        }
        return tables;
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement query = connection.createStatement();
                ResultSet rs = query.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long copyTable(Connection from, Connection to, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement query = to.createStatement(); ResultSet rs = query.executeQuery("SELECT * FROM " + table
                + " WHERE 1 = 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i));
            }
        }
        String list = String.join(", ", columns);
        long rows = 0;
        try (Statement read = from.createStatement();
                ResultSet rs = read.executeQuery("SELECT " + list + " FROM " + table);
                PreparedStatement insert = to.prepareStatement("INSERT INTO " + table + " (" + list + ") VALUES ("
                        + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")")) {
            read.setFetchSize(BATCH);
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                for (int i = 1; i <= columns.size(); i++) {
                    insert.setObject(i, value(rs, i, meta.getColumnType(i)));
                }
                insert.addBatch();
                if (++rows % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        return rows;
    }

    /** A column's value as the target takes it: large text and bytes read whole (a CLOB is not portable). */
    private static Object value(ResultSet rs, int column, int type) throws SQLException {
        return switch (type) {
            case Types.CLOB, Types.NCLOB, Types.LONGVARCHAR, Types.LONGNVARCHAR -> rs.getString(column);
            case Types.BLOB, Types.LONGVARBINARY -> rs.getBytes(column);
            case Types.TIMESTAMP -> rs.getObject(column, java.time.LocalDateTime.class);
            case Types.DATE -> rs.getObject(column, java.time.LocalDate.class);
            default -> rs.getObject(column);
        };
    }
}
