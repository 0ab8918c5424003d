package com.arcycle.dunning;

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
import org.springframework.transaction.PlatformTransactionManager;

import com.arcycle.ledger.AccountItems;
import com.arcycle.ledger.LedgerChecks;
import com.arcycle.ledger.LedgerQueries;
import com.arcycle.policy.CollectionPolicy;
import com.arcycle.batch.AccountGroupReader.Child;
import com.arcycle.batch.AccountGroupReader.Driver;
import com.arcycle.batch.AccountGroupReader;
import com.arcycle.batch.AccountPartitions;
import com.arcycle.domain.BadLedgerData;
import com.arcycle.batch.BulkInserter.Table;
import com.arcycle.batch.BulkInserter;
import com.arcycle.batch.CycleDates;
import com.arcycle.batch.CycleRejects;
import com.arcycle.domain.Money;
import com.arcycle.batch.ProgressListener;
import com.arcycle.batch.StepSettings;

/** Cycle step 2 (rule 4): each account's dunning stage, recorded in account_cycle. */
@Configuration(proxyBeanMethods = false)
class DunningStepConfiguration {

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

    record Row<T>(String accountNumber, T value) {
    }

    record Decided(String accountNumber, DunningDecision decision) {
    }

    static final String ACCOUNTS = """
            SELECT c.account_number, c.customer_since, COALESCE(s.unapplied_credit, 0) AS unapplied_credit,
                   s.referred_cycle, pc.stage AS previous_stage
            FROM customer c
            LEFT JOIN account_state s ON s.account_number = c.account_number
            LEFT JOIN account_cycle pc ON pc.account_number = c.account_number AND pc.cycle_date = :previousCycle
            WHERE c.account_number > :after AND c.account_number <= :last
            ORDER BY c.account_number
            """;

    /** Invoices paid off in the late-payment window ending on the cycle date. */
    static final String PAID_INVOICES = """
            SELECT account_number, due_date, paid_off_date
            FROM ledger_item
            WHERE item_type = 'INVOICE' AND paid_off_date >= :windowStart AND paid_off_date <= :cycleDate
              AND account_number > :after AND account_number <= :last
            ORDER BY account_number
            """;

    @Bean
    @StepScope
    ItemStreamReader<DunningAccount> dunningReader(DataSource dataSource, StepSettings settings,
            @Value("#{jobParameters['cycle.date']}") LocalDate cycleDate,
            @Value("#{jobExecutionContext['" + CycleDates.PREVIOUS_CYCLE_KEY + "']}") String previous) {
        CycleDates dates = CycleDates.of(cycleDate, previous);
        Driver<DunningAccount> driver = new Driver<>(ACCOUNTS, (rs, n) -> {
            LocalDate referred = LedgerQueries.date(rs, "referred_cycle");
            String previousStage = rs.getString("previous_stage");
            return new DunningAccount(rs.getString("account_number"), LedgerQueries.date(rs, "customer_since"),
                    LedgerQueries.money(rs, "unapplied_credit"),
                    previousStage == null ? Stage.NONE : Stage.valueOf(previousStage),
                    referred != null && referred.isBefore(cycleDate));
        }, a -> a.accountNumber);
        List<Child<DunningAccount, ?>> children = new ArrayList<>(LedgerQueries.openItemChildren(a -> a.items));
        children.add(new Child<DunningAccount, Row<PaidInvoice>>(PAID_INVOICES,
                (rs, n) -> new Row<>(rs.getString("account_number"),
                        new PaidInvoice(LedgerQueries.date(rs, "due_date"), LedgerQueries.date(rs, "paid_off_date"))),
                Row::accountNumber, (a, row) -> a.paidInvoices.add(row.value())));
        children.addAll(PromiseQueries.children(a -> a.promises, a -> a.receipts));
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("cycleDate", cycleDate);
        parameters.put("previousCycle", dates.previousOrEpoch());
        parameters.put("since", dates.previousOrEpoch());
        parameters.put("windowStart", cycleDate.minusDays(CollectionPolicy.LATE_PAYMENT_WINDOW_DAYS - 1L));
        return new AccountGroupReader<>("dunning", dataSource, settings.fetchSize(), parameters, driver, children);
    }

    /**
     * Delegates to {@link DunningRules}. An account is recorded when it has open items or credit,
     * or its previous stage was not NONE (so a paid-up account shows its fall back to NONE).
     */
    @Bean
    @StepScope
    ItemProcessor<DunningAccount, Decided> dunningProcessor(CollectionPolicy policy,
            @Value("#{jobParameters['cycle.date']}") LocalDate cycleDate,
            @Value("#{jobExecutionContext['" + CycleDates.PREVIOUS_CYCLE_KEY + "']}") String previous) {
        DunningRules rules = new DunningRules(policy);
        CycleDates dates = CycleDates.of(cycleDate, previous);
        return account -> {
            boolean hasBalance = !account.items.isEmpty() || Money.isPositive(account.credit);
            boolean wasDunned = account.previousStage != Stage.NONE && !account.referredEarlier;
            if (!hasBalance && !wasDunned) {
                return null;
            }
            var openItems = account.items.openItems();
            LedgerChecks.checkItems(account.accountNumber, openItems);
            for (Promise promise : account.promises) {
                if (promise.amount().signum() <= 0 || promise.promisedDate().isBefore(promise.createdDate())) {
                    throw new BadLedgerData(account.accountNumber, null, "promise", promise,
                            "a promise must have an amount above 0 and a promised date on or after its creation");
                }
            }
            DunningFacts facts = new DunningFacts(cycleDate, dates.previousCycleDate(), account.customerSince,
                    account.previousStage, account.referredEarlier, openItems, account.paidInvoices,
                    account.promises, account.receipts, account.credit);
            DunningDecision decision = rules.decide(facts);
            LedgerChecks.checkSum(account.accountNumber, "past_due_total", decision.pastDueTotal());
            LedgerChecks.checkSum(account.accountNumber, "balance", decision.balance());
            return new Decided(account.accountNumber, decision);
        };
    }

    private static final Table ACCOUNT_CYCLE = Table.of("account_cycle", "cycle_date", "account_number",
            "previous_stage", "stage", "max_dpd", "past_due_total", "balance", "good_standing", "promise",
            "late_paid_count", "referred_earlier");

    @Bean
    @StepScope
    ItemWriter<Decided> dunningWriter(BulkInserter bulk,
            @Value("#{jobParameters['cycle.date']}") LocalDate cycleDate) {
        return chunk -> {
            List<Object[]> rows = new ArrayList<>(chunk.size());
            for (Decided decided : chunk) {
                DunningDecision d = decided.decision();
                rows.add(new Object[] {cycleDate, decided.accountNumber(), d.previousStage().name(), d.stage().name(),
                        d.maxDpd(), d.pastDueTotal(), d.balance(), d.goodStanding(), d.promise().name(),
                        d.latePaidCount(), d.referredEarlier()});
            }
            bulk.insert(ACCOUNT_CYCLE, rows);
        };
    }

    @Bean
    Step dunningWorkerStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            StepSettings settings, CycleRejects rejects, ItemStreamReader<DunningAccount> dunningReader,
            ItemProcessor<DunningAccount, Decided> dunningProcessor, ItemWriter<Decided> dunningWriter) {
        return rejects.skipBadData(new StepBuilder("dunningPartition", jobRepository)
                .<DunningAccount, Decided>chunk(settings.chunkSize()), settings.skipLimit())
                .transactionManager(transactionManager)
                .reader(dunningReader)
                .processor(dunningProcessor)
                .writer(dunningWriter)
                .listener(new ProgressListener("deciding dunning stages", "accounts"))
                .build();
    }

    /** The step, run as one partition per range of account numbers. */
    @Bean
    Step dunningStep(AccountPartitions partitions, Step dunningWorkerStep) {
        return partitions.partitioned("dunning", dunningWorkerStep);
    }
}
