package com.arcycle.cycle;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The cycle table: which cycle dates were started and completed. */
@Repository
public class CycleRepository {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    CycleRepository(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    public CycleHistory history() {
        LocalDate last = jdbc.sql("SELECT MAX(cycle_date) FROM cycle WHERE status = 'COMPLETED'")
                .query(LocalDate.class).optional().orElse(null);
        List<LocalDate> unfinished = jdbc.sql("SELECT cycle_date FROM cycle WHERE status <> 'COMPLETED'"
                + " ORDER BY cycle_date").query(LocalDate.class).list();
        return new CycleHistory(last, unfinished.isEmpty() ? null : unfinished.get(0));
    }

    /** Whether a ledger was imported: a cycle of a database with no customers is refused. */
    public boolean hasCustomers() {
        return jdbc.sql("SELECT COUNT(*) FROM customer").query(Long.class).single() > 0;
    }

    /** The last completed cycle before the given date, or null. */
    public LocalDate previousCompleted(LocalDate cycleDate) {
        return jdbc.sql("SELECT MAX(cycle_date) FROM cycle WHERE status = 'COMPLETED' AND cycle_date < ?")
                .param(cycleDate).query(LocalDate.class).optional().orElse(null);
    }

    /**
     * A cycle as started: its folder (absolute; null for cycles run before arcycle stored it) and
     * the id of its run, which claims the folder.
     */
    public record StartedCycle(LocalDate cycleDate, String status, String outputFolder, String runId) {
    }

    /** The cycle of that date as started, or empty when it never started. */
    public java.util.Optional<StartedCycle> find(LocalDate cycleDate) {
        return jdbc.sql("SELECT cycle_date, status, output_folder, run_id FROM cycle WHERE cycle_date = ?")
                .param(cycleDate).query((rs, n) -> new StartedCycle(rs.getObject(1, LocalDate.class), rs.getString(2),
                        rs.getString(3), rs.getString(4))).optional();
    }

    /**
     * Records that the cycle has started, writing into {@code folder}; a restart finds the row
     * already there (a row of an earlier version gets its folder and a run id now). Committed at
     * once, in a transaction of its own, before the folder is claimed with the run's id: a run
     * stopped between the two is one {@code restart} continues, never a claimed folder of a run
     * the database does not know.
     */
    StartedCycle started(LocalDate cycleDate, String folder) {
        return ownTransaction.execute(status -> {
            StartedCycle existing = find(cycleDate).orElse(null);
            if (existing == null) {
                jdbc.sql("INSERT INTO cycle (cycle_date, status, started_at, output_folder, run_id)"
                        + " VALUES (?, 'STARTED', ?, ?, ?)")
                        .params(cycleDate, LocalDateTime.now(clock), folder, UUID.randomUUID().toString()).update();
            } else if (existing.runId() == null) {
                jdbc.sql("UPDATE cycle SET output_folder = ?, run_id = ? WHERE cycle_date = ?")
                        .params(folder, UUID.randomUUID().toString(), cycleDate).update();
            }
            return find(cycleDate).orElseThrow();
        });
    }

    void completed(LocalDate cycleDate) {
        jdbc.sql("UPDATE cycle SET status = 'COMPLETED', completed_at = ? WHERE cycle_date = ?")
                .params(LocalDateTime.now(clock), cycleDate).update();
    }
}
