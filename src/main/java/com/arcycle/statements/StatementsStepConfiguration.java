package com.arcycle.statements;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import com.arcycle.batch.AccountSteps;
import com.arcycle.batch.AccountSteps.Progress;
import com.arcycle.batch.CycleDates;
import com.arcycle.batch.PublishFileListener;
import com.arcycle.batch.StepSettings;
import com.arcycle.policy.CollectionPolicy;
import com.arcycle.reports.BusinessProperties;
import com.arcycle.statements.StatementQueries.StatementAccount;

/**
 * The statements step: one PDF per account sent one, rendered by one partition per core, each
 * recorded with its file name and SHA-256.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BusinessProperties.class)
class StatementsStepConfiguration {

    /** A statement takes far longer than a row: small chunks, so a restart redoes little. */
    private static final int CHUNK = 50;

    @Bean
    StatementRenderer statementRenderer() {
        return StatementRenderer.fromClasspath();
    }

    @Bean
    StatementDocuments.Factory statementDocuments(CollectionPolicy policy, BusinessProperties business) {
        return new StatementDocuments.Factory(policy, business);
    }

    @Bean
    @StepScope
    ItemStreamReader<StatementAccount> statementsReader(DataSource dataSource, StepSettings settings,
            @Value(CycleDates.STEP) StepExecution step) {
        return StatementQueries.reader(dataSource, settings.fetchSize(), CycleDates.of(step).cycleDate(),
                StatementQueries.TO_RENDER);
    }

    @Bean
    @StepScope
    ItemProcessor<StatementAccount, StatementDocument> statementsProcessor(StatementDocuments.Factory documents,
            @Value(CycleDates.STEP) StepExecution step) {
        return documents.of(CycleDates.of(step).cycleDate())::document;
    }

    @Bean
    @StepScope
    ItemWriter<StatementDocument> statementsWriter(StatementRenderer renderer, JdbcTemplate jdbc,
            @Value(CycleDates.STEP) StepExecution step) {
        return new StatementWrites(renderer, jdbc, CycleDates.of(step).cycleDate(),
                PublishFileListener.cycleFolder(step.getJobParameters()));
    }

    @Bean
    Step statementsStep(AccountSteps steps, ItemStreamReader<StatementAccount> statementsReader,
            ItemProcessor<StatementAccount, StatementDocument> statementsProcessor,
            ItemWriter<StatementDocument> statementsWriter) {
        return steps.partitioned("statements", CHUNK, statementsReader, statementsProcessor, statementsWriter,
                new Progress("rendering statements", "statements"));
    }
}
