package com.arcycle.batch;

import java.time.LocalDate;

import org.springframework.batch.core.step.StepExecution;

/**
 * The cycle date (the job's identifying parameter) and the previous completed cycle date, which
 * the cycle's first step looks up and keeps in the job's execution context.
 *
 * @param previousCycleDate null for a ledger's first cycle
 */
public record CycleDates(LocalDate cycleDate, LocalDate previousCycleDate) {

    /** Job execution context key of the previous cycle date ("" when there is none). */
    public static final String PREVIOUS_CYCLE_KEY = "previous.cycle.date";
    /** Job parameter that names the cycle. */
    public static final String CYCLE_DATE_PARAMETER = "cycle.date";
    /** Job parameter (not identifying): the absolute folder the cycle's folder goes in (OUT). */
    public static final String OUT_DIR_PARAMETER = "out.dir";
    /** What a step-scoped bean takes to know its step, and from it the cycle: {@code @Value(CycleDates.STEP)}. */
    public static final String STEP = "#{stepExecution}";

    private static final LocalDate EPOCH = LocalDate.of(1, 1, 1);

    /** The dates of the cycle a step runs in: its job's parameter and execution context. */
    public static CycleDates of(StepExecution step) {
        return of(step.getJobParameters().getLocalDate(CYCLE_DATE_PARAMETER),
                step.getJobExecution().getExecutionContext().getString(PREVIOUS_CYCLE_KEY, ""));
    }

    public static CycleDates of(LocalDate cycleDate, String previous) {
        return new CycleDates(cycleDate, previous == null || previous.isEmpty() ? null : LocalDate.parse(previous));
    }

    /** The previous cycle date, or a date before any ledger for the first cycle. */
    public LocalDate previousOrEpoch() {
        return previousCycleDate == null ? EPOCH : previousCycleDate;
    }
}
