package com.arcycle.delivery;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The delivery tables as read: a cycle's latest delivery, its files, and what status shows. */
@Component
public class DeliveryQueries {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** A delivery of a cycle's files: the first, or one more made with --again. */
    record Attempt(LocalDate cycleDate, int attempt, boolean again, boolean encrypted, String remoteFolder,
            String status, LocalDateTime preparedAt, LocalDateTime completedAt) {

        boolean delivered() {
            return DeliveryWrites.DELIVERED.equals(status);
        }
    }

    /** One file of a delivery, in upload order. */
    record DeliveredFile(int position, String fileName, String remoteName, String sha256, long bytes,
            String status) {

        boolean delivered() {
            return DeliveryWrites.DELIVERED.equals(status);
        }
    }

    private final JdbcClient jdbc;

    DeliveryQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Attempt> latest(LocalDate cycleDate) {
        return jdbc.sql("""
                SELECT * FROM delivery WHERE cycle_date = ?
                ORDER BY attempt DESC LIMIT 1
                """).param(cycleDate).query((rs, n) -> new Attempt(rs.getObject("cycle_date", LocalDate.class),
                        rs.getInt("attempt"), rs.getBoolean("again"), rs.getBoolean("encrypted"),
                        rs.getString("remote_folder"), rs.getString("status"),
                        rs.getObject("prepared_at", LocalDateTime.class),
                        rs.getObject("completed_at", LocalDateTime.class))).optional();
    }

    List<DeliveredFile> files(LocalDate cycleDate, int attempt) {
        return jdbc.sql("""
                SELECT position, file_name, remote_name, sha256, bytes, status FROM delivery_file
                WHERE cycle_date = ? AND attempt = ? ORDER BY position
                """).params(cycleDate, attempt).query((rs, n) -> new DeliveredFile(rs.getInt("position"),
                        rs.getString("file_name"), rs.getString("remote_name"), rs.getString("sha256"),
                        rs.getLong("bytes"), rs.getString("status"))).list();
    }

    /**
     * One line for each of the latest deliveries, newest cycle first: cycle, attempt (and whether it
     * was a deliberate --again), status, files on the server, when, where.
     */
    public List<String> statusLines(int limit) {
        return jdbc.sql("""
                SELECT d.cycle_date, d.attempt, d.again, d.status, d.remote_folder, d.prepared_at, d.completed_at,
                       (SELECT COUNT(*) FROM delivery_file f WHERE f.cycle_date = d.cycle_date
                          AND f.attempt = d.attempt) AS files,
                       (SELECT COUNT(*) FROM delivery_file f WHERE f.cycle_date = d.cycle_date
                          AND f.attempt = d.attempt AND f.status = 'DELIVERED') AS delivered
                FROM delivery d
                ORDER BY d.cycle_date DESC, d.attempt DESC
                LIMIT ?
                """).param(limit).query((rs, n) -> {
                    LocalDateTime completed = rs.getObject("completed_at", LocalDateTime.class);
                    LocalDateTime prepared = rs.getObject("prepared_at", LocalDateTime.class);
                    return String.format("%-12s %-8s %-10s %2d of %2d files  %-19s  %s", rs.getObject("cycle_date",
                            LocalDate.class), "#" + rs.getInt("attempt") + (rs.getBoolean("again") ? " again" : ""),
                            rs.getString("status"), rs.getLong("delivered"), rs.getLong("files"),
                            TIME.format(completed != null ? completed : prepared), rs.getString("remote_folder"));
                }).list();
    }
}
