package com.arcycle.policy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The collection policy: every number of the collection rules that the business may set.
 * Plain Java so the rules can be tested without Spring; {@link #defaults()} are the spec's.
 * An impossible setting is refused here, with the name of the setting in the message.
 */
public record CollectionPolicy(
        int graceDays,
        BigDecimal monthlyRate,
        BigDecimal minFee,
        BigDecimal maxFeePercent,
        int habitualLateCount,
        int goodStandingExtraDays,
        int reminderDays,
        int pastDueDays,
        int finalDemandDays,
        int collectionsDays,
        BigDecimal writeOffThreshold,
        int writeOffDays,
        BigDecimal smallClaimsLimit,
        int minCycleGapDays,
        List<Integer> agingBucketEdges,
        String currency,
        LateFeeMode defaultLateFeeMode,
        int callNewCustomerDays,
        BigDecimal callNewCustomerAmount,
        BigDecimal callMinAmount,
        BigDecimal callSmallShare) {

    /** Days a customer must have been with the business to be in good standing (rule 4.1). */
    public static final int GOOD_STANDING_TENURE_DAYS = 730;
    /** The look-back window, ending on the cycle date, for paid-late invoices (rules 4.1, 5). */
    public static final int LATE_PAYMENT_WINDOW_DAYS = 365;

    private static final String PREFIX = "arcycle.policy.";

    public CollectionPolicy {
        notNegative("grace-days", graceDays);
        notNegative("monthly-rate", monthlyRate);
        notNegative("min-fee", minFee);
        notNegative("max-fee-percent", maxFeePercent);
        if (maxFeePercent.compareTo(new BigDecimal("100")) > 0) {
            throw invalid("max-fee-percent", maxFeePercent, "must be at most 100");
        }
        notNegative("habitual-late-count", habitualLateCount);
        notNegative("good-standing-extra-days", goodStandingExtraDays);
        if (reminderDays < 1) {
            throw invalid("reminder-days", reminderDays, "must be at least 1");
        }
        if (!(reminderDays < pastDueDays && pastDueDays < finalDemandDays && finalDemandDays < collectionsDays)) {
            throw invalid("past-due-days", List.of(reminderDays, pastDueDays, finalDemandDays, collectionsDays),
                    "reminder-days < past-due-days < final-demand-days < collections-days must hold");
        }
        notNegative("write-off-threshold", writeOffThreshold);
        notNegative("write-off-days", writeOffDays);
        notNegative("small-claims-limit", smallClaimsLimit);
        notNegative("min-cycle-gap-days", minCycleGapDays);
        Objects.requireNonNull(agingBucketEdges, PREFIX + "aging-bucket-edges");
        if (agingBucketEdges.size() != 4) {
            throw invalid("aging-bucket-edges", agingBucketEdges,
                    "must be four increasing day counts (the files have the columns 1-30, 31-60, 61-90, 91-120, 121+)");
        }
        for (int i = 0; i < agingBucketEdges.size(); i++) {
            int low = i == 0 ? 0 : agingBucketEdges.get(i - 1);
            if (agingBucketEdges.get(i) <= low) {
                throw invalid("aging-bucket-edges", agingBucketEdges, "must be positive and increasing");
            }
        }
        agingBucketEdges = List.copyOf(agingBucketEdges);
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw invalid("currency", currency, "must be a three-letter ISO 4217 code such as USD");
        }
        Objects.requireNonNull(defaultLateFeeMode, PREFIX + "default-late-fee-mode");
        notNegative("call-new-customer-days", callNewCustomerDays);
        notNegative("call-new-customer-amount", callNewCustomerAmount);
        notNegative("call-min-amount", callMinAmount);
        notNegative("call-small-share", callSmallShare);
        if (callSmallShare.compareTo(new BigDecimal("100")) > 0) {
            throw invalid("call-small-share", callSmallShare, "is a percentage and must be at most 100");
        }
    }

    /** The policy with rule 8's call-list settings at the spec's defaults. */
    public CollectionPolicy(int graceDays, BigDecimal monthlyRate, BigDecimal minFee, BigDecimal maxFeePercent,
            int habitualLateCount, int goodStandingExtraDays, int reminderDays, int pastDueDays, int finalDemandDays,
            int collectionsDays, BigDecimal writeOffThreshold, int writeOffDays, BigDecimal smallClaimsLimit,
            int minCycleGapDays, List<Integer> agingBucketEdges, String currency, LateFeeMode defaultLateFeeMode) {
        this(graceDays, monthlyRate, minFee, maxFeePercent, habitualLateCount, goodStandingExtraDays, reminderDays,
                pastDueDays, finalDemandDays, collectionsDays, writeOffThreshold, writeOffDays, smallClaimsLimit,
                minCycleGapDays, agingBucketEdges, currency, defaultLateFeeMode, 365, new BigDecimal("1000.00"),
                new BigDecimal("100.00"), new BigDecimal("10"));
    }

    /** The spec's defaults. */
    public static CollectionPolicy defaults() {
        return new CollectionPolicy(10, new BigDecimal("0.015"), new BigDecimal("2.00"), new BigDecimal("20"), 2, 15,
                1, 31, 61, 91, new BigDecimal("50.00"), 120, new BigDecimal("2500.00"), 28, List.of(30, 60, 90, 120),
                "USD", LateFeeMode.ALWAYS, 365, new BigDecimal("1000.00"), new BigDecimal("100.00"),
                new BigDecimal("10"));
    }

    private static void notNegative(String setting, int value) {
        if (value < 0) {
            throw invalid(setting, value, "must not be negative");
        }
    }

    private static void notNegative(String setting, BigDecimal value) {
        Objects.requireNonNull(value, PREFIX + setting);
        if (value.signum() < 0) {
            throw invalid(setting, value, "must not be negative");
        }
    }

    private static IllegalArgumentException invalid(String setting, Object value, String reason) {
        return new IllegalArgumentException("setting " + PREFIX + setting + " = " + value + ": " + reason);
    }
}
