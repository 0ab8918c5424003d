package com.arcycle.collections;

import static com.arcycle.testing.TestLedger.date;
import static com.arcycle.testing.TestLedger.disputed;
import static com.arcycle.testing.TestLedger.fee;
import static com.arcycle.testing.TestLedger.ids;
import static com.arcycle.testing.TestLedger.invoice;
import static com.arcycle.testing.TestLedger.money;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.arcycle.dunning.Stage;
import com.arcycle.ledger.OpenItem;
import com.arcycle.policy.CollectionPolicy;
import com.arcycle.domain.Money;

/** Rule 6: write-offs, collections referrals and service suspension. */
class CollectionsRulesTests {

    private final CollectionsRules rules = new CollectionsRules(CollectionPolicy.defaults());

    static DispositionFacts facts(Stage previous, Stage stage, boolean referredEarlier, Integer maxDpd,
            String balance, boolean recurring, List<OpenItem> items) {
        return new DispositionFacts(date("2026-05-01"), previous, stage, referredEarlier, maxDpd, money(balance),
                recurring, items);
    }

    @DisplayName("write-off: not in collections, 0 < balance <= 50.00 and max_dpd >= 120; otherwise the usual action")
    @ParameterizedTest(name = "stage {0}, referred earlier {1}, max_dpd {2}, balance {3}: {4}")
    @CsvSource(textBlock = """
            # stage,      referred earlier, max_dpd, balance, action
            REMINDER,     false, 153,  35.00, WRITTEN_OFF
            REMINDER,     false, 120,  50.00, WRITTEN_OFF
            FINAL_DEMAND, false, 150,  45.00, WRITTEN_OFF
            NONE,         false, 120,   0.01, WRITTEN_OFF
            REMINDER,     false, 119,  50.00, STATEMENT
            REMINDER,     false, 120,  50.01, STATEMENT
            REMINDER,     false, 120,   0.00, STATEMENT
            REMINDER,     false, 120, -10.00, STATEMENT
            NONE,         false,    ,  30.00, NONE
            NONE,         false,  -4,  30.00, NONE
            COLLECTIONS,  true,  200,  40.00, NONE
            PAST_DUE,     false,  45,  34.00, STATEMENT
            """)
    void writeOffOrNot(Stage stage, boolean referredEarlier, Integer maxDpd, String balance, Action expected) {
        List<OpenItem> items = List.of(invoice("I-3001", "2025-08-01", "2025-08-31", "60.00", "35.00"));
        Disposition d = rules.decide(facts(Stage.NONE, stage, referredEarlier, maxDpd, balance, false, items));
        assertThat(d.action()).isEqualTo(expected);
        assertThat(ids(d.writtenOff())).isEqualTo(expected == Action.WRITTEN_OFF ? "I-3001" : "");
        assertThat(d.referred()).isEmpty();
    }

    @DisplayName("a write-off takes every open item not in dispute, with its balance; the disputed one stays")
    @Test
    void writeOffLeavesDisputedItems() {
        List<OpenItem> items = List.of(
                disputed(invoice("I-3002", "2025-09-01", "2025-10-01", "10.00"), "2025-10-05", null),
                fee("I-3001", "2026-01-31", "2.00", "2.00"),
                invoice("I-3001", "2025-08-01", "2025-08-31", "35.00", "30.00"));
        Disposition d = rules.decide(facts(Stage.REMINDER, Stage.REMINDER, false, 243, "42.00", false, items));
        assertThat(d.action()).isEqualTo(Action.WRITTEN_OFF);
        assertThat(d.writtenOff()).extracting(i -> i.itemId() + "=" + Money.format(i.balance()))
                .containsExactly("I-3001=30.00", "LF-I-3001-20260131=2.00");
    }

    @DisplayName("referral: stage COLLECTIONS for the first time; SMALL_CLAIMS up to 2500.00, AGENCY above")
    @ParameterizedTest(name = "invoice balance {0} + fee 45.00 = {1}: {2}")
    @CsvSource(textBlock = """
            # invoice balance, referred total, recommended
            2455.00, 2500.00, SMALL_CLAIMS
            2455.01, 2500.01, AGENCY
             797.00,  842.00, SMALL_CLAIMS
            3090.00, 3135.00, AGENCY
            """)
    void referralAndSmallClaimsLimit(String invoiceBalance, String total, RecommendedAction expected) {
        List<OpenItem> items = List.of(invoice("I-4001", "2025-10-01", "2025-10-31", "3500.00", invoiceBalance),
                fee("I-4001", "2026-01-31", "45.00", "45.00"));
        Disposition d = rules.decide(facts(Stage.FINAL_DEMAND, Stage.COLLECTIONS, false, 182, total, false, items));
        assertThat(d.action()).isEqualTo(Action.REFERRED);
        assertThat(Money.format(d.referredTotal())).isEqualTo(total);
        assertThat(d.recommendedAction()).isEqualTo(expected);
        assertThat(d.writtenOff()).isEmpty();
    }

    @DisplayName("worked example A002 2026-05-01: four items referred, oldest first, with their DPD; disputed one left out")
    @Test
    void referredItemsOfA002() {
        List<OpenItem> items = List.of(fee("I-2001", "2026-04-01", "12.00", "12.00"),
                fee("I-2001", "2026-03-02", "12.00", "12.00"),
                disputed(invoice("I-2002", "2026-01-01", "2026-01-31", "100.00"), "2026-02-01", null),
                invoice("I-2001", "2025-11-15", "2025-12-15", "1200.00", "800.00"),
                fee("I-2001", "2026-01-31", "18.00", "18.00"));
        Disposition d = rules.decide(facts(Stage.FINAL_DEMAND, Stage.COLLECTIONS, false, 137, "942.00", false,
                items));
        assertThat(d.referred()).extracting(r -> r.item().itemId() + " " + Money.format(r.item().balance()) + " " + r.dpd())
                .containsExactly("I-2001 800.00 137", "LF-I-2001-20260131 18.00 90", "LF-I-2001-20260302 12.00 60",
                        "LF-I-2001-20260401 12.00 30");
        assertThat(Money.format(d.referredTotal())).isEqualTo("842.00");
        assertThat(d.recommendedAction()).isEqualTo(RecommendedAction.SMALL_CLAIMS);
    }

    @DisplayName("an account referred in an earlier cycle is not referred again and gets no statement")
    @Test
    void referredEarlierIsNotReferredAgain() {
        List<OpenItem> items = List.of(invoice("I-2001", "2025-11-15", "2025-12-15", "1200.00", "800.00"));
        Disposition d = rules.decide(facts(Stage.COLLECTIONS, Stage.COLLECTIONS, true, 167, "800.00", false, items));
        assertThat(d.action()).isEqualTo(Action.NONE);
        assertThat(d.referred()).isEmpty();
        assertThat(d.recommendedAction()).isNull();
    }

    @DisplayName("service suspension: recurring service, previous FINAL_DEMAND, now FINAL_DEMAND or COLLECTIONS")
    @ParameterizedTest(name = "recurring {0}, previous {1}, stage {2}: suspend {3}")
    @CsvSource(textBlock = """
            true,  FINAL_DEMAND, FINAL_DEMAND, true
            true,  FINAL_DEMAND, COLLECTIONS,  true
            true,  FINAL_DEMAND, PAST_DUE,     false
            true,  FINAL_DEMAND, NONE,         false
            true,  PAST_DUE,     FINAL_DEMAND, false
            true,  COLLECTIONS,  COLLECTIONS,  false
            false, FINAL_DEMAND, COLLECTIONS,  false
            false, FINAL_DEMAND, FINAL_DEMAND, false
            """)
    void serviceSuspension(boolean recurring, Stage previous, Stage stage, boolean expected) {
        boolean referredEarlier = previous == Stage.COLLECTIONS;
        List<OpenItem> items = List.of(invoice("I-4001", "2025-10-01", "2025-10-31", "3000.00"));
        Disposition d = rules.decide(facts(previous, stage, referredEarlier, 182, "3135.00", recurring, items));
        assertThat(d.suspend()).isEqualTo(expected);
    }

    @DisplayName("an account is sent a statement from REMINDER up")
    @ParameterizedTest(name = "stage {0}: {1}")
    @CsvSource(textBlock = """
            NONE,         NONE
            REMINDER,     STATEMENT
            PAST_DUE,     STATEMENT
            FINAL_DEMAND, STATEMENT
            """)
    void statementAction(Stage stage, Action expected) {
        List<OpenItem> items = List.of(invoice("I-1", "2026-01-01", "2026-02-01", "700.00"));
        assertThat(rules.decide(facts(Stage.NONE, stage, false, 89, "700.00", false, items)).action())
                .isEqualTo(expected);
    }

    @DisplayName("settings change the limits: write-off threshold 100.00 / 90 days, small-claims 1000.00")
    @ParameterizedTest(name = "stage {0}, max_dpd {1}, balance {2}: {3} {4}")
    @CsvSource(textBlock = """
            REMINDER,     90, 100.00, WRITTEN_OFF,
            REMINDER,     89, 100.00, STATEMENT,
            COLLECTIONS, 120, 1000.00, REFERRED, SMALL_CLAIMS
            COLLECTIONS, 120, 1000.01, REFERRED, AGENCY
            """)
    void policySettingsAreUsed(Stage stage, int maxDpd, String balance, Action action, RecommendedAction recommended) {
        CollectionPolicy d = CollectionPolicy.defaults();
        CollectionPolicy policy = new CollectionPolicy(d.graceDays(), d.monthlyRate(), d.minFee(), d.maxFeePercent(),
                d.habitualLateCount(), d.goodStandingExtraDays(), d.reminderDays(), d.pastDueDays(),
                d.finalDemandDays(), d.collectionsDays(), new BigDecimal("100.00"), 90, new BigDecimal("1000.00"),
                d.minCycleGapDays(), d.agingBucketEdges(), d.currency(), d.defaultLateFeeMode());
        List<OpenItem> items = List.of(invoice("I-1", "2025-10-01", "2025-10-31", "2000.00", balance));
        Disposition result = new CollectionsRules(policy)
                .decide(facts(Stage.FINAL_DEMAND, stage, false, maxDpd, balance, false, items));
        assertThat(result.action()).isEqualTo(action);
        assertThat(result.recommendedAction()).isEqualTo(recommended);
    }
}
