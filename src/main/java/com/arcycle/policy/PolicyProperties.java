package com.arcycle.policy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code arcycle.policy.*} settings, bound from application.properties, the environment
 * (ARCYCLE_POLICY_GRACE_DAYS=...) or the command line (--arcycle.policy.grace-days=...).
 * Defaults are the spec's; {@link #toPolicy()} refuses impossible values at start-up.
 */
@ConfigurationProperties("arcycle.policy")
record PolicyProperties(
        @DefaultValue("10") int graceDays,
        @DefaultValue("0.015") BigDecimal monthlyRate,
        @DefaultValue("2.00") BigDecimal minFee,
        @DefaultValue("20") BigDecimal maxFeePercent,
        @DefaultValue("2") int habitualLateCount,
        @DefaultValue("15") int goodStandingExtraDays,
        @DefaultValue("1") int reminderDays,
        @DefaultValue("31") int pastDueDays,
        @DefaultValue("61") int finalDemandDays,
        @DefaultValue("91") int collectionsDays,
        @DefaultValue("50.00") BigDecimal writeOffThreshold,
        @DefaultValue("120") int writeOffDays,
        @DefaultValue("2500.00") BigDecimal smallClaimsLimit,
        @DefaultValue("28") int minCycleGapDays,
        @DefaultValue({"30", "60", "90", "120"}) List<Integer> agingBucketEdges,
        @DefaultValue("USD") String currency,
        @DefaultValue("ALWAYS") String defaultLateFeeMode,
        @DefaultValue("365") int callNewCustomerDays,
        @DefaultValue("1000.00") BigDecimal callNewCustomerAmount,
        @DefaultValue("100.00") BigDecimal callMinAmount,
        @DefaultValue("10") BigDecimal callSmallShare) {

    CollectionPolicy toPolicy() {
        return new CollectionPolicy(graceDays, monthlyRate, minFee, maxFeePercent, habitualLateCount,
                goodStandingExtraDays, reminderDays, pastDueDays, finalDemandDays, collectionsDays, writeOffThreshold,
                writeOffDays, smallClaimsLimit, minCycleGapDays, agingBucketEdges, currency, lateFeeMode(),
                callNewCustomerDays, callNewCustomerAmount, callMinAmount, callSmallShare);
    }

    private LateFeeMode lateFeeMode() {
        try {
            return LateFeeMode.valueOf(defaultLateFeeMode.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("setting arcycle.policy.default-late-fee-mode = " + defaultLateFeeMode
                    + ": unknown fee mode, expected one of " + Arrays.toString(LateFeeMode.values()));
        }
    }
}
