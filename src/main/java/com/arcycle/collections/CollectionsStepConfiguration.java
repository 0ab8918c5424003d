package com.arcycle.collections;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import com.arcycle.collections.Disposition.ReferredItem;
import com.arcycle.dunning.Stage;
import com.arcycle.ledger.AccountItems;
import com.arcycle.ledger.LedgerChecks;
import com.arcycle.ledger.LedgerQueries;
import com.arcycle.ledger.OpenItem;
import com.arcycle.policy.CollectionPolicy;
import com.arcycle.batch.AccountGroupReader.Child;
import com.arcycle.batch.AccountGroupReader.Driver;
import com.arcycle.batch.AccountGroupReader;
import com.arcycle.batch.AccountPartitions;
import com.arcycle.batch.BulkInserter.Table;
import com.arcycle.batch.BulkInserter;
import com.arcycle.batch.CycleRejects;
import com.arcycle.batch.ProgressListener;
import com.arcycle.batch.StepSettings;

/**
 * Cycle step 3 (rule 6): write-offs, collections referrals and service suspensions, and the
 * action of every account of the cycle (statement, referred, written off, none).
 */
@Configuration(proxyBeanMethods = false)
class CollectionsStepConfiguration {

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

    record Decided(String accountNumber, Stage stage, Disposition disposition, String paperTrail) {
    }

    record NoticeRow(String accountNumber, Notice notice) {
    }

    static final String ACCOUNTS = """
            SELECT ac.account_number, ac.previous_stage, ac.stage, ac.referred_earlier, ac.max_dpd, ac.balance,
                   c.recurring_service
            FROM account_cycle ac JOIN customer c ON c.account_number = ac.account_number
            WHERE ac.cycle_date = :cycleDate AND ac.account_number > :after AND ac.account_number <= :last
            ORDER BY ac.account_number
            """;

    /** Earlier statements (notices with a file) of the accounts that reach COLLECTIONS for the first time. */
    static final String EARLIER_NOTICES = """
            SELECT n.account_number, n.cycle_date, n.stage
            FROM notice n
            WHERE n.cycle_date < :cycleDate AND n.file_name IS NOT NULL AND n.account_number > :after AND n.account_number <= :last
              AND EXISTS (SELECT 1 FROM account_cycle ac
                          WHERE ac.cycle_date = :cycleDate AND ac.account_number = n.account_number
                            AND ac.stage = 'COLLECTIONS' AND ac.referred_earlier = FALSE)
            ORDER BY n.account_number
            """;

    @Bean
    @StepScope
    ItemStreamReader<CollectionsAccount> collectionsReader(DataSource dataSource, StepSettings settings,
            @Value("#{jobParameters['cycle.date']}") LocalDate cycleDate) {
        Driver<CollectionsAccount> driver = new Driver<>(ACCOUNTS,
                (rs, n) -> new CollectionsAccount(rs.getString("account_number"),
                        Stage.valueOf(rs.getString("previous_stage")), Stage.valueOf(rs.getString("stage")),
                        rs.getBoolean("referred_earlier"), rs.getObject("max_dpd", Integer.class),
                        LedgerQueries.money(rs, "balance"), rs.getBoolean("recurring_service")),
                a -> a.accountNumber);
        List<Child<CollectionsAccount, ?>> children = new ArrayList<>(LedgerQueries.openItemChildren(a -> a.items));
        children.add(new Child<CollectionsAccount, NoticeRow>(EARLIER_NOTICES,
                (rs, n) -> new NoticeRow(rs.getString("account_number"),
                        new Notice(LedgerQueries.date(rs, "cycle_date"), Stage.valueOf(rs.getString("stage")))),
                NoticeRow::accountNumber, (a, row) -> a.earlierNotices.add(row.notice())));
        return new AccountGroupReader<>("collections", dataSource, settings.fetchSize(),
                Map.of("cycleDate", cycleDate), driver, children);
    }

    @Bean
    @StepScope
    ItemProcessor<CollectionsAccount, Decided> collectionsProcessor(CollectionPolicy policy,
            @Value("#{jobParameters['cycle.date']}") LocalDate cycleDate) {
        CollectionsRules rules = new CollectionsRules(policy);
        return account -> {
            var openItems = account.items.openItems();
            LedgerChecks.checkItems(account.accountNumber, openItems);
            Disposition disposition = rules.decide(new DispositionFacts(cycleDate, account.previousStage,
                    account.stage, account.referredEarlier, account.maxDpd, account.balance, account.recurringService,
                    openItems));
            LedgerChecks.checkSum(account.accountNumber, "account_referred_total", disposition.referredTotal());
            return new Decided(account.accountNumber, account.stage, disposition,
                    Notice.paperTrail(account.earlierNotices));
        };
    }

    private static final Table WRITE_OFF = Table.of("write_off", "cycle_date", "item_id", "account_number", "balance",
            "reason");
    private static final Table REFERRAL = Table.of("referral", "cycle_date", "item_id", "account_number", "balance",
            "dpd", "referred_total", "recommended_action", "notices");
    private static final Table NOTICE = Table.of("notice", "account_number", "cycle_date", "stage");

    @Bean
    @StepScope
    ItemWriter<Decided> collectionsWriter(JdbcTemplate jdbc, BulkInserter bulk,
            @Value("#{jobParameters['cycle.date']}") LocalDate cycleDate) {
        return chunk -> {
            List<Object[]> actions = new ArrayList<>();
            List<Object[]> writeOffs = new ArrayList<>();
            List<Object[]> closed = new ArrayList<>();
            List<Object[]> referrals = new ArrayList<>();
            List<Object[]> referredAccounts = new ArrayList<>();
            List<Object[]> notices = new ArrayList<>();
            for (Decided decided : chunk) {
                String account = decided.accountNumber();
                Disposition d = decided.disposition();
                actions.add(new Object[] {d.action().name(), d.suspend(), cycleDate, account});
                for (OpenItem item : d.writtenOff()) {
                    writeOffs.add(new Object[] {cycleDate, item.itemId(), account, item.balance(), "SMALL_BALANCE"});
                    closed.add(new Object[] {cycleDate, account, item.itemId()});
                }
                for (ReferredItem referred : d.referred()) {
                    referrals.add(new Object[] {cycleDate, referred.item().itemId(), account,
                            referred.item().balance(), referred.dpd(), d.referredTotal(),
                            d.recommendedAction().name(), decided.paperTrail()});
                }
                if (d.action() == Action.REFERRED) {
                    referredAccounts.add(new Object[] {account, cycleDate});
                }
                if (d.action() == Action.STATEMENT || d.action() == Action.REFERRED) {
                    notices.add(new Object[] {account, cycleDate, decided.stage().name()});
                }
            }
            jdbc.batchUpdate("UPDATE account_cycle SET action = ?, suspend = ? WHERE cycle_date = ? AND account_number = ?",
                    actions);
            bulk.insert(WRITE_OFF, writeOffs);
            batch(jdbc, "UPDATE ledger_item SET written_off_date = ? WHERE account_number = ? AND item_id = ?", closed);
            bulk.insert(REFERRAL, referrals);
            batch(jdbc, """
                    INSERT INTO account_state (account_number, unapplied_credit, referred_cycle) VALUES (?, 0, ?)
                    ON DUPLICATE KEY UPDATE referred_cycle = VALUES(referred_cycle)
                    """, referredAccounts);
            bulk.insert(NOTICE, notices);
        };
    }

    private static void batch(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
        }
    }

    @Bean
    Step writeOffsAndReferralsWorkerStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            StepSettings settings, CycleRejects rejects, ItemStreamReader<CollectionsAccount> collectionsReader,
            ItemProcessor<CollectionsAccount, Decided> collectionsProcessor, ItemWriter<Decided> collectionsWriter) {
        return rejects.skipBadData(new StepBuilder("writeOffsAndReferralsPartition", jobRepository)
                .<CollectionsAccount, Decided>chunk(settings.chunkSize()), settings.skipLimit())
                .transactionManager(transactionManager)
                .reader(collectionsReader)
                .processor(collectionsProcessor)
                .writer(collectionsWriter)
                .listener(new ProgressListener("write-offs and referrals", "accounts"))
                .build();
    }

    /** The step, run as one partition per range of account numbers. */
    @Bean
    Step writeOffsAndReferralsStep(AccountPartitions partitions, Step writeOffsAndReferralsWorkerStep) {
        return partitions.partitioned("writeOffsAndReferrals", writeOffsAndReferralsWorkerStep);
    }
}
