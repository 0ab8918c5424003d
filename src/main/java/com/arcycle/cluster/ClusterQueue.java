package com.arcycle.cluster;

import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;

import com.arcycle.platform.DatabaseIdentity;

/**
 * The RabbitMQ queue that carries a database's partitions to its workers. Its name comes from the
 * database as its server knows itself (name, host name, port), not from the URL a process was
 * given, so every process of one cycle finds the same queue however it reaches the database, and
 * two databases sharing one broker never take each other's partitions (Spring Batch issue 4945).
 */
record ClusterQueue(String name) {

    /**
     * @throws IllegalArgumentException for the embedded database, which one process opens at a time
     */
    static ClusterQueue of(DatabaseIdentity database, JdbcTemplate jdbc, String prefix) {
        if (database.embedded()) {
            throw new IllegalArgumentException("setting arcycle.cluster.enabled = true: the cycle's partitions can run"
                    + " on worker processes only with a MySQL or MariaDB database that every process reaches"
                    + " (ARCYCLE_DB_URL); " + database.describe() + " is a file that one process opens at a time."
                    + " Run without --cluster, or see docs/scale-out.md");
        }
        String start = prefix == null || prefix.isBlank()
                ? "arcycle." + jdbc.queryForObject("SELECT CONCAT(DATABASE(), '@', @@hostname, ':', @@port)", String.class)
                : prefix;
        return new ClusterQueue(clean(start) + ".partitions");
    }

    /** Letters, digits and . _ - @ : only (a queue name is at most 255 bytes; ours stay short). */
    static String clean(String name) {
        String cleaned = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._@:-]", "_");
        return cleaned.length() > 200 ? cleaned.substring(0, 200) : cleaned;
    }
}
