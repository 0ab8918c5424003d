package com.arcycle.cycle;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The cycle table: which cycle dates were started and completed. */
@Repository
public class CycleRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    CycleRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public CycleHistory history() {
        LocalDate last = jdbc.sql("SELECT MAX(cycle_date) FROM cycle WHERE status = 'COMPLETED'")
                .query(LocalDate.class).optional().orElse(null);
        List<LocalDate> unfinished = jdbc.sql("SELECT cycle_date FROM cycle WHERE status <> 'COMPLETED'"
                + " ORDER BY cycle_date").query(LocalDate.class).list();
        return new CycleHistory(last, unfinished.isEmpty() ? null : unfinished.get(0));
    }

    /** The last completed cycle before the given date, or null. */
    public LocalDate previousCompleted(LocalDate cycleDate) {
        return jdbc.sql("SELECT MAX(cycle_date) FROM cycle WHERE status = 'COMPLETED' AND cycle_date < ?")
                .param(cycleDate).query(LocalDate.class).optional().orElse(null);
    }

    /** Records that the cycle has started; a restart finds the row already there. */
    void started(LocalDate cycleDate) {
        int existing = jdbc.sql("SELECT COUNT(*) FROM cycle WHERE cycle_date = ?").param(cycleDate)
                .query(Integer.class).single();
        if (existing == 0) {
            jdbc.sql("INSERT INTO cycle (cycle_date, status, started_at) VALUES (?, 'STARTED', ?)")
                    .params(cycleDate, LocalDateTime.now(clock)).update();
        }
    }

    void completed(LocalDate cycleDate) {
        jdbc.sql("UPDATE cycle SET status = 'COMPLETED', completed_at = ? WHERE cycle_date = ?")
                .params(LocalDateTime.now(clock), cycleDate).update();
    }
}
