package com.arcycle.dunning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * What the dunning step reads of each account (rule 4's facts), one account at a time: the
 * customer, its credit, its stage at the previous cycle and whether it was referred earlier, its
 * open items and disputes, the invoices paid off in the late-payment window, and its promises
 * with the payments received in their windows.
 */
final class DunningQueries {

    private DunningQueries() {
    }

    /** One account as read; the processor turns it into {@link DunningFacts}. */
    static final class DunningAccount {
        final String accountNumber;
        final LocalDate customerSince;
        final BigDecimal credit;
        final Stage previousStage;
        final boolean referredEarlier;
        final AccountItems items = new AccountItems();
        final List<PaidInvoice> paidInvoices = new ArrayList<>();
        final List<Promise> promises = new ArrayList<>();
        final List<Receipt> receipts = new ArrayList<>();

        DunningAccount(String accountNumber, LocalDate customerSince, BigDecimal credit, Stage previousStage,
                boolean referredEarlier) {
            this.accountNumber = accountNumber;
            this.customerSince = customerSince;
            this.credit = credit;
            this.previousStage = previousStage;
            this.referredEarlier = referredEarlier;
        }
    }

    private record Row<T>(String accountNumber, T value) {
    }

    static final String ACCOUNTS = """
            SELECT c.account_number, c.customer_since, COALESCE(s.unapplied_credit, 0) AS unapplied_credit,
                   r.referred_cycle, pc.stage AS previous_stage
            FROM customer c
            LEFT JOIN account_state s ON s.account_number = c.account_number
            LEFT JOIN referred_account r ON r.account_number = c.account_number AND r.referred_cycle < :cycleDate
            LEFT JOIN account_cycle pc ON pc.account_number = c.account_number AND pc.cycle_date = :previousCycle
            WHERE c.account_number > :after AND c.account_number <= :last
            ORDER BY c.account_number
            """;

    /** Invoices paid off in the late-payment window: rule 4.1's window is applied here, and only here. */
    static final String PAID_INVOICES = """
            SELECT account_number, due_date, paid_off_date
            FROM ledger_item
            WHERE item_type = 'INVOICE' AND paid_off_date >= :windowStart AND paid_off_date <= :cycleDate
              AND account_number > :after AND account_number <= :last
            ORDER BY account_number
            """;

    /**
     * Promises that can be active on the cycle date or broken since the previous cycle, in a fixed
     * order (the statement names the first active one).
     */
    static final String PROMISES = """
            SELECT account_number, created_date, promised_date, amount
            FROM promise_in_force
            WHERE created_date <= :cycleDate AND promised_date > :since
              AND account_number > :after AND account_number <= :last
            ORDER BY account_number, created_date, promised_date, amount
            """;

    /**
     * Payments received inside the window of such a promise: from the first such promise's date of
     * each account on. Reached from the promises (ix_payment_account), so the payments of accounts
     * without one, and the years before it, are not read.
     */
    static final String RECEIPTS = """
            SELECT p.account_number, p.received_date, p.amount
            FROM (SELECT account_number, MIN(created_date) AS first_created
                  FROM promise_in_force
                  WHERE created_date <= :cycleDate AND promised_date > :since
                    AND account_number > :after AND account_number <= :last
                  GROUP BY account_number) pr
            JOIN payment p ON p.account_number = pr.account_number
              AND p.received_date >= pr.first_created AND p.received_date <= :cycleDate
            ORDER BY p.account_number, p.received_date
            """;

    static AccountGroupReader<DunningAccount> reader(DataSource dataSource, int fetchSize, CycleDates dates) {
        Driver<DunningAccount> driver = new Driver<>(ACCOUNTS, (rs, n) -> {
            String previousStage = rs.getString("previous_stage");
            return new DunningAccount(rs.getString("account_number"), LedgerQueries.date(rs, "customer_since"),
                    LedgerQueries.money(rs, "unapplied_credit"),
                    previousStage == null ? Stage.NONE : Stage.valueOf(previousStage),
                    rs.getObject("referred_cycle") != null);
        }, a -> a.accountNumber);
        List<Child<DunningAccount, ?>> children = new ArrayList<>(LedgerQueries.openItemChildren(a -> a.items));
        children.add(new Child<DunningAccount, Row<PaidInvoice>>(PAID_INVOICES,
                (rs, n) -> new Row<>(rs.getString("account_number"),
                        new PaidInvoice(LedgerQueries.date(rs, "due_date"), LedgerQueries.date(rs, "paid_off_date"))),
                Row::accountNumber, (a, row) -> a.paidInvoices.add(row.value())));
        children.add(new Child<DunningAccount, Row<Promise>>(PROMISES,
                (rs, n) -> new Row<>(rs.getString("account_number"), new Promise(
                        LedgerQueries.date(rs, "created_date"), LedgerQueries.date(rs, "promised_date"),
                        rs.getBigDecimal("amount"))),
                Row::accountNumber, (a, row) -> a.promises.add(row.value())));
        children.add(new Child<DunningAccount, Row<Receipt>>(RECEIPTS,
                (rs, n) -> new Row<>(rs.getString("account_number"),
                        new Receipt(LedgerQueries.date(rs, "received_date"), rs.getBigDecimal("amount"))),
                Row::accountNumber, (a, row) -> a.receipts.add(row.value())));
        LocalDate c = dates.cycleDate();
        return new AccountGroupReader<>("dunning", dataSource, fetchSize, Map.of("cycleDate", c,
                "previousCycle", dates.previousOrEpoch(), "since", dates.previousOrEpoch(),
                "windowStart", DunningRules.latePaymentWindowStart(c)), driver, children);
    }
}
