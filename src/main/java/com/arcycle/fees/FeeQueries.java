package com.arcycle.fees;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.arcycle.batch.AccountGroupReader;
import com.arcycle.batch.AccountGroupReader.Child;
import com.arcycle.batch.AccountGroupReader.Driver;
import com.arcycle.batch.CycleDates;
import com.arcycle.ledger.AccountItems;
import com.arcycle.ledger.LedgerQueries;

/**
 * What the late-fee step reads of each account decided this cycle: its stage, promise and late
 * payments (dunning), whether it was written off (collections), its fee mode and credit, its open
 * items, and the fees each open invoice was charged by earlier cycles (for the cap).
 */
final class FeeQueries {

    private FeeQueries() {
    }

    /** One account as read; the processor turns it into {@link FeeFacts}. */
    static final class FeeAccount {
        final String accountNumber;
        final String lateFeeMode;
        final int latePaidCount;
        final boolean inCollections;
        final boolean writtenOff;
        final boolean promiseActive;
        final BigDecimal credit;
        final AccountItems items = new AccountItems();
        final Map<String, BigDecimal> feesCharged = new HashMap<>();

        FeeAccount(String accountNumber, String lateFeeMode, int latePaidCount, boolean inCollections,
                boolean writtenOff, boolean promiseActive, BigDecimal credit) {
            this.accountNumber = accountNumber;
            this.lateFeeMode = lateFeeMode;
            this.latePaidCount = latePaidCount;
            this.inCollections = inCollections;
            this.writtenOff = writtenOff;
            this.promiseActive = promiseActive;
            this.credit = credit;
        }
    }

    private record FeeTotal(String accountNumber, String invoiceNumber, BigDecimal total) {
    }

    static final String ACCOUNTS = """
            SELECT ac.account_number, ac.stage, ac.promise, ac.late_paid_count, d.action, c.late_fee_mode,
                   COALESCE(s.unapplied_credit, 0) AS unapplied_credit
            FROM account_cycle ac
            JOIN customer c ON c.account_number = ac.account_number
            LEFT JOIN account_state s ON s.account_number = ac.account_number
            LEFT JOIN collection_decision d ON d.cycle_date = ac.cycle_date AND d.account_number = ac.account_number
            WHERE ac.cycle_date = :cycleDate AND ac.account_number > :after AND ac.account_number <= :last
            ORDER BY ac.account_number
            """;

    /**
     * Fees charged by earlier cycles on each invoice still open, for the cap. Only open invoices are
     * charged, so the fees of paid and written-off ones (most of the history) are not read: the
     * open invoices as {@code LedgerQueries} reads open items, their fees through ix_item_invoice
     * (named: with statistics a few months old MariaDB took the primary key instead, every item of
     * the account, 480 times the rows at month 60 of the history bench).
     */
    static final String FEES_CHARGED = """
            SELECT f.account_number, f.invoice_number, SUM(f.amount) AS total
            FROM ledger_item i
            JOIN ledger_item f USE INDEX (ix_item_invoice)
              ON f.account_number = i.account_number AND f.invoice_number = i.invoice_number
            WHERE i.item_type = 'INVOICE' AND %s
              AND i.account_number > :after AND i.account_number <= :last
              AND f.item_type = 'FEE'
            GROUP BY f.account_number, f.invoice_number
            ORDER BY f.account_number
            """.formatted(LedgerQueries.open("i"));

    static AccountGroupReader<FeeAccount> reader(DataSource dataSource, int fetchSize, CycleDates dates) {
        Driver<FeeAccount> driver = new Driver<>(ACCOUNTS,
                (rs, n) -> new FeeAccount(rs.getString("account_number"), rs.getString("late_fee_mode"),
                        rs.getInt("late_paid_count"), "COLLECTIONS".equals(rs.getString("stage")),
                        "WRITTEN_OFF".equals(rs.getString("action")), "ACTIVE".equals(rs.getString("promise")),
                        LedgerQueries.money(rs, "unapplied_credit")),
                a -> a.accountNumber);
        List<Child<FeeAccount, ?>> children = new ArrayList<>(LedgerQueries.openItemChildren(a -> a.items));
        children.add(new Child<FeeAccount, FeeTotal>(FEES_CHARGED,
                (rs, n) -> new FeeTotal(rs.getString("account_number"), rs.getString("invoice_number"),
                        rs.getBigDecimal("total")),
                FeeTotal::accountNumber, (a, row) -> a.feesCharged.put(row.invoiceNumber(), row.total())));
        return new AccountGroupReader<>("lateFees", dataSource, fetchSize, Map.of("cycleDate", dates.cycleDate()),
                driver, children);
    }
}
