package com.arcycle.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes {@code mail_outbox}, the table this feature owns. Every write commits on its own (the
 * callers run outside any transaction): a message's sending is on record the moment the server took it.
 */
@Component
class OutboxWrites {

    /** The server's reply is kept this long at most (the column's size). */
    private static final int REPLY = 1000;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    OutboxWrites(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A planned statement: the channel decided, and the message it will be. */
    record Planned(String accountNumber, DeliveryChoice choice, String recipient, String messageId) {
    }

    void plan(LocalDate cycleDate, List<Planned> rows) {
        Timestamp now = now();
        jdbc.batchUpdate("""
                INSERT INTO mail_outbox (cycle_date, account_number, channel, recipient, message_id, status, attempts,
                                         resends, reply, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?, ?)
                """, rows.stream().map(p -> new Object[] {cycleDate, p.accountNumber(), p.choice().channel().name(),
                p.recipient(), p.messageId(), p.choice().status().name(), p.choice().reason(), now}).toList());
    }

    /** Records the end of a try: {@code status} SENT or FAILED, or PENDING for a try to be repeated. */
    void tried(LocalDate cycleDate, String accountNumber, OutboxStatus status, int attempts, String reply) {
        jdbc.update("UPDATE mail_outbox SET status = ?, attempts = ?, reply = ?, updated_at = ?"
                + " WHERE cycle_date = ? AND account_number = ?", status.name(), attempts, clip(reply), now(),
                cycleDate, accountNumber);
    }

    /** A deliberate resend ({@code send-statements --account A --again}): pending again, under a Message-ID of its own. */
    void resend(LocalDate cycleDate, String accountNumber, int resends, String messageId) {
        jdbc.update("UPDATE mail_outbox SET status = 'PENDING', attempts = 0, resends = ?, message_id = ?, reply = NULL,"
                + " updated_at = ? WHERE cycle_date = ? AND account_number = ?", resends, messageId, now(), cycleDate,
                accountNumber);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static String clip(String reply) {
        if (reply == null) {
            return null;
        }
        String oneLine = reply.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= REPLY ? oneLine : oneLine.substring(0, REPLY);
    }
}
