package com.arcycle.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import com.arcycle.batch.PublishFileListener;

/**
 * The cycle's delivery to the AR firm, after manifest.json: when {@code arcycle.delivery.sftp.host}
 * is set, the step delivers the cycle's files ({@link CycleDelivery}); a restart resumes it. Without
 * the setting it does nothing.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliveryProperties.class)
class DeliveryStepConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CycleDelivery.class);

    @Bean
    Step deliverFilesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            CycleDelivery delivery) {
        Tasklet deliver = (contribution, chunkContext) -> {
            var step = contribution.getStepExecution();
            if (delivery.configured()) {
                delivery.deliver(CycleDates.of(step).cycleDate(),
                        PublishFileListener.cycleFolder(step.getJobParameters()), false, log::info);
            }
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder("deliverFiles", jobRepository).tasklet(deliver, transactionManager).build();
    }
}
