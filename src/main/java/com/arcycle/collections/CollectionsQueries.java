package com.arcycle.collections;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.arcycle.batch.AccountGroupReader;
import com.arcycle.batch.AccountGroupReader.Child;
import com.arcycle.batch.AccountGroupReader.Driver;
import com.arcycle.batch.CycleDates;
import com.arcycle.dunning.Stage;
import com.arcycle.ledger.AccountItems;
import com.arcycle.ledger.LedgerQueries;

/**
 * What the collections step reads of each account decided by dunning this cycle: its stage and
 * figures, whether it has a recurring service, its open items, and, for an account that reaches
 * COLLECTIONS for the first time, the statements it was sent in earlier cycles (its paper trail).
 */
final class CollectionsQueries {

    private CollectionsQueries() {
    }

    /** One account as read; the processor turns it into {@link DispositionFacts}. */
    static final class CollectionsAccount {
        final String accountNumber;
        final Stage previousStage;
        final Stage stage;
        final boolean referredEarlier;
        final Integer maxDpd;
        final BigDecimal balance;
        final boolean recurringService;
        final AccountItems items = new AccountItems();
        final List<Notice> earlierNotices = new ArrayList<>();

        CollectionsAccount(String accountNumber, Stage previousStage, Stage stage, boolean referredEarlier,
                Integer maxDpd, BigDecimal balance, boolean recurringService) {
            this.accountNumber = accountNumber;
            this.previousStage = previousStage;
            this.stage = stage;
            this.referredEarlier = referredEarlier;
            this.maxDpd = maxDpd;
            this.balance = balance;
            this.recurringService = recurringService;
        }
    }

    private record NoticeRow(String accountNumber, Notice notice) {
    }

    static final String ACCOUNTS = """
            SELECT ac.account_number, ac.previous_stage, ac.stage, ac.referred_earlier, ac.max_dpd, ac.balance,
                   c.recurring_service
            FROM account_cycle ac JOIN customer c ON c.account_number = ac.account_number
            WHERE ac.cycle_date = :cycleDate AND ac.account_number > :after AND ac.account_number <= :last
            ORDER BY ac.account_number
            """;

    /**
     * The statements of earlier cycles, with the stage each was sent at, of the accounts that reach
     * COLLECTIONS for the first time on this cycle date. Reached from those accounts, so the other
     * accounts' statements of all the years before are not read.
     */
    static final String EARLIER_NOTICES = """
            SELECT s.account_number, s.cycle_date, sc.stage, o.channel, o.status
            FROM account_cycle ac
            JOIN statement s ON s.account_number = ac.account_number AND s.cycle_date < :cycleDate
            JOIN account_cycle sc ON sc.cycle_date = s.cycle_date AND sc.account_number = s.account_number
            LEFT JOIN mail_outbox o ON o.cycle_date = s.cycle_date AND o.account_number = s.account_number
            WHERE ac.cycle_date = :cycleDate AND ac.account_number > :after AND ac.account_number <= :last
              AND ac.stage = 'COLLECTIONS' AND ac.referred_earlier = FALSE
            ORDER BY s.account_number, s.cycle_date
            """;

    static AccountGroupReader<CollectionsAccount> reader(DataSource dataSource, int fetchSize, CycleDates dates) {
        Driver<CollectionsAccount> driver = new Driver<>(ACCOUNTS,
                (rs, n) -> new CollectionsAccount(rs.getString("account_number"),
                        Stage.valueOf(rs.getString("previous_stage")), Stage.valueOf(rs.getString("stage")),
                        rs.getBoolean("referred_earlier"), rs.getObject("max_dpd", Integer.class),
                        LedgerQueries.money(rs, "balance"), rs.getBoolean("recurring_service")),
                a -> a.accountNumber);
        List<Child<CollectionsAccount, ?>> children = new ArrayList<>(LedgerQueries.openItemChildren(a -> a.items));
        children.add(new Child<CollectionsAccount, NoticeRow>(EARLIER_NOTICES,
                (rs, n) -> new NoticeRow(rs.getString("account_number"),
                        new Notice(LedgerQueries.date(rs, "cycle_date"), Stage.valueOf(rs.getString("stage")),
                                Notice.channel(rs.getString("channel"), rs.getString("status")))),
                NoticeRow::accountNumber, (a, row) -> a.earlierNotices.add(row.notice())));
        return new AccountGroupReader<>("collections", dataSource, fetchSize, Map.of("cycleDate", dates.cycleDate()),
                driver, children);
    }
}
