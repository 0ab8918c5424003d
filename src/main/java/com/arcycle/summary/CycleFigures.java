package com.arcycle.summary;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import com.arcycle.aging.AgedBalance;
import com.arcycle.dunning.Stage;

/**
 * The figures of one completed cycle, as the cycle summary prints them (this cycle's beside the
 * previous cycle's). Each comes from that cycle's files, so the batch step can rebuild the previous
 * cycle's figures from its stored results.
 *
 * @param cycleDate the cycle date
 * @param aging the totals of {@code aged-receivables.csv} over all accounts (per bucket, in dispute,
 *        unapplied credit, total)
 * @param stages per dunning stage: the accounts at that stage on the cycle date (rows of
 *        {@code aged-receivables.csv} by {@code stage}) and the sum of their totals; a stage that is
 *        missing counts as none
 * @param statementsSent the statements written ({@code statements/}), with the sum of their amounts due
 * @param fees the fees charged ({@code fees.csv}): count and amount
 * @param referrals the accounts referred to collections ({@code collections-referral.csv}): accounts
 *        and the sum of {@code account_referred_total}
 * @param writeOffs the items written off ({@code write-off.csv}): items and balance
 * @param suspensions the accounts to suspend ({@code service-suspension.csv}): accounts and the sum
 *        of {@code past_due_total}
 * @param rejectedRecords the input records rejected for the cycle ({@code rejects.csv})
 */
public record CycleFigures(
        LocalDate cycleDate,
        AgedBalance aging,
        Map<Stage, Tally> stages,
        Tally statementsSent,
        Tally fees,
        Tally referrals,
        Tally writeOffs,
        Tally suspensions,
        int rejectedRecords) {

    public CycleFigures {
        Objects.requireNonNull(cycleDate, "cycleDate");
        Objects.requireNonNull(aging, "aging");
        Objects.requireNonNull(statementsSent, "statementsSent");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(referrals, "referrals");
        Objects.requireNonNull(writeOffs, "writeOffs");
        Objects.requireNonNull(suspensions, "suspensions");
        EnumMap<Stage, Tally> all = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            all.put(stage, stages.getOrDefault(stage, Tally.NONE));
        }
        stages = Collections.unmodifiableMap(all);
        if (rejectedRecords < 0) {
            throw new IllegalArgumentException("rejectedRecords must not be negative");
        }
    }

    /** The accounts at a stage and the sum of their totals. */
    public Tally stage(Stage stage) {
        return stages.get(stage);
    }
}
