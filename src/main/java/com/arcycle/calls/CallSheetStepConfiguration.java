package com.arcycle.calls;

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

/** call-sheet.pdf: the call list printed for the caller, one block per account in rank order. */
@Configuration(proxyBeanMethods = false)
class CallSheetStepConfiguration {

    @Bean
    CallSheetRenderer callSheetRenderer() {
        return CallSheetRenderer.fromClasspath();
    }

    @Bean
    Step callSheetFileStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            CallSheetQueries queries, CallSheetRenderer renderer, CollectionPolicy policy,
            BusinessProperties business) {
        Tasklet sheet = (contribution, chunkContext) -> {
            var step = contribution.getStepExecution();
            CallSheetDocument document = queries.document(business.letterhead(), policy.currency(),
                    CycleDates.of(step).cycleDate());
            Path file = PublishFileListener.cycleFolder(step.getJobParameters()).resolve(CallList.SHEET);
            try (OutputStream out = Files.newOutputStream(PublishFileListener.partialOf(file))) {
                renderer.render(document, out);
            }
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder("callSheetFile", jobRepository)
                .tasklet(sheet, transactionManager)
                .listener(PublishFileListener.inCycleFolder(CallList.SHEET))
                .build();
    }
}
