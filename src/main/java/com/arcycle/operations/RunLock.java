package com.arcycle.operations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * One command that changes the ledger at a time (import-ledger, run-cycle, restart, demo).
 * On MySQL a named lock (GET_LOCK) is held on its own connection for the whole command; the
 * server releases it when the connection ends, so a process killed mid-run leaves no lock
 * behind. The embedded H2 database is a file that only one process can open at a time, which
 * already keeps a second process out.
 */
@Component
public class RunLock {

    private final DataSource dataSource;

    RunLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A held lock; closing it releases the lock. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Whether a command holds the lock now, elsewhere (a run the job repository shows as running
     * while nobody holds the lock was left so by a process that was killed). On the embedded
     * database only the process that has it open can run a command.
     */
    public boolean heldElsewhere() throws SQLException {
        try (Held lock = tryAcquire()) {
            return lock == null;
        }
    }

    /** The lock, or null when another process holds it. */
    Held tryAcquire() throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
            if (!product.contains("mysql") && !product.contains("mariadb")) {
                connection.close();
                return () -> {
                };
            }
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT GET_LOCK(CONCAT('arcycle.', DATABASE()), 0)")) {
                if (!rs.next() || rs.getInt(1) != 1) {
                    connection.close();
                    return null;
                }
            }
            return () -> {
                try (connection; Statement statement = connection.createStatement()) {
                    statement.execute("DO RELEASE_LOCK(CONCAT('arcycle.', DATABASE()))");
                } catch (SQLException e) {
                    // Closing the connection releases the lock anyway.
                }
            };
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }
}
