package com.arcycle.aging;

import java.math.BigDecimal;
import java.util.Map;

import javax.sql.DataSource;

import com.arcycle.batch.AccountGroupReader;
import com.arcycle.batch.AccountGroupReader.Driver;
import com.arcycle.batch.CycleDates;
import com.arcycle.ledger.AccountItems;
import com.arcycle.ledger.LedgerQueries;

/** What the aging step reads of every account: its credit, its stage this cycle, its open items. */
final class AgingQueries {

    private AgingQueries() {
    }

    /** One account as read. */
    static final class AgingAccount {
        final String accountNumber;
        final BigDecimal credit;
        final String stage;
        final AccountItems items = new AccountItems();

        AgingAccount(String accountNumber, BigDecimal credit, String stage) {
            this.accountNumber = accountNumber;
            this.credit = credit;
            this.stage = stage;
        }
    }

    static final String ACCOUNTS = """
            SELECT c.account_number, COALESCE(s.unapplied_credit, 0) AS unapplied_credit,
                   COALESCE(ac.stage, 'NONE') AS stage
            FROM customer c
            LEFT JOIN account_state s ON s.account_number = c.account_number
            LEFT JOIN account_cycle ac ON ac.account_number = c.account_number AND ac.cycle_date = :cycleDate
            WHERE c.account_number > :after AND c.account_number <= :last
            ORDER BY c.account_number
            """;

    static AccountGroupReader<AgingAccount> reader(DataSource dataSource, int fetchSize, CycleDates dates) {
        Driver<AgingAccount> driver = new Driver<>(ACCOUNTS,
                (rs, n) -> new AgingAccount(rs.getString("account_number"), LedgerQueries.money(rs, "unapplied_credit"),
                        rs.getString("stage")),
                a -> a.accountNumber);
        return new AccountGroupReader<>("aging", dataSource, fetchSize, Map.of("cycleDate", dates.cycleDate()),
                driver, LedgerQueries.openItemChildren(a -> a.items));
    }
}
