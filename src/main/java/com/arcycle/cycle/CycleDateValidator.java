package com.arcycle.cycle;

import java.time.LocalDate;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersValidator;

import com.arcycle.batch.CycleDates;

/**
 * Refuses a cycle date before any work is done (the job execution is not even created): the
 * statement-cycle job's guard of rule 3.
 */
final class CycleDateValidator implements JobParametersValidator {

    private final CycleGuard guard;

    CycleDateValidator(CycleGuard guard) {
        this.guard = guard;
    }

    @Override
    public void validate(JobParameters parameters) throws InvalidJobParametersException {
        LocalDate cycleDate = parameters.getLocalDate(CycleDates.CYCLE_DATE_PARAMETER);
        if (cycleDate == null) {
            throw new InvalidJobParametersException("the cycle date is missing (--cycle-date YYYY-MM-DD)");
        }
        if (parameters.getString(CycleDates.OUT_DIR_PARAMETER) == null) {
            throw new InvalidJobParametersException("the output folder is missing (--out DIR)");
        }
        var refusal = guard.refusal(cycleDate);
        if (refusal.isPresent()) {
            throw new InvalidJobParametersException(refusal.get());
        }
    }
}
