package com.arcycle.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.arcycle.calls.CallListRules.Ranked;
import com.arcycle.dunning.Stage;
import com.arcycle.policy.CollectionPolicy;

/** Rule 8: who is considered, the four reasons, the good-standing exception, the ranking. */
class CallListRulesTests {

    private static final LocalDate C = LocalDate.parse("2026-05-01");

    private final CallListRules rules = new CallListRules(CollectionPolicy.defaults());

    /** A long-standing customer (ten years) unless the row says otherwise. */
    private static CallFacts facts(Stage stage, boolean broken, String customerSince, String pastDue,
            boolean goodStanding, String invoiced365) {
        return new CallFacts(stage, false, false, false, broken, LocalDate.parse(customerSince),
                new BigDecimal(pastDue), goodStanding, new BigDecimal(invoiced365));
    }

    private String reasons(CallFacts facts) {
        return rules.reasons(facts, C).stream().map(Enum::name).collect(Collectors.joining(";"));
    }

    @DisplayName("each reason alone and together, in the rule's order")
    @ParameterizedTest(name = "[{index}] {0}, broken {1}, since {2}, past due {3}, good standing {4}, invoiced {5}: {6}")
    @CsvSource(textBlock = """
            # stage,      broken, customer_since, past_due, good,  invoiced_365, reasons
            REMINDER,     true,   2016-01-01,       50.00,  false,     50.00, PROMISE_BROKEN
            FINAL_DEMAND, false,  2016-01-01,       50.00,  false,     50.00, FINAL_DEMAND
            REMINDER,     false,  2026-01-01,     1000.00,  false,   1000.00, NEW_CUSTOMER
            PAST_DUE,     false,  2016-01-01,      100.00,  false,    100.00, PAST_DUE
            FINAL_DEMAND, true,   2026-01-01,     5000.00,  false,   5000.00, PROMISE_BROKEN;FINAL_DEMAND;NEW_CUSTOMER
            PAST_DUE,     true,   2026-01-01,     5000.00,  false,   5000.00, PROMISE_BROKEN;NEW_CUSTOMER;PAST_DUE
            PAST_DUE,     false,  2026-01-01,     1200.00,  false,   1200.00, NEW_CUSTOMER;PAST_DUE
            FINAL_DEMAND, false,  2026-01-01,     1200.00,  false,   1200.00, FINAL_DEMAND;NEW_CUSTOMER
            REMINDER,     false,  2016-01-01,     5000.00,  false,   5000.00, ''
            NONE,         true,   2026-01-01,     5000.00,  false,   5000.00, ''
            COLLECTIONS,  false,  2016-01-01,     5000.00,  false,   5000.00, ''
            COLLECTIONS,  true,   2016-01-01,     5000.00,  false,   5000.00, PROMISE_BROKEN
            """)
    void reasonsAloneAndTogether(Stage stage, boolean broken, String since, String pastDue, boolean good,
            String invoiced, String expected) {
        assertThat(reasons(facts(stage, broken, since, pastDue, good, invoiced))).isEqualTo(expected);
    }

    @DisplayName("NEW_CUSTOMER: customer_since after C - 365 days, and past_due_total at least 1000.00")
    @ParameterizedTest(name = "customer since {0}, past due {1}: new customer {2}")
    @CsvSource(textBlock = """
            # C = 2026-05-01; C - 365 days = 2025-05-01
            2025-05-02, 1000.00, true
            2025-05-01, 1000.00, false
            2025-04-30, 5000.00, false
            2026-05-01, 1000.00, true
            2025-05-02,  999.99, false
            """)
    void newCustomerEdge(String since, String pastDue, boolean called) {
        String got = reasons(facts(Stage.REMINDER, false, since, pastDue, false, pastDue));
        assertThat(got).isEqualTo(called ? "NEW_CUSTOMER" : "");
    }

    @DisplayName("PAST_DUE: past_due_total at least call-min-amount (100.00)")
    @ParameterizedTest(name = "past due {0}: called {1}")
    @CsvSource(textBlock = """
            100.00, true
             99.99, false
            100.01, true
              0.00, false
            """)
    void callMinimum(String pastDue, boolean called) {
        String got = reasons(facts(Stage.PAST_DUE, false, "2016-01-01", pastDue, false, "100000.00"));
        assertThat(got).isEqualTo(called ? "PAST_DUE" : "");
    }

    @DisplayName("PAST_DUE: an account in good standing owing less than 10 % of invoiced_365 is not phoned")
    @ParameterizedTest(name = "past due {0} of invoiced {1}, good standing {2}: called {3}")
    @CsvSource(textBlock = """
            # past_due, invoiced_365, good, called
            1000.00,  10000.00, true,  true
             999.99,  10000.00, true,  false
            1000.01,  10000.00, true,  true
             999.99,  10000.00, false, true
             100.00,   1000.00, true,  true
             100.00,   1000.01, true,  false
             150.00,      0.00, true,  true
            """)
    void smallShareEdge(String pastDue, String invoiced, boolean good, boolean called) {
        String got = reasons(facts(Stage.PAST_DUE, false, "2016-01-01", pastDue, good, invoiced));
        assertThat(got).isEqualTo(called ? "PAST_DUE" : "");
    }

    @DisplayName("the good-standing exception removes PAST_DUE only, not the other reasons")
    @Test
    void exceptionRemovesPastDueOnly() {
        assertThat(reasons(facts(Stage.PAST_DUE, true, "2016-01-01", "500.00", true, "100000.00")))
                .isEqualTo("PROMISE_BROKEN");
    }

    @DisplayName("not considered: referred (this cycle or earlier), written off this cycle, a promise active on C")
    @ParameterizedTest(name = "referred {0}, written off {1}, promise active {2}: considered {3}")
    @CsvSource(textBlock = """
            false, false, false, true
            true,  false, false, false
            false, true,  false, false
            false, false, true,  false
            """)
    void whoIsConsidered(boolean referred, boolean writtenOff, boolean promiseActive, boolean considered) {
        CallFacts facts = new CallFacts(Stage.FINAL_DEMAND, referred, writtenOff, promiseActive, true,
                LocalDate.parse("2026-01-01"), new BigDecimal("5000.00"), false, new BigDecimal("5000.00"));
        assertThat(rules.considered(facts)).isEqualTo(considered);
        assertThat(reasons(facts)).isEqualTo(considered ? "PROMISE_BROKEN;FINAL_DEMAND;NEW_CUSTOMER" : "");
    }

    @DisplayName("the call-list settings are used: another minimum, share and new-customer window")
    @Test
    void settingsAreUsed() {
        CollectionPolicy d = CollectionPolicy.defaults();
        CollectionPolicy other = new CollectionPolicy(d.graceDays(), d.monthlyRate(), d.minFee(), d.maxFeePercent(),
                d.habitualLateCount(), d.goodStandingExtraDays(), d.reminderDays(), d.pastDueDays(),
                d.finalDemandDays(), d.collectionsDays(), d.writeOffThreshold(), d.writeOffDays(),
                d.smallClaimsLimit(), d.minCycleGapDays(), d.agingBucketEdges(), d.currency(), d.defaultLateFeeMode(),
                30, new BigDecimal("200.00"), new BigDecimal("50.00"), new BigDecimal("50"));
        CallListRules custom = new CallListRules(other);
        // new within 30 days with 200.00 past due
        assertThat(custom.reasons(facts(Stage.REMINDER, false, "2026-04-02", "200.00", false, "200.00"), C))
                .containsExactly(CallReason.NEW_CUSTOMER);
        assertThat(custom.reasons(facts(Stage.REMINDER, false, "2026-04-01", "200.00", false, "200.00"), C))
                .isEmpty();
        // 50.00 minimum; 50 % share for an account in good standing
        assertThat(custom.reasons(facts(Stage.PAST_DUE, false, "2016-01-01", "50.00", false, "50.00"), C))
                .containsExactly(CallReason.PAST_DUE);
        assertThat(custom.reasons(facts(Stage.PAST_DUE, false, "2016-01-01", "499.99", true, "1000.00"), C))
                .isEmpty();
        assertThat(custom.reasons(facts(Stage.PAST_DUE, false, "2016-01-01", "500.00", true, "1000.00"), C))
                .containsExactly(CallReason.PAST_DUE);
    }

    @DisplayName("ranking: by reason in the rule's order, then past_due_total from the largest, then account_number")
    @Test
    void rankingTies() {
        List<Ranked> rows = new ArrayList<>(Arrays.asList(
                ranked("PAST_DUE", "5000.00", "A001"),
                ranked("FINAL_DEMAND", "100.00", "B002"),
                ranked("FINAL_DEMAND", "100.00", "B001"),
                ranked("PROMISE_BROKEN", "10.00", "Z999"),
                ranked("NEW_CUSTOMER", "1000.00", "C001"),
                ranked("FINAL_DEMAND", "900.00", "B009"),
                ranked("PAST_DUE", "5000.00", "a001"),
                ranked("PAST_DUE", "5000.00", "A0010"),
                ranked("PAST_DUE", "5000.00", "\u00c9001")));
        rows.sort(CallListRules.RANK_ORDER);
        assertThat(rows.stream().map(Ranked::accountNumber).toList())
                .containsExactly("Z999", "B009", "B001", "B002", "C001", "A001", "A0010", "a001", "\u00c9001");
    }

    private static Ranked ranked(String reason, String pastDue, String account) {
        return new Ranked(CallReason.valueOf(reason), new BigDecimal(pastDue), account);
    }

    @DisplayName("the past year for invoiced_365 is C-364 .. C")
    @Test
    void pastYear() {
        assertThat(CallListRules.pastYearStart(C)).isEqualTo(LocalDate.parse("2025-05-02"));
    }
}
