package com.arcycle.console;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The console's read model: what its pages show, read from the tables the features own. */
@Repository
class ConsoleQueries {

    private final JdbcClient jdbc;

    ConsoleQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A run of either job; the counts are the job's steps' (a partitioned step's manager holds its partitions'). */
    record Run(long id, String job, LocalDate cycleDate, String ledgerDir, String status, LocalDateTime start,
            LocalDateTime end, long read, long written, long skipped, String failedStep) {

        public String duration() {
            if (start == null) {
                return "";
            }
            Duration taken = Duration.between(start, end == null ? LocalDateTime.now() : end);
            long seconds = taken.toSeconds();
            return seconds < 60 ? seconds + " s" : String.format("%d min %02d s", seconds / 60, seconds % 60);
        }

        /** This run as left running by a process that was killed. */
        Run crashed() {
            return new Run(id, job, cycleDate, ledgerDir, "CRASHED", start, end, read, written, skipped, failedStep);
        }

        public boolean running() {
            return status.equals("STARTING") || status.equals("STARTED") || status.equals("STOPPING");
        }

        public boolean cycle() {
            return cycleDate != null;
        }
    }

    List<Run> runs(int limit) {
        return jdbc.sql("""
                SELECT e.JOB_EXECUTION_ID, i.JOB_NAME, e.STATUS, e.START_TIME, e.END_TIME,
                       (SELECT p.PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS p
                         WHERE p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'cycle.date') AS cycle_date,
                       (SELECT p.PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS p
                         WHERE p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'ledger.dir') AS ledger_dir,
                       (SELECT COALESCE(SUM(s.READ_COUNT), 0) FROM BATCH_STEP_EXECUTION s
                         WHERE s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND s.STEP_NAME NOT LIKE '%:%') AS read_count,
                       (SELECT COALESCE(SUM(s.WRITE_COUNT), 0) FROM BATCH_STEP_EXECUTION s
                         WHERE s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND s.STEP_NAME NOT LIKE '%:%') AS write_count,
                       (SELECT COALESCE(SUM(s.READ_SKIP_COUNT + s.WRITE_SKIP_COUNT + s.PROCESS_SKIP_COUNT), 0)
                          FROM BATCH_STEP_EXECUTION s
                         WHERE s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND s.STEP_NAME NOT LIKE '%:%') AS skip_count,
                       (SELECT MIN(s.STEP_NAME) FROM BATCH_STEP_EXECUTION s
                         WHERE s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND s.STATUS = 'FAILED'
                           AND s.STEP_NAME NOT LIKE '%:%') AS failed_step
                FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                ORDER BY e.JOB_EXECUTION_ID DESC
                LIMIT ?
                """).param(limit).query((rs, n) -> {
                    String cycleDate = rs.getString("cycle_date");
                    return new Run(rs.getLong(1), rs.getString(2), cycleDate == null ? null : LocalDate.parse(cycleDate),
                            rs.getString("ledger_dir"), rs.getString(3), rs.getObject(4, LocalDateTime.class),
                            rs.getObject(5, LocalDateTime.class), rs.getLong("read_count"), rs.getLong("write_count"),
                            rs.getLong("skip_count"), rs.getString("failed_step"));
                }).list();
    }

    /** A step running now: its partitions' counts added up, since their manager counts only at the end. */
    record RunningStep(long runId, String step, long read, long written, LocalDateTime start) {

        public String rate() {
            long seconds = start == null ? 0 : Duration.between(start, LocalDateTime.now()).toSeconds();
            return seconds <= 0 ? "" : String.format("%,d a second", read / seconds);
        }
    }

    List<RunningStep> runningSteps() {
        return jdbc.sql("""
                SELECT s.JOB_EXECUTION_ID, s.STEP_NAME, s.READ_COUNT, s.WRITE_COUNT, s.START_TIME
                FROM BATCH_STEP_EXECUTION s JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID
                WHERE s.STATUS IN ('STARTING', 'STARTED') AND e.STATUS IN ('STARTING', 'STARTED')
                ORDER BY s.JOB_EXECUTION_ID, s.STEP_EXECUTION_ID
                """).query((rs, n) -> new RunningStep(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getObject(5, LocalDateTime.class))).list().stream()
                .collect(java.util.stream.Collectors.groupingBy(s -> s.runId() + "/" + baseName(s.step()),
                        java.util.LinkedHashMap::new, java.util.stream.Collectors.toList()))
                .values().stream().map(parts -> new RunningStep(parts.get(0).runId(), baseName(parts.get(0).step()),
                        parts.stream().filter(p -> p.step().contains(":") || parts.size() == 1)
                                .mapToLong(RunningStep::read).sum(),
                        parts.stream().filter(p -> p.step().contains(":") || parts.size() == 1)
                                .mapToLong(RunningStep::written).sum(),
                        parts.get(0).start()))
                .toList();
    }

    private static String baseName(String step) {
        int colon = step.indexOf(':');
        return colon < 0 ? step : step.substring(0, colon);
    }

    /** A cycle as the cycle table holds it. */
    record Cycle(LocalDate cycleDate, String status, LocalDateTime startedAt, LocalDateTime completedAt,
            String outputFolder) {
    }

    List<Cycle> cycles() {
        return jdbc.sql("SELECT cycle_date, status, started_at, completed_at, output_folder FROM cycle"
                + " ORDER BY cycle_date DESC").query(ConsoleQueries::cycle).list();
    }

    Optional<Cycle> cycle(LocalDate cycleDate) {
        return jdbc.sql("SELECT cycle_date, status, started_at, completed_at, output_folder FROM cycle"
                + " WHERE cycle_date = ?").param(cycleDate).query(ConsoleQueries::cycle).optional();
    }

    private static Cycle cycle(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Cycle(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getObject(3, LocalDateTime.class),
                rs.getObject(4, LocalDateTime.class), rs.getString(5));
    }

    record Statement(String accountNumber, String name, String fileName, String sha256, String stage) {
    }

    List<Statement> statements(LocalDate cycleDate) {
        return jdbc.sql("""
                SELECT s.account_number, c.name, s.file_name, s.sha256, ab.stage
                FROM statement s JOIN customer c ON c.account_number = s.account_number
                LEFT JOIN aged_balance ab ON ab.cycle_date = s.cycle_date AND ab.account_number = s.account_number
                WHERE s.cycle_date = ? ORDER BY s.account_number
                """).param(cycleDate).query((rs, n) -> new Statement(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5))).list();
    }

    record Reject(String step, String accountNumber, String itemId, String column, String value, String reason) {
    }

    List<Reject> rejects(LocalDate cycleDate) {
        return jdbc.sql("""
                SELECT step_name, account_number, item_id, column_name, field_value, reason FROM cycle_reject
                WHERE cycle_date = ? ORDER BY account_number, step_name
                """).param(cycleDate).query((rs, n) -> new Reject(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6))).list();
    }

    /** The latest delivery of a cycle to the AR firm, with how many of its files are on the server. */
    record Delivery(int attempt, boolean again, boolean encrypted, String remoteFolder, String status,
            LocalDateTime preparedAt, LocalDateTime completedAt, int files, int delivered) {
    }

    Optional<Delivery> delivery(LocalDate cycleDate) {
        return jdbc.sql("""
                SELECT d.attempt, d.again, d.encrypted, d.remote_folder, d.status, d.prepared_at, d.completed_at,
                       (SELECT COUNT(*) FROM delivery_file f WHERE f.cycle_date = d.cycle_date
                          AND f.attempt = d.attempt) AS files,
                       (SELECT COUNT(*) FROM delivery_file f WHERE f.cycle_date = d.cycle_date
                          AND f.attempt = d.attempt AND f.status = 'DELIVERED') AS delivered
                FROM delivery d WHERE d.cycle_date = ? ORDER BY d.attempt DESC LIMIT 1
                """).param(cycleDate).query((rs, n) -> new Delivery(rs.getInt(1), rs.getBoolean(2), rs.getBoolean(3),
                        rs.getString(4), rs.getString(5), rs.getObject(6, LocalDateTime.class),
                        rs.getObject(7, LocalDateTime.class), rs.getInt(8), rs.getInt(9))).optional();
    }

    record Customer(String accountNumber, String name, String email, String phone, String city,
            LocalDate customerSince, String lateFeeMode, boolean recurringService) {
    }

    /** Accounts whose number or name holds the text (case-insensitive), first 50 by number. */
    List<Customer> search(String text) {
        String like = "%" + text.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        return jdbc.sql("SELECT * FROM customer WHERE LOWER(account_number) LIKE ? OR LOWER(name) LIKE ?"
                + " ORDER BY account_number LIMIT 50").params(like, like).query(ConsoleQueries::customer).list();
    }

    Optional<Customer> customer(String accountNumber) {
        return jdbc.sql("SELECT * FROM customer WHERE account_number = ?").param(accountNumber)
                .query(ConsoleQueries::customer).optional();
    }

    private static Customer customer(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Customer(rs.getString("account_number"), rs.getString("name"), rs.getString("email"),
                rs.getString("phone"), rs.getString("city"), rs.getObject("customer_since", LocalDate.class),
                rs.getString("late_fee_mode"), rs.getBoolean("recurring_service"));
    }

    record OpenItem(String itemId, String type, String invoiceNumber, LocalDate issueDate, LocalDate dueDate,
            BigDecimal amount, BigDecimal balance, boolean inDispute) {
    }

    /** Items with a balance, not written off, oldest first; invoices not yet taken in by a cycle too. */
    List<OpenItem> openItems(String accountNumber) {
        return jdbc.sql("""
                SELECT li.item_id, li.item_type, li.invoice_number, li.issue_date, li.due_date, li.amount, li.balance,
                       EXISTS (SELECT 1 FROM dispute d WHERE d.invoice_number = li.invoice_number
                                 AND d.resolved_date IS NULL) AS in_dispute
                FROM ledger_item li
                WHERE li.account_number = ? AND li.balance > 0 AND li.written_off_date IS NULL
                UNION ALL
                SELECT i.invoice_number, 'NEW', i.invoice_number, i.issue_date, i.due_date, i.amount, i.amount,
                       EXISTS (SELECT 1 FROM dispute d WHERE d.invoice_number = i.invoice_number
                                 AND d.resolved_date IS NULL)
                FROM invoice i
                WHERE i.account_number = ? AND NOT EXISTS (SELECT 1 FROM ledger_item li
                        WHERE li.account_number = i.account_number AND li.item_id = i.invoice_number)
                ORDER BY 4, 1
                """).params(accountNumber, accountNumber).query((rs, n) -> new OpenItem(rs.getString(1),
                        rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBoolean(8)))
                .list();
    }

    record StageHistory(LocalDate cycleDate, String previousStage, String stage, Integer maxDaysPastDue,
            BigDecimal pastDueTotal, BigDecimal balance, String promise, String action, boolean suspend,
            String statement) {
    }

    List<StageHistory> stageHistory(String accountNumber) {
        return jdbc.sql("""
                SELECT ac.cycle_date, ac.previous_stage, ac.stage, ac.max_dpd, ac.past_due_total, ac.balance,
                       ac.promise, d.action, COALESCE(d.suspend, FALSE) AS suspend, s.file_name
                FROM account_cycle ac
                LEFT JOIN collection_decision d ON d.cycle_date = ac.cycle_date AND d.account_number = ac.account_number
                LEFT JOIN statement s ON s.cycle_date = ac.cycle_date AND s.account_number = ac.account_number
                WHERE ac.account_number = ? ORDER BY ac.cycle_date DESC
                """).param(accountNumber).query((rs, n) -> new StageHistory(rs.getObject(1, LocalDate.class),
                        rs.getString(2), rs.getString(3), (Integer) rs.getObject(4, Integer.class), rs.getBigDecimal(5),
                        rs.getBigDecimal(6), rs.getString(7), rs.getString(8), rs.getBoolean(9), rs.getString(10)))
                .list();
    }

    /** A notice sent: a statement, or the referral to collections. */
    record Notice(LocalDate cycleDate, String kind, String fileName) {
    }

    List<Notice> notices(String accountNumber) {
        return jdbc.sql("""
                SELECT cycle_date, 'statement' AS kind, file_name FROM statement WHERE account_number = ?
                UNION ALL
                SELECT DISTINCT cycle_date, 'referred to collections', NULL FROM referral WHERE account_number = ?
                ORDER BY 1 DESC, 2
                """).params(accountNumber, accountNumber).query((rs, n) -> new Notice(rs.getObject(1, LocalDate.class),
                        rs.getString(2), rs.getString(3))).list();
    }

    record Promise(LocalDate createdDate, LocalDate promisedDate, BigDecimal amount, String lastState,
            LocalDate lastCycle) {
    }

    List<Promise> promises(String accountNumber) {
        return jdbc.sql("""
                SELECT p.created_date, p.promised_date, p.amount,
                       (SELECT cp.state FROM cycle_promise cp WHERE cp.account_number = p.account_number
                          AND cp.created_date = p.created_date ORDER BY cp.cycle_date DESC LIMIT 1) AS state,
                       (SELECT MAX(cp.cycle_date) FROM cycle_promise cp WHERE cp.account_number = p.account_number
                          AND cp.created_date = p.created_date) AS last_cycle
                FROM promise p WHERE p.account_number = ? ORDER BY p.created_date DESC
                """).param(accountNumber).query((rs, n) -> new Promise(rs.getObject(1, LocalDate.class),
                        rs.getObject(2, LocalDate.class), rs.getBigDecimal(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class))).list();
    }

    record Dispute(String invoiceNumber, LocalDate openedDate, LocalDate resolvedDate, String reason,
            BigDecimal amount) {
    }

    List<Dispute> disputes(String accountNumber) {
        return jdbc.sql("""
                SELECT d.invoice_number, d.opened_date, d.resolved_date, d.reason, i.amount
                FROM dispute d JOIN invoice i ON i.invoice_number = d.invoice_number
                WHERE i.account_number = ? ORDER BY d.opened_date DESC, d.invoice_number
                """).param(accountNumber).query((rs, n) -> new Dispute(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getBigDecimal(5))).list();
    }

    /** An action started from the console. */
    record Action(long id, String user, String action, String detail, LocalDateTime startedAt,
            LocalDateTime finishedAt, Integer exitCode, String output) {

        public String outcome() {
            if (exitCode == null) {
                return finishedAt == null ? "running" : "?";
            }
            return switch (exitCode) {
                case 0 -> "done";
                case 1 -> "failed";
                case 2 -> "refused";
                case 3 -> "done, with rejected records";
                default -> "exit " + exitCode;
            };
        }
    }

    List<Action> actions(int limit) {
        return jdbc.sql("SELECT action_id, user_name, action, detail, started_at, finished_at, exit_code, output"
                + " FROM console_action ORDER BY action_id DESC LIMIT ?").param(limit)
                .query((rs, n) -> new Action(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDateTime.class), rs.getObject(6, LocalDateTime.class),
                        (Integer) rs.getObject(7, Integer.class), rs.getString(8))).list();
    }
}
