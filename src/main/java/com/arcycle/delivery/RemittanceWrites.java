package com.arcycle.delivery;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The remittance tables' one writer: the files imported and the firm's commission on each payment. */
@Component
class RemittanceWrites {

    static final String IMPORTED = "IMPORTED";
    /** Imported and moved to processed/ on the firm's server. */
    static final String PROCESSED = "PROCESSED";

    /** The commission the firm took on one payment it collected. */
    record Commission(String paymentId, long line, String accountNumber, LocalDate receivedDate, BigDecimal amount,
            BigDecimal commission) {
    }

    /** What an imported file held and what became of it. */
    record ImportedFile(String fileName, String sha256, int records, int loaded, int alreadyLoaded, int rejected,
            BigDecimal amount, BigDecimal commission) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    RemittanceWrites(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** In the caller's transaction, with the payments it loaded. */
    void imported(ImportedFile file, List<Commission> commissions) {
        jdbc.sql("""
                INSERT INTO remittance_file (file_name, sha256, record_count, loaded, already_loaded, rejected, amount,
                    commission, status, imported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(file.fileName(), file.sha256(), file.records(), file.loaded(), file.alreadyLoaded(),
                file.rejected(), file.amount(), file.commission(), IMPORTED, LocalDateTime.now(clock)).update();
        for (Commission c : commissions) {
            jdbc.sql("""
                    INSERT INTO remittance_commission (payment_id, file_name, line_number, account_number,
                        received_date, amount, commission)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """).params(c.paymentId(), file.fileName(), c.line(), c.accountNumber(), c.receivedDate(),
                    c.amount(), c.commission()).update();
        }
    }

    void processed(String fileName) {
        jdbc.sql("UPDATE remittance_file SET status = ?, processed_at = ? WHERE file_name = ?")
                .params(PROCESSED, LocalDateTime.now(clock), fileName).update();
    }
}
