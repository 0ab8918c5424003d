package com.arcycle.calls;

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
import com.arcycle.calls.CallListProcessor.Decided;
import com.arcycle.calls.CallListQueries.CallAccount;
import com.arcycle.policy.CollectionPolicy;

/** The call-list step (rule 8), after dunning, write-offs, referrals and fees. */
@Configuration(proxyBeanMethods = false)
class CallListStepConfiguration {

    @Bean
    @StepScope
    ItemStreamReader<CallAccount> callListReader(DataSource dataSource, StepSettings settings,
            @Value(CycleDates.STEP) StepExecution step) {
        return CallListQueries.reader(dataSource, settings.fetchSize(), CycleDates.of(step));
    }

    @Bean
    @StepScope
    ItemProcessor<CallAccount, Decided> callListProcessor(CollectionPolicy policy,
            @Value(CycleDates.STEP) StepExecution step) {
        return new CallListProcessor(policy, CycleDates.of(step).cycleDate());
    }

    @Bean
    @StepScope
    ItemWriter<Decided> callListWriter(BulkInserter bulk, @Value(CycleDates.STEP) StepExecution step) {
        return new CallListWrites(bulk, CycleDates.of(step).cycleDate());
    }

    @Bean
    Step callListStep(AccountSteps steps, ItemStreamReader<CallAccount> callListReader,
            ItemProcessor<CallAccount, Decided> callListProcessor, ItemWriter<Decided> callListWriter) {
        return steps.partitioned("callList", callListReader, callListProcessor, callListWriter,
                new Progress("choosing whom to phone", "accounts"));
    }
}
