package com.arcycle.totals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import com.arcycle.aging.AgedBalance;
import com.arcycle.domain.Money;
import com.arcycle.dunning.Stage;

/**
 * The figures of one cycle, computed once ({@link CycleTotalsQueries}) for everyone who reports
 * them: the console at the end of a run, the cycle summary (this cycle's beside the previous
 * cycle's) and the manifest. Each comes from the table behind one of the cycle's files, so the
 * figures of any completed cycle can be had again.
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
 * @param paymentsReceived the payments the cycle took into the ledger, scale 2
 * @param calls the accounts to phone ({@code call-list.csv}): accounts and the sum of {@code past_due_total}
 */
public record CycleTotals(
        LocalDate cycleDate,
        AgedBalance aging,
        Map<Stage, Tally> stages,
        Tally statementsSent,
        Tally fees,
        Tally referrals,
        Tally writeOffs,
        Tally suspensions,
        int rejectedRecords,
        BigDecimal paymentsReceived,
        Tally calls) {

    public CycleTotals {
        Objects.requireNonNull(cycleDate, "cycleDate");
        Objects.requireNonNull(aging, "aging");
        Objects.requireNonNull(statementsSent, "statementsSent");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(referrals, "referrals");
        Objects.requireNonNull(writeOffs, "writeOffs");
        Objects.requireNonNull(suspensions, "suspensions");
        Money.requireCents(paymentsReceived, "paymentsReceived");
        Objects.requireNonNull(calls, "calls");
        EnumMap<Stage, Tally> all = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            all.put(stage, stages.getOrDefault(stage, Tally.NONE));
        }
        stages = Collections.unmodifiableMap(all);
        if (rejectedRecords < 0) {
            throw new IllegalArgumentException("rejectedRecords must not be negative");
        }
    }

    /** The accounts aged: those with an open item or unapplied credit, at every stage. */
    public int accountsAged() {
        return stages.values().stream().mapToInt(Tally::count).sum();
    }

    /** The accounts at a stage and the sum of their totals. */
    public Tally stage(Stage stage) {
        return stages.get(stage);
    }
}
