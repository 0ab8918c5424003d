package com.arcycle.cycle;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Rule 3: a cycle date must be later than the last completed cycle and at least
 * min-cycle-gap-days after it, and not later than today: the payments of a day to come are not
 * known yet, and a completed cycle can never be undone. A cycle that was started and did not
 * complete must be finished (restarted) before another date is run; running its own date again is
 * that restart.
 */
public final class CycleDateRule {

    private final int minCycleGapDays;

    public CycleDateRule(int minCycleGapDays) {
        this.minCycleGapDays = minCycleGapDays;
    }

    /** Why the cycle date is refused, or empty when it may run. */
    public Optional<String> refusal(LocalDate requested, CycleHistory history, LocalDate today) {
        if (requested.isAfter(today)) {
            return Optional.of("cycle date " + requested + " is later than today (" + today + "): the payments of a"
                    + " day to come are not known yet, and a completed cycle can never be undone");
        }
        LocalDate unfinished = history.unfinished();
        if (unfinished != null) {
            if (unfinished.equals(requested)) {
                return Optional.empty();
            }
            return Optional.of("the cycle of " + unfinished + " has not completed; restart it first"
                    + " (scripts/arcycle restart) before running " + requested);
        }
        LocalDate last = history.lastCompleted();
        if (last == null) {
            return Optional.empty();
        }
        LocalDate earliest = last.plusDays(minCycleGapDays);
        if (requested.equals(last)) {
            return Optional.of("the cycle of " + requested + " has already completed; completed cycles are never"
                    + " run again. The next cycle date is " + earliest + " or later");
        }
        if (requested.isBefore(last)) {
            return Optional.of("cycle date " + requested + " is before the last completed cycle " + last
                    + "; the next cycle date is " + earliest + " or later");
        }
        if (requested.isBefore(earliest)) {
            return Optional.of("cycle date " + requested + " is only " + ChronoUnit.DAYS.between(last, requested)
                    + " days after the last completed cycle " + last + " (min-cycle-gap-days is " + minCycleGapDays
                    + "); the next cycle date is " + earliest + " or later");
        }
        return Optional.empty();
    }
}
