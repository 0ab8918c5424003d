package com.arcycle.exports;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.arcycle.batch.PublishFileListener;
import com.arcycle.policy.CollectionPolicy;
import com.arcycle.totals.CycleTotalsQueries;
import com.arcycle.mail.OutboxQueries;

/** The cycle's last file: manifest.json. */
@Configuration(proxyBeanMethods = false)
class ManifestStepConfiguration {

    @Bean
    Step manifestFileStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            JdbcClient jdbc, CycleTotalsQueries totals, CollectionPolicy policy, OutboxQueries outbox) {
        return new StepBuilder("manifestFile", jobRepository)
                .tasklet(new ManifestFile(jdbc, totals, policy, outbox), transactionManager)
                .listener(PublishFileListener.inCycleFolder(ManifestFile.FILE))
                .build();
    }
}
