package com.arcycle.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The arcycle.policy.* settings as the application binds them at start-up. */
class PolicySettingsTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(PolicyConfiguration.class);

    @Test
    void withNoSettingsThePolicyIsTheSpecsDefaults() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            CollectionPolicy policy = started.getBean(CollectionPolicy.class);
            assertThat(policy).isEqualTo(CollectionPolicy.defaults());
            assertThat(policy.graceDays()).isEqualTo(10);
            assertThat(policy.monthlyRate()).isEqualByComparingTo("0.015");
            assertThat(policy.minFee()).isEqualByComparingTo("2.00");
            assertThat(policy.maxFeePercent()).isEqualByComparingTo("20");
            assertThat(policy.habitualLateCount()).isEqualTo(2);
            assertThat(policy.goodStandingExtraDays()).isEqualTo(15);
            assertThat(List.of(policy.reminderDays(), policy.pastDueDays(), policy.finalDemandDays(),
                    policy.collectionsDays())).containsExactly(1, 31, 61, 91);
            assertThat(policy.writeOffThreshold()).isEqualByComparingTo("50.00");
            assertThat(policy.writeOffDays()).isEqualTo(120);
            assertThat(policy.smallClaimsLimit()).isEqualByComparingTo("2500.00");
            assertThat(policy.minCycleGapDays()).isEqualTo(28);
            assertThat(policy.agingBucketEdges()).containsExactly(30, 60, 90, 120);
            assertThat(policy.currency()).isEqualTo("USD");
            assertThat(policy.defaultLateFeeMode()).isEqualTo(LateFeeMode.ALWAYS);
            assertThat(policy.callNewCustomerDays()).isEqualTo(365);
            assertThat(policy.callNewCustomerAmount()).isEqualByComparingTo("1000.00");
            assertThat(policy.callMinAmount()).isEqualByComparingTo("100.00");
            assertThat(policy.callSmallShare()).isEqualByComparingTo("10");
        });
    }

    @Test
    void settingsOverrideTheDefaults() {
        context.withPropertyValues("arcycle.policy.grace-days=5", "arcycle.policy.monthly-rate=0.02",
                "arcycle.policy.aging-bucket-edges=15,45,75,105", "arcycle.policy.default-late-fee-mode=habitual")
                .run(started -> {
                    CollectionPolicy policy = started.getBean(CollectionPolicy.class);
                    assertThat(policy.graceDays()).isEqualTo(5);
                    assertThat(policy.monthlyRate()).isEqualByComparingTo(new BigDecimal("0.02"));
                    assertThat(policy.agingBucketEdges()).containsExactly(15, 45, 75, 105);
                    assertThat(policy.defaultLateFeeMode()).isEqualTo(LateFeeMode.HABITUAL);
                });
    }

    @ParameterizedTest(name = "{0} stops the program: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            arcycle.policy.monthly-rate=-0.015         | setting arcycle.policy.monthly-rate = -0.015: must not be negative
            arcycle.policy.default-late-fee-mode=OFTEN | setting arcycle.policy.default-late-fee-mode = OFTEN: unknown fee mode, expected one of [ALWAYS, NEVER, HABITUAL]
            arcycle.policy.min-fee=-1                  | setting arcycle.policy.min-fee = -1: must not be negative
            arcycle.policy.call-min-amount=-5          | setting arcycle.policy.call-min-amount = -5: must not be negative
            arcycle.policy.call-small-share=150        | setting arcycle.policy.call-small-share = 150: is a percentage and must be at most 100
            arcycle.policy.max-fee-percent=120         | setting arcycle.policy.max-fee-percent = 120: must be at most 100
            arcycle.policy.grace-days=-1               | setting arcycle.policy.grace-days = -1: must not be negative
            arcycle.policy.past-due-days=95            | reminder-days < past-due-days < final-demand-days < collections-days must hold
            arcycle.policy.aging-bucket-edges=30,20,90,120 | setting arcycle.policy.aging-bucket-edges = [30, 20, 90, 120]: must be positive and increasing
            arcycle.policy.currency=dollars            | setting arcycle.policy.currency = dollars: must be a three-letter ISO 4217 code such as USD
            """)
    void anImpossibleSettingStopsTheProgramWithAMessageNamingIt(String setting, String message) {
        context.withPropertyValues(setting).run(started -> {
            assertThat(started).hasFailed();
            Throwable root = started.getStartupFailure();
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertThat(root).hasMessageContaining(message);
        });
    }
}
