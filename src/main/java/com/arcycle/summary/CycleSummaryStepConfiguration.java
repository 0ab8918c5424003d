package com.arcycle.summary;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.arcycle.batch.CycleDates;
import com.arcycle.batch.PublishFileListener;
import com.arcycle.policy.CollectionPolicy;
import com.arcycle.reports.BusinessProperties;
import com.arcycle.totals.CycleTotalsQueries;
import com.arcycle.mail.OutboxQueries;

/** cycle-summary.pdf: the cycle's totals beside the previous cycle's, for the owner. */
@Configuration(proxyBeanMethods = false)
class CycleSummaryStepConfiguration {

    @Bean
    CycleSummaryRenderer cycleSummaryRenderer() {
        return CycleSummaryRenderer.fromClasspath();
    }

    @Bean
    Step cycleSummaryFileStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            CycleTotalsQueries totals, CycleSummaryRenderer renderer, CollectionPolicy policy,
            BusinessProperties business, OutboxQueries outbox) {
        Tasklet summary = (contribution, chunkContext) -> {
            var step = contribution.getStepExecution();
            CycleDates dates = CycleDates.of(step);
            CycleSummaryDocument document = new CycleSummaryDocument(business.letterhead(), policy.currency(),
                    policy.agingBucketEdges(), totals.of(dates.cycleDate()),
                    dates.previousCycleDate() == null ? null : totals.of(dates.previousCycleDate()),
                    outbox.counts(dates.cycleDate()),
                    dates.previousCycleDate() == null ? null : outbox.counts(dates.previousCycleDate()));
            Path file = PublishFileListener.cycleFolder(step.getJobParameters()).resolve(CycleSummaryRenderer.FILE);
            try (OutputStream out = Files.newOutputStream(PublishFileListener.partialOf(file))) {
                renderer.render(document, out);
            }
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder("cycleSummaryFile", jobRepository)
                .tasklet(summary, transactionManager)
                .listener(PublishFileListener.inCycleFolder(CycleSummaryRenderer.FILE))
                .build();
    }
}
