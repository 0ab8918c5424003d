package com.arcycle.bench;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The least work MariaDB can do for the cycle's answer on the benchmark ledger: the aged
 * receivables and the late fees as a handful of set-based SQL statements. It holds only for
 * the benchmark's data (a first cycle, payments always sent for an invoice and never more than
 * it), which is what lets balances be "amount less payments" instead of a FIFO replay; it runs
 * with the default policy. The cycle's figures are compared with it afterwards.
 */
final class SqlBaseline {

    private SqlBaseline() {
    }

    static List<String> statements(LocalDate cycleDate) {
        String c = "DATE '" + cycleDate + "'";
        return List.of(
                "DROP TABLE IF EXISTS bl_invoice, bl_account, bl_fee, bl_aged",
                """
                CREATE TABLE bl_invoice (PRIMARY KEY (invoice_number), KEY (account_number)) AS
                SELECT i.invoice_number, i.account_number, i.due_date, i.amount,
                       i.amount - COALESCE(p.paid, 0) AS balance, p.last_paid,
                       DATEDIFF(%1$s, i.due_date) AS dpd,
                       EXISTS (SELECT 1 FROM dispute d WHERE d.invoice_number = i.invoice_number
                               AND d.opened_date <= %1$s AND (d.resolved_date IS NULL OR d.resolved_date > %1$s))
                         AS in_dispute
                FROM invoice i
                LEFT JOIN (SELECT invoice_number, SUM(amount) AS paid, MAX(received_date) AS last_paid
                           FROM payment WHERE received_date <= %1$s GROUP BY invoice_number) p
                  ON p.invoice_number = i.invoice_number
                WHERE i.issue_date <= %1$s
                """.formatted(c),
                """
                CREATE TABLE bl_account (PRIMARY KEY (account_number)) AS
                SELECT b.account_number,
                       SUM(CASE WHEN b.balance > 0 THEN b.balance ELSE 0 END) AS open_balance,
                       MAX(CASE WHEN b.balance > 0 AND NOT b.in_dispute THEN b.dpd END) AS max_dpd,
                       SUM(CASE WHEN b.balance = 0 AND b.last_paid BETWEEN %1$s - INTERVAL 364 DAY AND %1$s
                                 AND b.last_paid > b.due_date + INTERVAL 10 DAY THEN 1 ELSE 0 END) AS late_paid
                FROM bl_invoice b
                GROUP BY b.account_number
                """.formatted(c),
                """
                CREATE TABLE bl_fee (PRIMARY KEY (invoice_number)) AS
                SELECT b.invoice_number, b.account_number, b.balance AS basis,
                       LEAST(GREATEST(2.00, ROUND(b.balance * 0.015, 2)), ROUND(b.amount * 20 / 100, 2)) AS amount
                FROM bl_invoice b
                JOIN bl_account a ON a.account_number = b.account_number
                JOIN customer cu ON cu.account_number = b.account_number
                WHERE b.balance > 0 AND b.dpd > 10 AND NOT b.in_dispute
                  AND NOT (a.open_balance > 0 AND a.open_balance <= 50.00 AND COALESCE(a.max_dpd, 0) >= 120)
                  AND NOT EXISTS (SELECT 1 FROM promise pr WHERE pr.account_number = b.account_number
                                  AND pr.created_date <= %1$s AND pr.promised_date >= %1$s
                                  AND pr.amount > (SELECT COALESCE(SUM(p.amount), 0) FROM payment p
                                                   WHERE p.account_number = pr.account_number
                                                     AND p.received_date BETWEEN pr.created_date AND %1$s))
                  AND (COALESCE(cu.late_fee_mode, 'ALWAYS') = 'ALWAYS'
                       OR (cu.late_fee_mode = 'HABITUAL' AND a.late_paid >= 2))
                """.formatted(c),
                """
                CREATE TABLE bl_aged (PRIMARY KEY (account_number)) AS
                SELECT o.account_number,
                       SUM(CASE WHEN o.dpd <= 0 THEN o.balance ELSE 0 END) AS current_amount,
                       SUM(CASE WHEN o.dpd BETWEEN 1 AND 30 THEN o.balance ELSE 0 END) AS d1_30,
                       SUM(CASE WHEN o.dpd BETWEEN 31 AND 60 THEN o.balance ELSE 0 END) AS d31_60,
                       SUM(CASE WHEN o.dpd BETWEEN 61 AND 90 THEN o.balance ELSE 0 END) AS d61_90,
                       SUM(CASE WHEN o.dpd BETWEEN 91 AND 120 THEN o.balance ELSE 0 END) AS d91_120,
                       SUM(CASE WHEN o.dpd > 120 THEN o.balance ELSE 0 END) AS d121_plus,
                       SUM(CASE WHEN o.in_dispute THEN o.balance ELSE 0 END) AS in_dispute,
                       SUM(o.balance) AS total
                FROM (SELECT b.account_number, b.dpd, b.balance, b.in_dispute
                      FROM bl_invoice b JOIN bl_account a ON a.account_number = b.account_number
                      WHERE b.balance > 0
                        AND (b.in_dispute OR NOT (a.open_balance <= 50.00 AND COALESCE(a.max_dpd, 0) >= 120))
                      UNION ALL
                      SELECT f.account_number, 0, f.amount, FALSE FROM bl_fee f) o
                GROUP BY o.account_number
                """);
    }

    /** Runs the baseline, printing each statement's time; returns its wall time in nanoseconds. */
    static long run(JdbcTemplate jdbc, LocalDate cycleDate) {
        long start = System.nanoTime();
        for (String sql : statements(cycleDate)) {
            long statementStart = System.nanoTime();
            jdbc.execute(sql);
            System.out.printf(java.util.Locale.ROOT, "  %6.1f s  %s%n", (System.nanoTime() - statementStart) / 1e9,
                    sql.strip().lines().findFirst().orElse(""));
        }
        return System.nanoTime() - start;
    }

    /** Differences between the baseline and the cycle's aged receivables and fees: none when equal. */
    static List<String> differences(JdbcTemplate jdbc, LocalDate cycleDate) {
        String c = "DATE '" + cycleDate + "'";
        return jdbc.queryForList("""
                SELECT CONCAT('aged ', COALESCE(b.account_number, a.account_number)) FROM bl_aged b
                LEFT JOIN aged_balance a ON a.account_number = b.account_number AND a.cycle_date = %1$s
                WHERE a.account_number IS NULL OR a.total <> b.total OR a.current_amount <> b.current_amount
                   OR a.d1_30 <> b.d1_30 OR a.d31_60 <> b.d31_60 OR a.d61_90 <> b.d61_90 OR a.d91_120 <> b.d91_120
                   OR a.d121_plus <> b.d121_plus OR a.in_dispute <> b.in_dispute
                UNION ALL
                SELECT CONCAT('aged extra ', a.account_number) FROM aged_balance a
                WHERE a.cycle_date = %1$s AND NOT EXISTS (SELECT 1 FROM bl_aged b WHERE b.account_number = a.account_number)
                UNION ALL
                SELECT CONCAT('fee ', f.invoice_number) FROM bl_fee f
                LEFT JOIN ledger_item li ON li.account_number = f.account_number
                  AND li.item_id = CONCAT('LF-', f.invoice_number, '-', DATE_FORMAT(%1$s, '%%Y%%m%%d'))
                WHERE li.item_id IS NULL OR li.amount <> f.amount OR li.fee_basis <> f.basis
                UNION ALL
                SELECT CONCAT('fee extra ', li.item_id) FROM ledger_item li
                WHERE li.item_type = 'FEE' AND li.posted_cycle = %1$s
                  AND NOT EXISTS (SELECT 1 FROM bl_fee f WHERE f.invoice_number = li.invoice_number)
                LIMIT 20
                """.formatted(c), String.class);
    }
}
