package com.arcycle.mail;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.arcycle.dunning.Stage;
import com.arcycle.ledger.LedgerQueries;

/** The outbox's reads: what is left to plan and to send, and how a cycle's statements went. */
@Component
public class OutboxQueries {

    /** Rows per page: the outbox is read a page at a time, so memory stays flat whatever the cycle's size. */
    static final int PAGE = 500;

    /** A statement with no outbox row yet, with what its channel is decided from. */
    record Unplanned(String accountNumber, String email, String statementDelivery) {
    }

    private static final String UNPLANNED = """
            SELECT s.account_number, c.email, c.statement_delivery
            FROM statement s
            JOIN customer c ON c.account_number = s.account_number
            WHERE s.cycle_date = ? AND s.account_number > ?
              AND NOT EXISTS (SELECT 1 FROM mail_outbox o
                              WHERE o.cycle_date = s.cycle_date AND o.account_number = s.account_number)
            ORDER BY s.account_number
            LIMIT %d
            """.formatted(PAGE);

    private static final String PENDING = """
            SELECT o.account_number, o.recipient, o.message_id, o.channel, o.attempts, s.file_name, c.name,
                   ac.stage, ac.past_due_total, ac.max_dpd, d.action, ab.total,
                   p.created_date, p.promised_date, p.amount, p.received
            FROM mail_outbox o
            JOIN statement s ON s.cycle_date = o.cycle_date AND s.account_number = o.account_number
            JOIN customer c ON c.account_number = o.account_number
            JOIN account_cycle ac ON ac.cycle_date = o.cycle_date AND ac.account_number = o.account_number
            LEFT JOIN collection_decision d ON d.cycle_date = o.cycle_date AND d.account_number = o.account_number
            LEFT JOIN aged_balance ab ON ab.cycle_date = o.cycle_date AND ab.account_number = o.account_number
            LEFT JOIN cycle_promise p ON p.cycle_date = o.cycle_date AND p.account_number = o.account_number
                                     AND p.state = 'BROKEN'
            WHERE o.cycle_date = ? AND o.status = 'PENDING' AND o.account_number > ?
            """;

    /**
     * The statements that go on paper, in account order: the customer asked for post (or both), has
     * no address, or no email reached it; with delivery off (no outbox row), every statement.
     */
    private static final String ON_PAPER = """
            FROM statement s
            LEFT JOIN mail_outbox o ON o.cycle_date = s.cycle_date AND o.account_number = s.account_number
            WHERE s.cycle_date = ?
              AND (o.account_number IS NULL OR o.channel <> 'EMAIL' OR o.status <> 'SENT')
            """;

    static final String TO_PAPER = "SELECT s.account_number, s.file_name, s.sha256 " + ON_PAPER
            + " AND s.account_number > ? ORDER BY s.account_number LIMIT " + PAGE;

    private final JdbcTemplate jdbc;

    OutboxQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Unplanned> unplanned(LocalDate cycleDate, String after) {
        return jdbc.query(UNPLANNED, (rs, n) -> new Unplanned(rs.getString("account_number"), rs.getString("email"),
                rs.getString("statement_delivery")), cycleDate, after);
    }

    /** The next page of messages to send, after account {@code after} ("" for the first); one account only when {@code account} is set. */
    List<StatementMail> pending(LocalDate cycleDate, String after, String account) {
        String sql = PENDING + (account == null ? "" : " AND o.account_number = ?")
                + " ORDER BY o.account_number LIMIT " + PAGE;
        Object[] params = account == null ? new Object[] {cycleDate, after} : new Object[] {cycleDate, after, account};
        return jdbc.query(sql, (rs, n) -> new StatementMail(cycleDate, rs.getString("account_number"),
                rs.getString("name"), rs.getString("recipient"), rs.getString("message_id"),
                Channel.valueOf(rs.getString("channel")), rs.getInt("attempts"), rs.getString("file_name"),
                Stage.valueOf(rs.getString("stage")), "REFERRED".equals(rs.getString("action")),
                LedgerQueries.money(rs, "past_due_total"), rs.getObject("max_dpd", Integer.class),
                rs.getBigDecimal("total") == null ? null : LedgerQueries.money(rs, "total"),
                rs.getDate("created_date") == null ? null
                        : new StatementMail.BrokenPromise(LedgerQueries.date(rs, "created_date"),
                                LedgerQueries.date(rs, "promised_date"), LedgerQueries.money(rs, "amount"),
                                LedgerQueries.money(rs, "received"))), params);
    }

    /** A statement going on paper: its file and its SHA-256 as the statements step recorded them. */
    record Paper(String accountNumber, String fileName, String sha256) {
    }

    List<Paper> toPaper(LocalDate cycleDate, String after) {
        return jdbc.query(TO_PAPER, (rs, n) -> new Paper(rs.getString("account_number"), rs.getString("file_name"),
                rs.getString("sha256")), cycleDate, after);
    }

    /** One account's outbox row, if it has one. */
    public record Entry(String accountNumber, Channel channel, OutboxStatus status, String recipient, String messageId,
            int attempts, int resends, String reply) {
    }

    public java.util.Optional<Entry> entry(LocalDate cycleDate, String accountNumber) {
        return jdbc.query("SELECT * FROM mail_outbox WHERE cycle_date = ? AND account_number = ?",
                (rs, n) -> new Entry(rs.getString("account_number"), Channel.valueOf(rs.getString("channel")),
                        OutboxStatus.valueOf(rs.getString("status")), rs.getString("recipient"),
                        rs.getString("message_id"), rs.getInt("attempts"), rs.getInt("resends"), rs.getString("reply")),
                cycleDate, accountNumber).stream().findFirst();
    }

    /** The accounts of the cycle whose email was refused for good, with the server's reply, in account order. */
    public List<Entry> failed(LocalDate cycleDate) {
        return jdbc.query("SELECT * FROM mail_outbox WHERE cycle_date = ? AND status = 'FAILED' ORDER BY account_number",
                (rs, n) -> new Entry(rs.getString("account_number"), Channel.valueOf(rs.getString("channel")),
                        OutboxStatus.FAILED, rs.getString("recipient"), rs.getString("message_id"),
                        rs.getInt("attempts"), rs.getInt("resends"), rs.getString("reply")), cycleDate);
    }

    /** How the cycle's statements went. */
    public record Counts(int statements, int emailed, int posted, int failed, int pending, boolean planned) {
    }

    /**
     * The cycle's statements counted: emailed (SENT), posted (on paper: every statement when the
     * cycle ran with email delivery off), failed (refused for good, posted instead), pending.
     */
    public Counts counts(LocalDate cycleDate) {
        int statements = jdbc.queryForObject("SELECT COUNT(*) FROM statement WHERE cycle_date = ?", Integer.class,
                cycleDate);
        Map<OutboxStatus, Integer> byStatus = new EnumMap<>(OutboxStatus.class);
        jdbc.query("SELECT status, COUNT(*) AS n FROM mail_outbox WHERE cycle_date = ? GROUP BY status",
                rs -> {
                    byStatus.put(OutboxStatus.valueOf(rs.getString("status")), rs.getInt("n"));
                }, cycleDate);
        int pending = byStatus.getOrDefault(OutboxStatus.PENDING, 0);
        int posted = jdbc.queryForObject("SELECT COUNT(*) " + ON_PAPER + " AND (o.status IS NULL OR o.status <> 'PENDING'"
                + " OR o.channel <> 'EMAIL')", Integer.class, cycleDate);
        return new Counts(statements, byStatus.getOrDefault(OutboxStatus.SENT, 0), posted,
                byStatus.getOrDefault(OutboxStatus.FAILED, 0), pending, !byStatus.isEmpty());
    }

    /** The latest cycles with statements, newest first. */
    public List<LocalDate> cyclesWithStatements(int limit) {
        return jdbc.queryForList("SELECT DISTINCT cycle_date FROM statement ORDER BY cycle_date DESC LIMIT " + limit,
                LocalDate.class);
    }

    /** The latest cycle with statements, or null. */
    public LocalDate latestCycleWithStatements() {
        return jdbc.queryForObject("SELECT MAX(cycle_date) FROM statement", LocalDate.class);
    }
}
