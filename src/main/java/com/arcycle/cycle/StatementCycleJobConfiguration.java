package com.arcycle.cycle;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.arcycle.batch.CycleDates;
import com.arcycle.platform.DatabaseIdentity;

/**
 * The statement-cycle job: the cycle date is its identifying parameter, so running a failed
 * cycle's date again is a restart of the same job instance. Steps run in the spec's order.
 */
@Configuration(proxyBeanMethods = false)
class StatementCycleJobConfiguration {

    @Bean
    Job statementCycleJob(JobRepository jobRepository, CycleGuard guard,
            Step openCycleStep, Step applyPaymentsStep, Step dunningStep, Step writeOffsAndReferralsStep,
            Step lateFeesStep, Step agedReceivablesStep, Step statementsStep, Step statementsPrintFileStep,
            Step cycleSummaryFileStep, Step agedReceivablesFileStep, Step feesFileStep,
            Step dunningFileStep, Step collectionsReferralFileStep, Step writeOffFileStep,
            Step serviceSuspensionFileStep, Step rejectsFileStep, Step manifestFileStep, Step closeCycleStep,
            Step deliverFilesStep, Step callListStep, Step callListFileStep, Step callSheetFileStep,
            Step sendStatementsStep) {
        return new JobBuilder(StatementCycle.JOB_NAME, jobRepository)
                .validator(new CycleDateValidator(guard))
                .start(openCycleStep)
                .next(applyPaymentsStep)
                .next(dunningStep)
                .next(writeOffsAndReferralsStep)
                .next(lateFeesStep)
                .next(agedReceivablesStep)
                .next(callListStep)
                .next(statementsStep)
                .next(sendStatementsStep)
                .next(statementsPrintFileStep)
                .next(cycleSummaryFileStep)
                .next(agedReceivablesFileStep)
                .next(feesFileStep)
                .next(dunningFileStep)
                .next(collectionsReferralFileStep)
                .next(writeOffFileStep)
                .next(serviceSuspensionFileStep)
                .next(callListFileStep)
                .next(callSheetFileStep)
                .next(rejectsFileStep)
                .next(manifestFileStep)
                .next(deliverFilesStep)
                .next(closeCycleStep)
                .build();
    }

    /** Records the cycle as started and claims its folder ({@link OpenCycle}); again on a restart. */
    @Bean
    Step openCycleStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            CycleRepository cycles, DatabaseIdentity database) {
        return new StepBuilder("openCycle", jobRepository)
                .tasklet(new OpenCycle(cycles, database), transactionManager)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    Step closeCycleStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            CycleRepository cycles) {
        Tasklet close = (contribution, chunkContext) -> {
            cycles.completed(CycleDates.of(contribution.getStepExecution()).cycleDate());
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder("closeCycle", jobRepository).tasklet(close, transactionManager).build();
    }
}
