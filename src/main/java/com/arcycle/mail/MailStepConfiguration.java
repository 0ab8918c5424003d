package com.arcycle.mail;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.arcycle.batch.CycleDates;
import com.arcycle.batch.ProgressListener;
import com.arcycle.batch.PublishFileListener;
import com.arcycle.statements.StatementRenderer;

/**
 * The cycle's delivery of its statements, after the statements step: {@code sendStatements}
 * emails them ({@link StatementEmails}), then {@code statementsPrintFile} puts the rest into the
 * print file ({@link PrintFile}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailSettings.class)
class MailStepConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StatementEmails.class);

    /** Fails the step (restartable) when sending stopped before the end. */
    static final class SendingStopped extends RuntimeException {

        private static final long serialVersionUID = 1L;

        SendingStopped(String reason) {
            super("statements by email stopped: " + reason + "; what was sent is on record, restart sends the rest");
        }
    }

    @Bean
    Step sendStatementsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            StatementEmails emails, OutboxQueries queries) {
        Tasklet send = (contribution, chunkContext) -> {
            var step = contribution.getStepExecution();
            LocalDate cycleDate = CycleDates.of(step).cycleDate();
            if (!emails.enabled()) {
                log.info("Email delivery is off (spring.mail.host is not set): the {} statements of {} go to paper",
                        queries.counts(cycleDate).statements(), cycleDate);
                return RepeatStatus.FINISHED;
            }
            StatementEmails.Result result = emails.deliver(cycleDate,
                    PublishFileListener.cycleFolder(step.getJobParameters()), null, false, log::warn);
            if (result.stopped() != null) {
                throw new SendingStopped(result.stopped());
            }
            OutboxQueries.Counts counts = queries.counts(cycleDate);
            log.info("Statements of {} by email: {} sent, {} refused for good (on paper instead)", cycleDate,
                    counts.emailed(), counts.failed());
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder("sendStatements", jobRepository).tasklet(send, transactionManager).build();
    }

    @Bean
    Step statementsPrintFileStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            OutboxQueries queries) {
        ProgressListener progress = new ProgressListener("writing the print file", "statements");
        Tasklet print = (contribution, chunkContext) -> {
            var step = contribution.getStepExecution();
            LocalDate cycleDate = CycleDates.of(step).cycleDate();
            PrintFile printFile = new PrintFile(after -> queries.toPaper(cycleDate, after));
            Path folder = PublishFileListener.cycleFolder(step.getJobParameters());
            Path partial = PublishFileListener.partialOf(folder.resolve(StatementRenderer.PRINT_FILE));
            int count;
            try (OutputStream out = Files.newOutputStream(partial)) {
                count = printFile.write(cycleDate, folder, out,
                        done -> progress.progress(step, done));
            }
            if (count == 0) {
                Files.deleteIfExists(partial); // nothing to post, no print file
            }
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder("statementsPrintFile", jobRepository)
                .tasklet(print, transactionManager)
                .listener(PublishFileListener.inCycleFolder(StatementRenderer.PRINT_FILE))
                .listener((StepExecutionListener) progress)
                .build();
    }
}
