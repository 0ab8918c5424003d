package com.arcycle.aging;

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
import org.springframework.transaction.PlatformTransactionManager;

import com.arcycle.ledger.AccountItems;
import com.arcycle.ledger.LedgerChecks;
import com.arcycle.ledger.LedgerQueries;
import com.arcycle.policy.CollectionPolicy;
import com.arcycle.batch.AccountGroupReader.Child;
import com.arcycle.batch.AccountGroupReader.Driver;
import com.arcycle.batch.AccountGroupReader;
import com.arcycle.batch.AccountPartitions;
import com.arcycle.batch.BulkInserter.Table;
import com.arcycle.batch.BulkInserter;
import com.arcycle.batch.CycleRejects;
import com.arcycle.domain.Money;
import com.arcycle.batch.ProgressListener;
import com.arcycle.batch.StepSettings;

/** Cycle step 5 (rule 7): the aged receivables, after fees and write-offs. */
@Configuration(proxyBeanMethods = false)
class AgingStepConfiguration {

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

    record Aged(String accountNumber, String stage, AgedBalance balance) {
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

    @Bean
    @StepScope
    ItemStreamReader<AgingAccount> agingReader(DataSource dataSource, StepSettings settings,
            @Value("#{jobParameters['cycle.date']}") LocalDate cycleDate) {
        Driver<AgingAccount> driver = new Driver<>(ACCOUNTS,
                (rs, n) -> new AgingAccount(rs.getString("account_number"), LedgerQueries.money(rs, "unapplied_credit"),
                        rs.getString("stage")),
                a -> a.accountNumber);
        List<Child<AgingAccount, ?>> children = LedgerQueries.openItemChildren(a -> a.items);
        return new AccountGroupReader<>("aging", dataSource, settings.fetchSize(), Map.of("cycleDate", cycleDate),
                driver, children);
    }

    /** Accounts with no open item and no credit are not aged. */
    @Bean
    @StepScope
    ItemProcessor<AgingAccount, Aged> agingProcessor(CollectionPolicy policy,
            @Value("#{jobParameters['cycle.date']}") LocalDate cycleDate) {
        AgingRules rules = new AgingRules(policy);
        return account -> {
            if (account.items.isEmpty() && !Money.isPositive(account.credit)) {
                return null;
            }
            var openItems = account.items.openItems();
            LedgerChecks.checkItems(account.accountNumber, openItems);
            AgedBalance aged = rules.age(openItems, account.credit, cycleDate);
            for (BigDecimal sum : List.of(aged.current(), aged.days1To30(), aged.days31To60(), aged.days61To90(),
                    aged.days91To120(), aged.days121Plus(), aged.inDispute(), aged.total())) {
                LedgerChecks.checkSum(account.accountNumber, "aged receivables", sum);
            }
            return new Aged(account.accountNumber, account.stage, aged);
        };
    }

    private static final Table AGED_BALANCE = Table.of("aged_balance", "cycle_date", "account_number",
            "current_amount", "d1_30", "d31_60", "d61_90", "d91_120", "d121_plus", "in_dispute", "unapplied_credit",
            "total", "stage");

    @Bean
    @StepScope
    ItemWriter<Aged> agingWriter(BulkInserter bulk, @Value("#{jobParameters['cycle.date']}") LocalDate cycleDate) {
        return chunk -> {
            List<Object[]> rows = new ArrayList<>(chunk.size());
            for (Aged aged : chunk) {
                AgedBalance b = aged.balance();
                rows.add(new Object[] {cycleDate, aged.accountNumber(), b.current(), b.days1To30(), b.days31To60(),
                        b.days61To90(), b.days91To120(), b.days121Plus(), b.inDispute(), b.unappliedCredit(),
                        b.total(), aged.stage()});
            }
            bulk.insert(AGED_BALANCE, rows);
        };
    }

    @Bean
    Step agedReceivablesWorkerStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            StepSettings settings, CycleRejects rejects, ItemStreamReader<AgingAccount> agingReader,
            ItemProcessor<AgingAccount, Aged> agingProcessor, ItemWriter<Aged> agingWriter) {
        return rejects.skipBadData(new StepBuilder("agedReceivablesPartition", jobRepository)
                .<AgingAccount, Aged>chunk(settings.chunkSize()), settings.skipLimit())
                .transactionManager(transactionManager)
                .reader(agingReader)
                .processor(agingProcessor)
                .writer(agingWriter)
                .listener(new ProgressListener("ageing receivables", "accounts"))
                .build();
    }

    /** The step, run as one partition per range of account numbers. */
    @Bean
    Step agedReceivablesStep(AccountPartitions partitions, Step agedReceivablesWorkerStep) {
        return partitions.partitioned("agedReceivables", agedReceivablesWorkerStep);
    }
}
