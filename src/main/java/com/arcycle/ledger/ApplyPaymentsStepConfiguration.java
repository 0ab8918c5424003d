package com.arcycle.ledger;

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

import com.arcycle.ledger.LedgerEvent.InvoiceIssued;
import com.arcycle.ledger.LedgerEvent.PaymentReceived;
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
 * Cycle step 1 (rule 2): takes into the ledger the invoices issued and the payments received up
 * to the cycle date that no cycle has taken yet, and applies the payments, account by account.
 */
@Configuration(proxyBeanMethods = false)
class ApplyPaymentsStepConfiguration {

    /** One account with what is new since the last cycle. */
    static final class PaymentsAccount {
        final String accountNumber;
        final BigDecimal credit;
        final List<OpenItem> openItems = new ArrayList<>();
        final List<LedgerEvent> events = new ArrayList<>();

        PaymentsAccount(String accountNumber, BigDecimal credit) {
            this.accountNumber = accountNumber;
            this.credit = credit;
        }
    }

    record PaymentsApplied(String accountNumber, BigDecimal creditBefore, AccountLedger ledger) {
    }

    record Keyed<T>(String accountNumber, T value) {
    }

    static final String ACCOUNTS = """
            SELECT c.account_number, COALESCE(s.unapplied_credit, 0) AS unapplied_credit
            FROM customer c LEFT JOIN account_state s ON s.account_number = c.account_number
            WHERE c.account_number > :after AND c.account_number <= :last
            ORDER BY c.account_number
            """;

    static final String OPEN_ITEMS = LedgerQueries.OPEN_ITEMS;

    static final String NEW_INVOICES = """
            SELECT i.account_number, i.invoice_number, i.issue_date, i.due_date, i.amount
            FROM invoice i
            WHERE i.issue_date <= :cycleDate AND i.account_number > :after AND i.account_number <= :last
              AND NOT EXISTS (SELECT 1 FROM ledger_item li
                              WHERE li.account_number = i.account_number AND li.item_id = i.invoice_number)
            ORDER BY i.account_number
            """;

    static final String NEW_PAYMENTS = """
            SELECT p.account_number, p.payment_id, p.invoice_number, p.received_date, p.amount
            FROM payment p
            WHERE p.received_date <= :cycleDate AND p.account_number > :after AND p.account_number <= :last
              AND NOT EXISTS (SELECT 1 FROM payment_posting pp
                              WHERE pp.account_number = p.account_number AND pp.payment_id = p.payment_id)
            ORDER BY p.account_number
            """;

    private static final Table PAYMENT_POSTING = Table.of("payment_posting", "payment_id", "account_number",
            "cycle_date", "item_id", "direct", "to_credit");

    @Bean
    @StepScope
    ItemStreamReader<PaymentsAccount> applyPaymentsReader(DataSource dataSource, StepSettings settings,
            @Value("#{jobParameters['cycle.date']}") LocalDate cycleDate) {
        Driver<PaymentsAccount> driver = new Driver<>(ACCOUNTS,
                (rs, n) -> new PaymentsAccount(rs.getString("account_number"),
                        LedgerQueries.money(rs, "unapplied_credit")),
                a -> a.accountNumber);
        Child<PaymentsAccount, Keyed<OpenItem>> open = new Child<>(OPEN_ITEMS,
                (rs, n) -> new Keyed<>(rs.getString("account_number"), LedgerQueries.openItem(rs)),
                Keyed::accountNumber, (a, row) -> a.openItems.add(row.value()));
        Child<PaymentsAccount, Keyed<LedgerEvent>> invoices = new Child<>(NEW_INVOICES,
                (rs, n) -> new Keyed<>(rs.getString("account_number"),
                        new InvoiceIssued(new OpenItem(rs.getString("invoice_number"), ItemType.INVOICE,
                                rs.getString("invoice_number"), LedgerQueries.date(rs, "issue_date"),
                                LedgerQueries.date(rs, "due_date"), rs.getBigDecimal("amount"),
                                rs.getBigDecimal("amount"), List.of()))),
                Keyed::accountNumber, (a, row) -> a.events.add(row.value()));
        Child<PaymentsAccount, Keyed<LedgerEvent>> payments = new Child<>(NEW_PAYMENTS,
                (rs, n) -> new Keyed<>(rs.getString("account_number"),
                        new PaymentReceived(rs.getString("payment_id"), LedgerQueries.date(rs, "received_date"),
                                rs.getBigDecimal("amount"), rs.getString("invoice_number"))),
                Keyed::accountNumber, (a, row) -> a.events.add(row.value()));
        return new AccountGroupReader<>("applyPayments", dataSource, settings.fetchSize(),
                Map.of("cycleDate", cycleDate), driver, List.of(open, invoices, payments));
    }

    /** Accounts with nothing new are filtered out; the rest are replayed by {@link AccountLedger}. */
    @Bean
    ItemProcessor<PaymentsAccount, PaymentsApplied> applyPaymentsProcessor() {
        return account -> {
            if (account.events.isEmpty()) {
                return null;
            }
            LedgerChecks.checkItems(account.accountNumber, account.openItems);
            LedgerChecks.checkEvents(account.accountNumber, account.events);
            AccountLedger ledger = new AccountLedger(account.openItems, account.credit);
            ledger.replay(account.events);
            LedgerChecks.checkSum(account.accountNumber, "unapplied_credit", ledger.unappliedCredit());
            return new PaymentsApplied(account.accountNumber, account.credit, ledger);
        };
    }

    @Bean
    @StepScope
    ItemWriter<PaymentsApplied> applyPaymentsWriter(JdbcTemplate jdbc, BulkInserter bulk,
            @Value("#{jobParameters['cycle.date']}") LocalDate cycleDate) {
        return chunk -> {
            LedgerWrites writes = new LedgerWrites(jdbc, bulk, cycleDate);
            List<Object[]> postings = new ArrayList<>();
            for (PaymentsApplied applied : chunk) {
                writes.add(applied.accountNumber(), applied.ledger(), applied.creditBefore(), Map.of());
                for (AccountLedger.Posting posting : applied.ledger().postings()) {
                    postings.add(new Object[] {posting.paymentId(), applied.accountNumber(), cycleDate,
                            posting.itemId(), posting.direct(), posting.toCredit()});
                }
            }
            writes.flush();
            bulk.insert(PAYMENT_POSTING, postings);
        };
    }

    @Bean
    Step applyPaymentsWorkerStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            StepSettings settings, CycleRejects rejects, ItemStreamReader<PaymentsAccount> applyPaymentsReader,
            ItemProcessor<PaymentsAccount, PaymentsApplied> applyPaymentsProcessor,
            ItemWriter<PaymentsApplied> applyPaymentsWriter) {
        return rejects.skipBadData(new StepBuilder("applyPaymentsPartition", jobRepository)
                .<PaymentsAccount, PaymentsApplied>chunk(settings.chunkSize()), settings.skipLimit())
                .transactionManager(transactionManager)
                .reader(applyPaymentsReader)
                .processor(applyPaymentsProcessor)
                .writer(applyPaymentsWriter)
                .listener(new ProgressListener("applying payments", "accounts"))
                .build();
    }

    /** The step, run as one partition per range of account numbers. */
    @Bean
    Step applyPaymentsStep(AccountPartitions partitions, Step applyPaymentsWorkerStep) {
        return partitions.partitioned("applyPayments", applyPaymentsWorkerStep);
    }
}
