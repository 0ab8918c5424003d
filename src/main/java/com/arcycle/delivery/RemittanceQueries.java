package com.arcycle.delivery;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The remittance files as recorded: one file by name, and what status shows. */
@Component
public class RemittanceQueries {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final JdbcClient jdbc;

    RemittanceQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The SHA-256 a file of this name was imported with, if it was. */
    Optional<String> importedSha256(String fileName) {
        return jdbc.sql("SELECT sha256 FROM remittance_file WHERE file_name = ?").param(fileName)
                .query(String.class).optional();
    }

    /** One line for each of the latest remittance files: payments loaded, rejected, amount and commission. */
    public List<String> statusLines(int limit) {
        return jdbc.sql("""
                SELECT file_name, status, record_count, loaded, already_loaded, rejected, amount, commission,
                       imported_at
                FROM remittance_file ORDER BY file_name DESC LIMIT ?
                """).param(limit).query((rs, n) -> String.format(
                        "%-28s %-10s %,6d rows %,6d loaded %,6d rejected  amount %s  commission %s  %s",
                        rs.getString("file_name"), rs.getString("status"), rs.getInt("record_count"),
                        rs.getInt("loaded"), rs.getInt("rejected"), rs.getBigDecimal("amount"),
                        rs.getBigDecimal("commission"),
                        TIME.format(rs.getObject("imported_at", LocalDateTime.class)))).list();
    }
}
