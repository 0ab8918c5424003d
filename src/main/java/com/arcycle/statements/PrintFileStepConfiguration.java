package com.arcycle.statements;

import javax.sql.DataSource;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import com.arcycle.batch.ProgressListener;
import com.arcycle.batch.PublishFileListener;
import com.arcycle.batch.StepSettings;

/** statements-print.pdf, for the mailing house: the statements the step rendered ({@link PrintFile}). */
@Configuration(proxyBeanMethods = false)
class PrintFileStepConfiguration {

    @Bean
    Step statementsPrintFileStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            DataSource dataSource, StepSettings settings, JdbcTemplate jdbc, StatementRenderer renderer,
            StatementDocuments.Factory documents) {
        ProgressListener progress = new ProgressListener("writing the print file", "statements");
        return new StepBuilder("statementsPrintFile", jobRepository)
                .tasklet(new PrintFile(dataSource, settings.fetchSize(), jdbc, renderer, documents, progress),
                        transactionManager)
                .listener(PublishFileListener.inCycleFolder(StatementRenderer.PRINT_FILE))
                .listener((StepExecutionListener) progress)
                .build();
    }
}
