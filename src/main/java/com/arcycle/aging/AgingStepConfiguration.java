package com.arcycle.aging;

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

import com.arcycle.aging.AgingProcessor.Aged;
import com.arcycle.aging.AgingQueries.AgingAccount;
import com.arcycle.batch.AccountSteps;
import com.arcycle.batch.AccountSteps.Progress;
import com.arcycle.batch.BulkInserter;
import com.arcycle.batch.CycleDates;
import com.arcycle.batch.StepSettings;
import com.arcycle.policy.CollectionPolicy;

/** The aged-receivables step (rule 7), after fees and write-offs. */
@Configuration(proxyBeanMethods = false)
class AgingStepConfiguration {

    @Bean
    @StepScope
    ItemStreamReader<AgingAccount> agingReader(DataSource dataSource, StepSettings settings,
            @Value(CycleDates.STEP) StepExecution step) {
        return AgingQueries.reader(dataSource, settings.fetchSize(), CycleDates.of(step));
    }

    @Bean
    @StepScope
    ItemProcessor<AgingAccount, Aged> agingProcessor(CollectionPolicy policy,
            @Value(CycleDates.STEP) StepExecution step) {
        return new AgingProcessor(policy, CycleDates.of(step).cycleDate());
    }

    @Bean
    @StepScope
    ItemWriter<Aged> agingWriter(BulkInserter bulk, @Value(CycleDates.STEP) StepExecution step) {
        return new AgingWrites(bulk, CycleDates.of(step).cycleDate());
    }

    @Bean
    Step agedReceivablesStep(AccountSteps steps, ItemStreamReader<AgingAccount> agingReader,
            ItemProcessor<AgingAccount, Aged> agingProcessor, ItemWriter<Aged> agingWriter) {
        return steps.partitioned("agedReceivables", agingReader, agingProcessor, agingWriter,
                new Progress("ageing receivables", "accounts"));
    }
}
