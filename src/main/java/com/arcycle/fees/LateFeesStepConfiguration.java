package com.arcycle.fees;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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

import com.arcycle.ledger.AccountItems;
import com.arcycle.ledger.AccountLedger;
import com.arcycle.ledger.ItemType;
import com.arcycle.ledger.LedgerChecks;
import com.arcycle.ledger.LedgerQueries;
import com.arcycle.ledger.LedgerWrites;
import com.arcycle.ledger.OpenItem;
import com.arcycle.policy.CollectionPolicy;
import com.arcycle.policy.LateFeeMode;
import com.arcycle.batch.AccountGroupReader.Child;
import com.arcycle.batch.AccountGroupReader.Driver;
import com.arcycle.batch.AccountGroupReader;
import com.arcycle.batch.AccountPartitions;
import com.arcycle.batch.BulkInserter;
import com.arcycle.batch.CycleRejects;
import com.arcycle.batch.ProgressListener;
import com.arcycle.batch.StepSettings;

/**
 * Cycle step 4 (rule 5): late fees. Each fee is a new item of the ledger, issued and due on the
 * cycle date; creating it applies the account's unapplied credit (rule 2).
 */
@Configuration(proxyBeanMethods = false)
class LateFeesStepConfiguration {

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

    record FeeTotal(String accountNumber, String invoiceNumber, BigDecimal total) {
    }

    record Charged(String accountNumber, BigDecimal creditBefore, List<LateFee> fees, AccountLedger ledger) {
    }

    static final String ACCOUNTS = """
            SELECT ac.account_number, ac.stage, ac.promise, ac.late_paid_count, ac.action, c.late_fee_mode,
                   COALESCE(s.unapplied_credit, 0) AS unapplied_credit
            FROM account_cycle ac
            JOIN customer c ON c.account_number = ac.account_number
            LEFT JOIN account_state s ON s.account_number = ac.account_number
            WHERE ac.cycle_date = :cycleDate AND ac.account_number > :after AND ac.account_number <= :last
            ORDER BY ac.account_number
            """;

    /** Fees charged on each invoice by earlier cycles, for the cap. */
    static final String FEES_CHARGED = """
            SELECT account_number, invoice_number, SUM(amount) AS total
            FROM ledger_item
            WHERE item_type = 'FEE' AND account_number > :after AND account_number <= :last
            GROUP BY account_number, invoice_number
            ORDER BY account_number
            """;

    @Bean
    @StepScope
    ItemStreamReader<FeeAccount> lateFeesReader(DataSource dataSource, StepSettings settings,
            @Value("#{jobParameters['cycle.date']}") LocalDate cycleDate) {
        Driver<FeeAccount> driver = new Driver<>(ACCOUNTS, (rs, n) -> {
            return new FeeAccount(rs.getString("account_number"), rs.getString("late_fee_mode"),
                    rs.getInt("late_paid_count"), "COLLECTIONS".equals(rs.getString("stage")),
                    "WRITTEN_OFF".equals(rs.getString("action")), "ACTIVE".equals(rs.getString("promise")),
                    LedgerQueries.money(rs, "unapplied_credit"));
        }, a -> a.accountNumber);
        List<Child<FeeAccount, ?>> children = new ArrayList<>(LedgerQueries.openItemChildren(a -> a.items));
        children.add(new Child<FeeAccount, FeeTotal>(FEES_CHARGED,
                (rs, n) -> new FeeTotal(rs.getString("account_number"), rs.getString("invoice_number"),
                        rs.getBigDecimal("total")),
                FeeTotal::accountNumber, (a, row) -> a.feesCharged.put(row.invoiceNumber(), row.total())));
        return new AccountGroupReader<>("lateFees", dataSource, settings.fetchSize(), Map.of("cycleDate", cycleDate),
                driver, children);
    }

    /** Delegates to {@link LateFeeRules}, then issues the fees through {@link AccountLedger}. */
    @Bean
    @StepScope
    ItemProcessor<FeeAccount, Charged> lateFeesProcessor(CollectionPolicy policy,
            @Value("#{jobParameters['cycle.date']}") LocalDate cycleDate) {
        LateFeeRules rules = new LateFeeRules(policy);
        return account -> {
            List<OpenItem> open = account.items.openItems();
            LedgerChecks.checkItems(account.accountNumber, open);
            LateFeeMode mode = LedgerChecks.lateFeeMode(account.accountNumber, account.lateFeeMode);
            List<LateFee> fees = rules.assess(new FeeFacts(cycleDate, mode, account.latePaidCount,
                    account.inCollections, account.writtenOff, account.promiseActive, open, account.feesCharged));
            if (fees.isEmpty()) {
                return null;
            }
            List<OpenItem> feeItems = new ArrayList<>();
            for (LateFee fee : fees) {
                feeItems.add(new OpenItem(fee.feeId(), ItemType.FEE, fee.invoiceNumber(), cycleDate, cycleDate,
                        fee.amount(), fee.amount(), List.of()));
            }
            AccountLedger ledger = new AccountLedger(open, account.credit);
            ledger.issue(feeItems, cycleDate);
            return new Charged(account.accountNumber, account.credit, fees, ledger);
        };
    }

    @Bean
    @StepScope
    ItemWriter<Charged> lateFeesWriter(JdbcTemplate jdbc, BulkInserter bulk,
            @Value("#{jobParameters['cycle.date']}") LocalDate cycleDate) {
        return chunk -> {
            LedgerWrites writes = new LedgerWrites(jdbc, bulk, cycleDate);
            for (Charged charged : chunk) {
                Map<String, BigDecimal> basis = new HashMap<>();
                for (LateFee fee : charged.fees()) {
                    basis.put(fee.feeId(), fee.basis());
                }
                writes.add(charged.accountNumber(), charged.ledger(), charged.creditBefore(), basis);
            }
            writes.flush();
        };
    }

    @Bean
    Step lateFeesWorkerStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            StepSettings settings, CycleRejects rejects, ItemStreamReader<FeeAccount> lateFeesReader,
            ItemProcessor<FeeAccount, Charged> lateFeesProcessor, ItemWriter<Charged> lateFeesWriter) {
        return rejects.skipBadData(new StepBuilder("lateFeesPartition", jobRepository)
                .<FeeAccount, Charged>chunk(settings.chunkSize()), settings.skipLimit())
                .transactionManager(transactionManager)
                .reader(lateFeesReader)
                .processor(lateFeesProcessor)
                .writer(lateFeesWriter)
                .listener(new ProgressListener("charging late fees", "accounts"))
                .build();
    }

    /** The step, run as one partition per range of account numbers. */
    @Bean
    Step lateFeesStep(AccountPartitions partitions, Step lateFeesWorkerStep) {
        return partitions.partitioned("lateFees", lateFeesWorkerStep);
    }
}
