package com.arcycle.dunning;

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

import com.arcycle.batch.AccountSteps;
import com.arcycle.batch.AccountSteps.Progress;
import com.arcycle.batch.BulkInserter;
import com.arcycle.batch.CycleDates;
import com.arcycle.batch.StepSettings;
import com.arcycle.dunning.DunningProcessor.Decided;
import com.arcycle.dunning.DunningQueries.DunningAccount;
import com.arcycle.policy.CollectionPolicy;

/** The dunning step (rule 4): each account's stage and figures, recorded in account_cycle. */
@Configuration(proxyBeanMethods = false)
class DunningStepConfiguration {

    @Bean
    @StepScope
    ItemStreamReader<DunningAccount> dunningReader(DataSource dataSource, StepSettings settings,
            @Value(CycleDates.STEP) StepExecution step) {
        return DunningQueries.reader(dataSource, settings.fetchSize(), CycleDates.of(step));
    }

    @Bean
    @StepScope
    ItemProcessor<DunningAccount, Decided> dunningProcessor(CollectionPolicy policy,
            @Value(CycleDates.STEP) StepExecution step) {
        return new DunningProcessor(policy, CycleDates.of(step));
    }

    @Bean
    @StepScope
    ItemWriter<Decided> dunningWriter(BulkInserter bulk, @Value(CycleDates.STEP) StepExecution step) {
        return new DunningWrites(bulk, CycleDates.of(step).cycleDate());
    }

    @Bean
    Step dunningStep(AccountSteps steps, ItemStreamReader<DunningAccount> dunningReader,
            ItemProcessor<DunningAccount, Decided> dunningProcessor, ItemWriter<Decided> dunningWriter) {
        return steps.partitioned("dunning", dunningReader, dunningProcessor, dunningWriter,
                new Progress("deciding dunning stages", "accounts"));
    }
}
