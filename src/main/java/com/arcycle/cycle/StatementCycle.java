package com.arcycle.cycle;

import java.nio.file.Path;
import java.time.LocalDate;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import com.arcycle.batch.CycleDates;

/** The statement-cycle job as its callers name and start it (the commands, the benchmark). */
public final class StatementCycle {

    /** The job's name in the job repository. */
    public static final String JOB_NAME = "statement-cycle";

    private StatementCycle() {
    }

    /**
     * The job's parameters: the cycle date identifies the run (running a failed date again restarts
     * it); OUT, stored absolute, does not.
     */
    public static JobParameters parameters(LocalDate cycleDate, Path out) {
        return new JobParametersBuilder()
                .addLocalDate(CycleDates.CYCLE_DATE_PARAMETER, cycleDate)
                .addString(CycleDates.OUT_DIR_PARAMETER, out.toAbsolutePath().normalize().toString(), false)
                .toJobParameters();
    }
}
