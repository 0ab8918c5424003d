package com.arcycle.delivery;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery tables' one writer. Every write commits at once, in a transaction of its own even
 * inside the cycle's step: what is on the firm's server must be on record whatever fails next.
 */
@Component
class DeliveryWrites {

    static final String PREPARED = "PREPARED";
    static final String DELIVERED = "DELIVERED";
    /** An incomplete delivery left for a new one (deliver --again). */
    static final String ABANDONED = "ABANDONED";
    static final String PENDING = "PENDING";

    /** A file as prepared for upload. */
    record PreparedFile(String fileName, String remoteName, String sourceSha256, long sourceBytes, String sha256,
            long bytes) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    DeliveryWrites(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** The delivery and its files, all or nothing. */
    void prepared(LocalDate cycleDate, int attempt, boolean again, boolean encrypted, String remoteFolder,
            List<PreparedFile> files) {
        ownTransaction.executeWithoutResult(status -> {
            jdbc.sql("""
                    INSERT INTO delivery (cycle_date, attempt, again, encrypted, remote_folder, status, prepared_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """).params(cycleDate, attempt, again, encrypted, remoteFolder, PREPARED, now()).update();
            int position = 0;
            for (PreparedFile file : files) {
                jdbc.sql("""
                        INSERT INTO delivery_file (cycle_date, attempt, position, file_name, remote_name,
                            source_sha256, source_bytes, sha256, bytes, status)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """).params(cycleDate, attempt, ++position, file.fileName(), file.remoteName(),
                        file.sourceSha256(), file.sourceBytes(), file.sha256(), file.bytes(), PENDING).update();
            }
        });
    }

    void fileDelivered(LocalDate cycleDate, int attempt, int position) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                UPDATE delivery_file SET status = ?, delivered_at = ? WHERE cycle_date = ? AND attempt = ?
                  AND position = ?
                """).params(DELIVERED, now(), cycleDate, attempt, position).update());
    }

    void delivered(LocalDate cycleDate, int attempt) {
        finished(cycleDate, attempt, DELIVERED);
    }

    void abandoned(LocalDate cycleDate, int attempt) {
        finished(cycleDate, attempt, ABANDONED);
    }

    private void finished(LocalDate cycleDate, int attempt, String state) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql(
                "UPDATE delivery SET status = ?, completed_at = ? WHERE cycle_date = ? AND attempt = ?")
                .params(state, now(), cycleDate, attempt).update());
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
