package com.arcycle.cycle;

import java.time.LocalDate;

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
import com.arcycle.batch.PublishFileListener;
import com.arcycle.batch.CycleFolder;

/**
 * The statement-cycle job: the cycle date is its identifying parameter, so running a failed
 * cycle's date again is a restart of the same job instance. Steps run in the spec's order.
 */
@Configuration(proxyBeanMethods = false)
class StatementCycleJobConfiguration {

    static final String JOB_NAME = "statement-cycle";

    @Bean
    Job statementCycleJob(JobRepository jobRepository, CycleGuard guard,
            Step openCycleStep, Step applyPaymentsStep, Step dunningStep, Step writeOffsAndReferralsStep,
            Step lateFeesStep, Step agedReceivablesStep, Step statementsStep, Step statementsPrintFileStep,
            Step cycleSummaryFileStep, Step agedReceivablesFileStep, Step feesFileStep,
            Step dunningFileStep, Step collectionsReferralFileStep, Step writeOffFileStep,
            Step serviceSuspensionFileStep, Step rejectsFileStep, Step manifestFileStep, Step closeCycleStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(new CycleDateValidator(guard))
                .start(openCycleStep)
                .next(applyPaymentsStep)
                .next(dunningStep)
                .next(writeOffsAndReferralsStep)
                .next(lateFeesStep)
                .next(agedReceivablesStep)
                .next(statementsStep)
                .next(statementsPrintFileStep)
                .next(cycleSummaryFileStep)
                .next(agedReceivablesFileStep)
                .next(feesFileStep)
                .next(dunningFileStep)
                .next(collectionsReferralFileStep)
                .next(writeOffFileStep)
                .next(serviceSuspensionFileStep)
                .next(rejectsFileStep)
                .next(manifestFileStep)
                .next(closeCycleStep)
                .build();
    }

    /**
     * Records the cycle as started with its folder, claims the folder ({@link CycleFolder}), and keeps
     * the previous completed cycle date in the job's context for the steps. Runs again on a
     * restart; it changes nothing the second time.
     */
    @Bean
    Step openCycleStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            CycleRepository cycles, DatabaseIdentity database) {
        Tasklet open = (contribution, chunkContext) -> {
            var stepExecution = contribution.getStepExecution();
            LocalDate cycleDate = stepExecution.getJobParameters().getLocalDate(CycleDates.CYCLE_DATE_PARAMETER);
            CycleFolder folder = new CycleFolder(PublishFileListener.cycleFolder(stepExecution.getJobParameters()));
            var started = cycles.started(cycleDate, folder.path().toString());
            if (!folder.path().toString().equals(started.outputFolder())) {
                // The commands refuse this before the job starts; a job started otherwise must not split a cycle.
                throw new IllegalStateException("the cycle of " + cycleDate + " writes its files into "
                        + started.outputFolder() + ", not " + folder.path());
            }
            folder.claimFor(cycleDate, started.runId(), database.url());
            LocalDate previous = cycles.previousCompleted(cycleDate);
            stepExecution.getJobExecution().getExecutionContext()
                    .putString(CycleDates.PREVIOUS_CYCLE_KEY, previous == null ? "" : previous.toString());
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder("openCycle", jobRepository)
                .tasklet(open, transactionManager)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    Step closeCycleStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            CycleRepository cycles) {
        Tasklet close = (contribution, chunkContext) -> {
            cycles.completed(contribution.getStepExecution().getJobParameters()
                    .getLocalDate(CycleDates.CYCLE_DATE_PARAMETER));
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder("closeCycle", jobRepository).tasklet(close, transactionManager).build();
    }
}
