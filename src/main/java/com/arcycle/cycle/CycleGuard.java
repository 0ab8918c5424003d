package com.arcycle.cycle;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.arcycle.policy.CollectionPolicy;

/** Rule 3's guard against the database's cycle history: why a cycle date may not run now. */
@Component
public class CycleGuard {

    private final CycleRepository cycles;
    private final CycleDateRule rule;
    private final Clock clock;

    CycleGuard(CycleRepository cycles, CollectionPolicy policy, Clock clock) {
        this.cycles = cycles;
        this.rule = new CycleDateRule(policy.minCycleGapDays());
        this.clock = clock;
    }

    public Optional<String> refusal(LocalDate cycleDate) {
        return rule.refusal(cycleDate, cycles.history(), LocalDate.now(clock));
    }
}
