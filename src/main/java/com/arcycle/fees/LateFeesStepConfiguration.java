package com.arcycle.fees;

import java.math.BigDecimal;
import java.util.HashMap;
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
import com.arcycle.fees.FeeQueries.FeeAccount;
import com.arcycle.fees.FeesProcessor.Charged;
import com.arcycle.ledger.LedgerWrites;
import com.arcycle.policy.CollectionPolicy;

/** The late-fee step (rule 5): fee items, written into the ledger through its own writes. */
@Configuration(proxyBeanMethods = false)
class LateFeesStepConfiguration {

    @Bean
    @StepScope
    ItemStreamReader<FeeAccount> lateFeesReader(DataSource dataSource, StepSettings settings,
            @Value(CycleDates.STEP) StepExecution step) {
        return FeeQueries.reader(dataSource, settings.fetchSize(), CycleDates.of(step));
    }

    @Bean
    @StepScope
    ItemProcessor<FeeAccount, Charged> lateFeesProcessor(CollectionPolicy policy,
            @Value(CycleDates.STEP) StepExecution step) {
        return new FeesProcessor(policy, CycleDates.of(step).cycleDate());
    }

    /** Each fee item with the balance it was computed on. */
    @Bean
    @StepScope
    ItemWriter<Charged> lateFeesWriter(JdbcTemplate jdbc, BulkInserter bulk, @Value(CycleDates.STEP) StepExecution step) {
        LedgerWrites writes = new LedgerWrites(jdbc, bulk, CycleDates.of(step).cycleDate());
        return chunk -> {
            for (Charged charged : chunk) {
                Map<String, BigDecimal> basis = new HashMap<>();
                charged.fees().forEach(fee -> basis.put(fee.feeId(), fee.basis()));
                writes.add(charged.accountNumber(), charged.ledger(), charged.creditBefore(), basis);
            }
            writes.flush();
        };
    }

    @Bean
    Step lateFeesStep(AccountSteps steps, ItemStreamReader<FeeAccount> lateFeesReader,
            ItemProcessor<FeeAccount, Charged> lateFeesProcessor, ItemWriter<Charged> lateFeesWriter) {
        return steps.partitioned("lateFees", lateFeesReader, lateFeesProcessor, lateFeesWriter,
                new Progress("charging late fees", "accounts"));
    }
}
