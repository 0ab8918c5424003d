package com.arcycle.ledger;

import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import com.arcycle.batch.AccountSteps;
import com.arcycle.batch.AccountSteps.Progress;
import com.arcycle.batch.BulkInserter;
import com.arcycle.batch.CycleDates;
import com.arcycle.batch.StepSettings;
import com.arcycle.ledger.PaymentQueries.PaymentsAccount;
import com.arcycle.ledger.PaymentsProcessor.Applied;

/**
 * The payments step (rule 2): takes into the ledger the invoices issued and the payments received
 * up to the cycle date that no cycle has taken yet, and applies the payments, account by account.
 */
@Configuration(proxyBeanMethods = false)
class ApplyPaymentsStepConfiguration {

    @Bean
    @StepScope
    ItemStreamReader<PaymentsAccount> applyPaymentsReader(DataSource dataSource, JdbcTemplate jdbc,
            StepSettings settings, @Value(CycleDates.STEP) StepExecution step) {
        CycleDates dates = CycleDates.of(step);
        LedgerWrites.recordIntake(jdbc, dates.cycleDate());
        return PaymentQueries.reader(dataSource, settings.fetchSize(), dates,
                PaymentQueries.intakeOf(jdbc, dates.previousCycleDate()));
    }

    @Bean
    ItemProcessor<PaymentsAccount, Applied> applyPaymentsProcessor() {
        return new PaymentsProcessor();
    }

    /** The replays' items, allocations, credit and postings, through the ledger's writes. */
    @Bean
    @StepScope
    ItemWriter<Applied> applyPaymentsWriter(JdbcTemplate jdbc, BulkInserter bulk,
            @Value(CycleDates.STEP) StepExecution step) {
        LedgerWrites writes = new LedgerWrites(jdbc, bulk, CycleDates.of(step).cycleDate());
        return chunk -> {
            for (Applied applied : chunk) {
                writes.add(applied.accountNumber(), applied.ledger(), applied.creditBefore(), Map.of());
                writes.addPostings(applied.accountNumber(), applied.ledger());
            }
            writes.flush();
        };
    }

    @Bean
    Step applyPaymentsStep(AccountSteps steps, ItemStreamReader<PaymentsAccount> applyPaymentsReader,
            ItemProcessor<PaymentsAccount, Applied> applyPaymentsProcessor, ItemWriter<Applied> applyPaymentsWriter) {
        return steps.partitioned("applyPayments", applyPaymentsReader, applyPaymentsProcessor, applyPaymentsWriter,
                new Progress("applying payments", "accounts"));
    }
}
