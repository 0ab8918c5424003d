package com.arcycle.operations;

import org.springframework.stereotype.Component;

import com.arcycle.totals.CycleTotals;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * arcycle's own counters, counted once per completed cycle from its totals (the figures its
 * summary and manifest give): statements rendered, late fees charged (and their amount),
 * accounts referred to collections. Served at /actuator/prometheus by the console; a command-line
 * run pushes them to a Pushgateway when one is configured (docs/console.md).
 */
@Component
class CycleMetrics {

    private final Counter statements;
    private final Counter fees;
    private final Counter feeAmount;
    private final Counter referrals;
    private final Counter cycles;

    CycleMetrics(MeterRegistry registry) {
        statements = Counter.builder("arcycle.statements.rendered").description("statements rendered by completed cycles")
                .register(registry);
        fees = Counter.builder("arcycle.fees.charged").description("late fees charged by completed cycles")
                .register(registry);
        feeAmount = Counter.builder("arcycle.fees.charged.amount").baseUnit("currency")
                .description("the amount of the late fees charged by completed cycles").register(registry);
        referrals = Counter.builder("arcycle.referrals").description("accounts referred to collections by completed cycles")
                .register(registry);
        cycles = Counter.builder("arcycle.cycles.completed").description("statement cycles completed").register(registry);
    }

    void completed(CycleTotals totals) {
        cycles.increment();
        statements.increment(totals.statementsSent().count());
        fees.increment(totals.fees().count());
        feeAmount.increment(totals.fees().amount().doubleValue());
        referrals.increment(totals.referrals().count());
    }
}
