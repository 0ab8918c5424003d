package com.arcycle.collections;

import java.time.LocalDate;

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
import com.arcycle.collections.CollectionsProcessor.Decided;
import com.arcycle.collections.CollectionsQueries.CollectionsAccount;
import com.arcycle.ledger.LedgerWrites;
import com.arcycle.policy.CollectionPolicy;

/** The write-offs and referrals step (rule 6): what the cycle does with each account dunning decided. */
@Configuration(proxyBeanMethods = false)
class CollectionsStepConfiguration {

    @Bean
    @StepScope
    ItemStreamReader<CollectionsAccount> collectionsReader(DataSource dataSource, StepSettings settings,
            @Value(CycleDates.STEP) StepExecution step) {
        return CollectionsQueries.reader(dataSource, settings.fetchSize(), CycleDates.of(step));
    }

    @Bean
    @StepScope
    ItemProcessor<CollectionsAccount, Decided> collectionsProcessor(CollectionPolicy policy,
            @Value(CycleDates.STEP) StepExecution step) {
        return new CollectionsProcessor(policy, CycleDates.of(step).cycleDate());
    }

    @Bean
    @StepScope
    ItemWriter<Decided> collectionsWriter(JdbcTemplate jdbc, BulkInserter bulk,
            @Value(CycleDates.STEP) StepExecution step) {
        LocalDate cycleDate = CycleDates.of(step).cycleDate();
        return new CollectionsWrites(bulk, new LedgerWrites(jdbc, bulk, cycleDate), cycleDate);
    }

    @Bean
    Step writeOffsAndReferralsStep(AccountSteps steps, ItemStreamReader<CollectionsAccount> collectionsReader,
            ItemProcessor<CollectionsAccount, Decided> collectionsProcessor, ItemWriter<Decided> collectionsWriter) {
        return steps.partitioned("writeOffsAndReferrals", collectionsReader, collectionsProcessor, collectionsWriter,
                new Progress("write-offs and referrals", "accounts"));
    }
}
