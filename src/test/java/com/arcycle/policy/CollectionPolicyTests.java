package com.arcycle.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CollectionPolicyTests {

    @DisplayName("defaults() are the spec's policy settings")
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(textBlock = """
            grace-days,                10
            monthly-rate,              0.015
            min-fee,                   2.00
            max-fee-percent,           20
            habitual-late-count,       2
            good-standing-extra-days,  15
            reminder-days,             1
            past-due-days,             31
            final-demand-days,         61
            collections-days,          91
            write-off-threshold,       50.00
            write-off-days,            120
            small-claims-limit,        2500.00
            min-cycle-gap-days,        28
            aging-bucket-edges,        30/60/90/120
            currency,                  USD
            default-late-fee-mode,     ALWAYS
            call-new-customer-days,    365
            call-new-customer-amount,  1000.00
            call-min-amount,           100.00
            call-small-share,          10
            """)
    void defaultsAreTheSpecValues(String setting, String expected) {
        CollectionPolicy p = CollectionPolicy.defaults();
        Object actual = switch (setting) {
            case "grace-days" -> p.graceDays();
            case "monthly-rate" -> p.monthlyRate();
            case "min-fee" -> p.minFee();
            case "max-fee-percent" -> p.maxFeePercent();
            case "habitual-late-count" -> p.habitualLateCount();
            case "good-standing-extra-days" -> p.goodStandingExtraDays();
            case "reminder-days" -> p.reminderDays();
            case "past-due-days" -> p.pastDueDays();
            case "final-demand-days" -> p.finalDemandDays();
            case "collections-days" -> p.collectionsDays();
            case "write-off-threshold" -> p.writeOffThreshold();
            case "write-off-days" -> p.writeOffDays();
            case "small-claims-limit" -> p.smallClaimsLimit();
            case "min-cycle-gap-days" -> p.minCycleGapDays();
            case "aging-bucket-edges" -> p.agingBucketEdges().stream().map(String::valueOf)
                    .collect(Collectors.joining("/"));
            case "currency" -> p.currency();
            case "default-late-fee-mode" -> p.defaultLateFeeMode();
            case "call-new-customer-days" -> p.callNewCustomerDays();
            case "call-new-customer-amount" -> p.callNewCustomerAmount();
            case "call-min-amount" -> p.callMinAmount();
            case "call-small-share" -> p.callSmallShare();
            default -> throw new IllegalArgumentException(setting);
        };
        if (actual instanceof BigDecimal amount) {
            assertThat(amount).isEqualByComparingTo(expected);
        } else {
            assertThat(String.valueOf(actual)).isEqualTo(expected);
        }
    }

    @DisplayName("the 730-day tenure and the 365-day late-payment window are fixed by the spec")
    @Test
    void fixedWindows() {
        assertThat(CollectionPolicy.GOOD_STANDING_TENURE_DAYS).isEqualTo(730);
        assertThat(CollectionPolicy.LATE_PAYMENT_WINDOW_DAYS).isEqualTo(365);
    }

    /** The defaults with one setting changed; the value is text as in a properties file. */
    static CollectionPolicy with(String setting, String value) {
        CollectionPolicy d = CollectionPolicy.defaults();
        Function<String, Integer> i = Integer::valueOf;
        Function<String, BigDecimal> m = BigDecimal::new;
        return new CollectionPolicy(
                setting.equals("grace-days") ? i.apply(value) : d.graceDays(),
                setting.equals("monthly-rate") ? m.apply(value) : d.monthlyRate(),
                setting.equals("min-fee") ? m.apply(value) : d.minFee(),
                setting.equals("max-fee-percent") ? m.apply(value) : d.maxFeePercent(),
                setting.equals("habitual-late-count") ? i.apply(value) : d.habitualLateCount(),
                setting.equals("good-standing-extra-days") ? i.apply(value) : d.goodStandingExtraDays(),
                setting.equals("reminder-days") ? i.apply(value) : d.reminderDays(),
                setting.equals("past-due-days") ? i.apply(value) : d.pastDueDays(),
                setting.equals("final-demand-days") ? i.apply(value) : d.finalDemandDays(),
                setting.equals("collections-days") ? i.apply(value) : d.collectionsDays(),
                setting.equals("write-off-threshold") ? m.apply(value) : d.writeOffThreshold(),
                setting.equals("write-off-days") ? i.apply(value) : d.writeOffDays(),
                setting.equals("small-claims-limit") ? m.apply(value) : d.smallClaimsLimit(),
                setting.equals("min-cycle-gap-days") ? i.apply(value) : d.minCycleGapDays(),
                setting.equals("aging-bucket-edges")
                        ? Arrays.stream(value.split("/")).map(Integer::valueOf).toList()
                        : d.agingBucketEdges(),
                setting.equals("currency") ? value : d.currency(),
                d.defaultLateFeeMode(),
                setting.equals("call-new-customer-days") ? i.apply(value) : d.callNewCustomerDays(),
                setting.equals("call-new-customer-amount") ? m.apply(value) : d.callNewCustomerAmount(),
                setting.equals("call-min-amount") ? m.apply(value) : d.callMinAmount(),
                setting.equals("call-small-share") ? m.apply(value) : d.callSmallShare());
    }

    @DisplayName("an impossible setting is refused with the setting's name in the message")
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(textBlock = """
            grace-days,               -1
            monthly-rate,             -0.01
            min-fee,                  -2.00
            max-fee-percent,          -1
            max-fee-percent,          100.01
            habitual-late-count,      -1
            good-standing-extra-days, -1
            reminder-days,            0
            past-due-days,            1
            final-demand-days,        31
            collections-days,         61
            write-off-threshold,      -0.01
            write-off-days,           -1
            small-claims-limit,       -1
            min-cycle-gap-days,       -1
            aging-bucket-edges,       30/60/90
            aging-bucket-edges,       30/60/60/120
            aging-bucket-edges,       0/60/90/120
            currency,                 usd
            currency,                 DOLLARS
            call-new-customer-days,   -1
            call-new-customer-amount, -0.01
            call-min-amount,          -100.00
            call-small-share,         -1
            call-small-share,         100.5
            """)
    void invalidSettingIsNamed(String setting, String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> with(setting, value))
                .withMessageContaining("arcycle.policy.")
                .withMessageContaining(setting)
                .withMessageContaining(value.split("/")[0]);
    }

    @DisplayName("edge values that are allowed")
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(textBlock = """
            grace-days,          0
            monthly-rate,        0
            max-fee-percent,     100
            min-cycle-gap-days,  0
            write-off-threshold, 0.00
            currency,            EUR
            aging-bucket-edges,  1/2/3/4
            call-new-customer-days, 0
            call-min-amount,     0.00
            call-small-share,    0
            call-small-share,    100
            """)
    void allowedEdgeValues(String setting, String value) {
        assertThatNoException().isThrownBy(() -> with(setting, value));
    }

    @DisplayName("aging bucket edges are copied, not shared")
    @Test
    void agingEdgesAreCopied() {
        assertThat(with("aging-bucket-edges", "30/60/90/120").agingBucketEdges()).isEqualTo(List.of(30, 60, 90, 120));
    }
}
