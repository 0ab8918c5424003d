package com.arcycle.dunning;

import static com.arcycle.testing.TestLedger.date;
import static com.arcycle.testing.TestLedger.disputed;
import static com.arcycle.testing.TestLedger.fee;
import static com.arcycle.testing.TestLedger.invoice;
import static com.arcycle.testing.TestLedger.money;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.arcycle.ledger.OpenItem;
import com.arcycle.policy.CollectionPolicy;
import com.arcycle.domain.Money;

/** Rule 4 (dunning stage) and the rule 3 definitions it rests on. */
class DunningRulesTests {

    private final DunningRules rules = new DunningRules(CollectionPolicy.defaults());

    /** A customer of 2025-06-01: never in good standing before mid-2027. */
    private static final LocalDate NEW_CUSTOMER = date("2025-06-01");

    /** One open invoice of the given balance, {@code dpd} days past due on {@code c}. */
    static OpenItem invoiceDaysPastDue(String id, LocalDate c, int dpd, String balance) {
        String due = c.minusDays(dpd).toString();
        return invoice(id, c.minusDays(dpd + 30L).toString(), due, balance);
    }

    static DunningFacts facts(LocalDate c, LocalDate previousCycle, LocalDate customerSince, Stage previous,
            List<OpenItem> items) {
        return new DunningFacts(c, previousCycle, customerSince, previous, false, items, List.of(), List.of(),
                List.of(), Money.ZERO);
    }

    // ---- rule 3 definitions -------------------------------------------------------------------

    static Stream<Arguments> maxDpdCases() {
        LocalDate c = date("2026-01-31");
        return Stream.of(
                Arguments.of("no open item", List.of(), null),
                Arguments.of("one invoice due 2025-12-15", List.of(invoice("I-2001", "2025-11-15", "2025-12-15",
                        "1200.00")), 47),
                Arguments.of("the largest of two invoices",
                        List.of(invoice("I-1", "2026-01-01", "2026-01-14", "300.00"),
                                invoice("I-2", "2025-11-15", "2025-12-15", "100.00")), 47),
                Arguments.of("an invoice not yet due counts with its negative DPD",
                        List.of(invoice("I-1002", "2026-01-05", "2026-02-04", "500.00")), -4),
                Arguments.of("fee items are left out even when older",
                        List.of(fee("I-1", "2025-11-01", "18.00", "18.00"),
                                invoice("I-2", "2026-01-01", "2026-01-14", "300.00")), 17),
                Arguments.of("an invoice in dispute on C is left out",
                        List.of(disputed(invoice("I-5001", "2025-12-01", "2025-12-01", "800.00"), "2026-01-10", null),
                                invoice("I-2", "2026-01-01", "2026-01-14", "300.00")), 17),
                Arguments.of("only a disputed invoice: none",
                        List.of(disputed(invoice("I-5001", "2025-12-01", "2025-12-31", "800.00"), "2026-01-10",
                                "2026-03-15")), null),
                Arguments.of("dispute resolved on C: counted again",
                        List.of(disputed(invoice("I-5001", "2025-12-01", "2025-12-31", "800.00"), "2026-01-10",
                                "2026-01-31")), 31),
                Arguments.of("an invoice with balance 0 is not open",
                        List.of(invoice("I-1", "2025-10-01", "2025-10-31", "100.00", "0.00"),
                                invoice("I-2", "2026-01-01", "2026-01-14", "300.00")), 17));
    }

    @DisplayName("max_dpd: largest DPD of open invoices not in dispute on C, or none")
    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("maxDpdCases")
    void maxDpd(String why, List<OpenItem> items, Integer expected) {
        assertThat(DunningRules.maxDpd(items, date("2026-01-31"))).isEqualTo(expected);
    }

    static Stream<Arguments> pastDueCases() {
        return Stream.of(
                Arguments.of("A002 on 2026-03-02: invoice 800.00 (DPD 77) + fee 18.00 (DPD 30); today's fee (DPD 0) not",
                        List.of(invoice("I-2001", "2025-11-15", "2025-12-15", "1200.00", "800.00"),
                                fee("I-2001", "2026-01-31", "18.00", "18.00"),
                                fee("I-2001", "2026-03-02", "12.00", "12.00")),
                        "818.00"),
                Arguments.of("DPD 1 counts, DPD 0 does not",
                        List.of(invoice("I-1", "2026-02-01", "2026-03-01", "100.00"),
                                invoice("I-2", "2026-02-02", "2026-03-02", "200.00")),
                        "100.00"),
                Arguments.of("items in dispute on C are left out",
                        List.of(disputed(invoice("I-5001", "2025-12-01", "2025-12-31", "800.00"), "2026-01-10",
                                "2026-03-15"), invoice("I-2", "2026-01-01", "2026-01-31", "40.00")),
                        "40.00"),
                Arguments.of("nothing past due", List.of(), "0.00"));
    }

    @DisplayName("past_due_total: balances of open items of both kinds, not in dispute, with DPD > 0")
    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("pastDueCases")
    void pastDueTotal(String why, List<OpenItem> items, String expected) {
        assertThat(Money.format(DunningRules.pastDueTotal(items, date("2026-03-02")))).isEqualTo(expected);
    }

    @DisplayName("balance: all open balances minus unapplied credit")
    @ParameterizedTest(name = "items {0} and {1}, credit {2}: {3}")
    @CsvSource(textBlock = """
            500.00, 30.00,  0.00, 530.00
              0.00,  0.00, 50.00, -50.00
             35.00,  0.00,  0.00,  35.00
            """)
    void balance(String first, String second, String credit, String expected) {
        List<OpenItem> items = List.of(invoice("I-1", "2026-01-01", "2026-01-31", "500.00", first),
                fee("I-1", "2026-01-31", "30.00", second));
        assertThat(Money.format(DunningRules.balance(items, money(credit)))).isEqualTo(expected);
    }

    // ---- rule 4.1: paid late and good standing -----------------------------------------------

    @DisplayName("an invoice paid off in the window counts as paid late when paid off after due + 10 days")
    @ParameterizedTest(name = "due {0}, paid off {1}: counted {2}")
    @CsvSource(textBlock = """
            # due,      paid off,   counted
            2024-12-01, 2025-02-01, 1
            2026-01-01, 2026-01-31, 1
            2026-01-21, 2026-01-31, 0
            2026-01-20, 2026-01-31, 1
            2025-12-31, 2025-12-30, 0
            """)
    void latePaidGrace(LocalDate due, LocalDate paidOff, int expected) {
        assertThat(rules.latePaidCount(List.of(new PaidInvoice(due, paidOff)))).isEqualTo(expected);
    }

    @DisplayName("the late-payment window is the 365 days ending on the cycle date")
    @ParameterizedTest(name = "cycle {0}: from {1}")
    @CsvSource(textBlock = """
            2026-01-31, 2025-02-01
            2024-12-31, 2024-01-02
            2026-05-01, 2025-05-02
            """)
    void latePaymentWindow(LocalDate c, LocalDate start) {
        assertThat(DunningRules.latePaymentWindowStart(c)).isEqualTo(start);
    }

    @DisplayName("good standing: customer since C-730 days or earlier, and nothing paid late in the window")
    @ParameterizedTest(name = "customer since {0}, {1} paid late: good standing {2}")
    @CsvSource(textBlock = """
            # cycle 2026-01-31; C-730 = 2024-02-01 (2024 is a leap year)
            2024-02-01, 0, true
            2024-02-02, 0, false
            2024-01-31, 0, true
            2018-04-01, 0, true
            2018-04-01, 1, false
            2025-06-01, 0, false
            """)
    void goodStandingTenureAndPaidLate(LocalDate customerSince, int latePaid, boolean expected) {
        assertThat(rules.isGoodStanding(customerSince, latePaid, date("2026-01-31"))).isEqualTo(expected);
    }

    @DisplayName("worked example A001: paying I-1002 16 days late ends good standing")
    @ParameterizedTest(name = "paid off {0}: good standing {1}")
    @CsvSource(textBlock = """
            2026-02-14, true
            2026-02-15, false
            2026-02-20, false
            """)
    void paidLateEndsGoodStanding(LocalDate paidOff, boolean expected) {
        LocalDate c = date("2026-03-02");
        DunningFacts facts = new DunningFacts(c, date("2026-01-31"), date("2020-01-01"), Stage.NONE, false,
                List.of(), List.of(new PaidInvoice(date("2025-12-31"), date("2025-12-30")),
                        new PaidInvoice(date("2026-02-04"), paidOff)),
                List.of(), List.of(), Money.ZERO);
        assertThat(rules.decide(facts).goodStanding()).isEqualTo(expected);
    }

    // ---- rules 4.2 to 4.4: target stage ------------------------------------------------------

    @DisplayName("target stage from eff_dpd, with the good-standing 15 days and the write-off threshold for COLLECTIONS")
    @ParameterizedTest(name = "max_dpd {0}, good standing {1}, past due {2}: {3}")
    @CsvSource(textBlock = """
            # max_dpd, good standing, past_due_total, target
                     ,  false,   0.00, NONE
                   -4,  false,   0.00, NONE
                    0,  false, 100.00, NONE
                    1,  false, 100.00, REMINDER
                   30,  false, 100.00, REMINDER
                   31,  false, 100.00, PAST_DUE
                   60,  false, 100.00, PAST_DUE
                   61,  false, 100.00, FINAL_DEMAND
                   90,  false, 100.00, FINAL_DEMAND
                   91,  false, 100.00, COLLECTIONS
                   91,  false,  50.01, COLLECTIONS
                   91,  false,  50.00, FINAL_DEMAND
                  153,  false,  35.00, FINAL_DEMAND
                   10,  true,  700.00, NONE
                   15,  true,  700.00, NONE
                   16,  true,  700.00, REMINDER
                   45,  true,  700.00, REMINDER
                   46,  true,  700.00, PAST_DUE
                   92,  true, 3000.00, FINAL_DEMAND
                  105,  true, 3000.00, FINAL_DEMAND
                  106,  true, 3000.00, COLLECTIONS
                  106,  true,   50.00, FINAL_DEMAND
            """)
    void targetStage(Integer maxDpd, boolean goodStanding, BigDecimal pastDue, Stage expected) {
        assertThat(rules.targetStage(maxDpd, goodStanding, pastDue)).isEqualTo(expected);
    }

    // ---- rule 4.5: one step up, straight down --------------------------------------------------

    @DisplayName("pressure rises one step a cycle at most and falls at once when the customer pays")
    @ParameterizedTest(name = "previous {0}, max_dpd {1}, balance {2}: {3}")
    @CsvSource(textBlock = """
            # previous,   max_dpd, balance, stage
            NONE,              77,  800.00, REMINDER
            REMINDER,          77,  800.00, PAST_DUE
            REMINDER,         137,  800.00, PAST_DUE
            PAST_DUE,         137,  800.00, FINAL_DEMAND
            FINAL_DEMAND,     137,  800.00, COLLECTIONS
            FINAL_DEMAND,     137,   45.00, FINAL_DEMAND
            PAST_DUE,          40,  800.00, PAST_DUE
            FINAL_DEMAND,       5,  800.00, REMINDER
            FINAL_DEMAND,       0,  800.00, NONE
            PAST_DUE,          15,  800.00, REMINDER
            """)
    void oneStepEscalationImmediateDeEscalation(Stage previous, int maxDpd, String balance, Stage expected) {
        LocalDate c = date("2026-03-02");
        DunningFacts facts = facts(c, date("2026-01-31"), NEW_CUSTOMER, previous,
                List.of(invoiceDaysPastDue("I-1", c, maxDpd, balance)));
        DunningDecision decision = rules.decide(facts);
        assertThat(decision.stage()).isEqualTo(expected);
        assertThat(decision.previousStage()).isEqualTo(previous);
        assertThat(decision.maxDpd()).isEqualTo(maxDpd);
    }

    @DisplayName("an account that paid everything falls from FINAL_DEMAND straight to NONE")
    @Test
    void paidUpAccountFallsToNone() {
        DunningDecision decision = rules.decide(facts(date("2026-03-02"), date("2026-01-31"), NEW_CUSTOMER,
                Stage.FINAL_DEMAND, List.of()));
        assertThat(decision.stage()).isEqualTo(Stage.NONE);
        assertThat(decision.maxDpd()).isNull();
        assertThat(Money.format(decision.pastDueTotal())).isEqualTo("0.00");
    }

    // ---- rules 4.5 and 4.6: promises ------------------------------------------------------------

    @DisplayName("promise state: active while it stands, kept when paid in time, broken once after its date")
    @ParameterizedTest(name = "[{index}] created {0}, promised {1}, receipts [{3}], C {4}, previous {5}: {6}")
    @CsvSource(textBlock = """
            # created,  promised,   amount,  receipts (date:amount;...),          C,          previous,   state
            2026-02-05, 2026-03-15, 1000.00, ,                                    2026-03-02, 2026-01-31, ACTIVE
            2026-02-05, 2026-03-15, 1000.00, 2026-02-10:400.00;2026-03-01:599.99, 2026-03-02, 2026-01-31, ACTIVE
            2026-02-05, 2026-03-15, 1000.00, 2026-02-10:400.00;2026-03-01:600.00, 2026-03-02, 2026-01-31, NONE
            2026-02-05, 2026-03-15, 1000.00, 2026-02-04:1000.00,                  2026-03-02, 2026-01-31, ACTIVE
            2026-03-02, 2026-03-15, 1000.00, ,                                    2026-03-02, 2026-01-31, ACTIVE
            2026-02-05, 2026-03-02, 1000.00, ,                                    2026-03-02, 2026-01-31, ACTIVE
            2026-03-05, 2026-03-20, 1000.00, ,                                    2026-03-02, 2026-01-31, NONE
            2026-02-05, 2026-03-15, 1000.00, 2026-03-10:1000.00,                  2026-04-01, 2026-03-02, NONE
            2026-02-05, 2026-03-15, 1000.00, 2026-03-15:1000.00,                  2026-04-01, 2026-03-02, NONE
            2026-02-05, 2026-03-15, 1000.00, 2026-03-10:600.00,                   2026-04-01, 2026-03-02, BROKEN
            2026-02-05, 2026-03-15, 1000.00, 2026-03-16:1000.00,                  2026-04-01, 2026-03-02, BROKEN
            2026-02-05, 2026-02-20, 1000.00, ,                                    2026-03-02, 2026-01-31, BROKEN
            2026-02-05, 2026-02-20, 1000.00, ,                                    2026-04-01, 2026-03-02, NONE
            2026-02-05, 2026-03-02, 1000.00, ,                                    2026-04-01, 2026-03-02, NONE
            2026-02-05, 2026-03-03, 1000.00, ,                                    2026-04-01, 2026-03-02, BROKEN
            2026-02-05, 2026-03-31, 1000.00, ,                                    2026-04-01, 2026-03-02, BROKEN
            2025-12-01, 2025-12-20,  500.00, ,                                    2026-01-31,           , BROKEN
            """)
    void promiseState(LocalDate created, LocalDate promised, String amount, String receipts, LocalDate c,
            LocalDate previous, PromiseState expected) {
        List<Receipt> paid = new ArrayList<>();
        if (receipts != null) {
            for (String r : receipts.split(";")) {
                String[] parts = r.split(":");
                paid.add(new Receipt(date(parts[0]), money(parts[1])));
            }
        }
        List<Promise> promises = List.of(new Promise(created, promised, money(amount)));
        assertThat(DunningRules.stateOf(DunningRules.active(promises, paid, c),
                DunningRules.broken(promises, paid, c, previous))).isEqualTo(expected);
    }

    @DisplayName("the promise a statement names, with what was paid towards it: to C while it stands, to its date once broken")
    @ParameterizedTest(name = "[{index}] C {0}: {1} promised {2}, received {3}")
    @CsvSource(textBlock = """
            # C,        state,  promised,   received
            2026-03-02, ACTIVE, 2026-03-15, 400.00
            2026-04-01, BROKEN, 2026-03-15, 700.00
            """)
    void thePromiseNamedAndWhatWasReceived(LocalDate c, PromiseState state, LocalDate promised, String received) {
        // 400 on 2026-02-10, 300 on the promised date, 250 after it: a broken promise counts up to its date.
        List<Receipt> paid = List.of(new Receipt(date("2026-02-10"), money("400.00")),
                new Receipt(date("2026-03-15"), money("300.00")), new Receipt(date("2026-03-20"), money("250.00")));
        DunningDecision decision = rules.decide(new DunningFacts(c, c.minusDays(30), date("2024-11-01"), Stage.REMINDER,
                false, List.of(), List.of(), List.of(new Promise(date("2026-02-05"), promised, money("1000.00"))),
                paid, Money.ZERO));
        assertThat(decision.promise()).isEqualTo(state);
        PromiseStanding named = state == PromiseState.ACTIVE ? decision.activePromise() : decision.brokenPromise();
        assertThat(named.promise().promisedDate()).isEqualTo(promised);
        assertThat(named.received()).isEqualByComparingTo(received);
    }

    @DisplayName("while a promise is active the stage never escalates, but it still falls")
    @ParameterizedTest(name = "previous {0}, max_dpd {1}, received {2}: {3} ({4})")
    @CsvSource(textBlock = """
            # previous,  max_dpd, received since promise, stage,      promise
            REMINDER,      91,       0.00, REMINDER,     ACTIVE
            REMINDER,      91,     999.99, REMINDER,     ACTIVE
            REMINDER,      91,    1000.00, PAST_DUE,     NONE
            NONE,          91,       0.00, NONE,         ACTIVE
            PAST_DUE,      15,       0.00, REMINDER,     ACTIVE
            FINAL_DEMAND,   0,       0.00, NONE,         ACTIVE
            """)
    void promiseHoldsTheStage(Stage previous, int maxDpd, String received, Stage expected, PromiseState promise) {
        LocalDate c = date("2026-03-02");
        List<Receipt> receipts = money(received).signum() == 0 ? List.of()
                : List.of(new Receipt(date("2026-02-20"), money(received)));
        DunningFacts facts = new DunningFacts(c, date("2026-01-31"), date("2024-11-01"), previous, false,
                List.of(invoiceDaysPastDue("I-6001", c, maxDpd, "2000.00")), List.of(),
                List.of(new Promise(date("2026-02-05"), date("2026-03-15"), money("1000.00"))), receipts,
                Money.ZERO);
        DunningDecision decision = rules.decide(facts);
        assertThat(decision.stage()).isEqualTo(expected);
        assertThat(decision.promise()).isEqualTo(promise);
    }

    @DisplayName("a broken promise changes no figure: the stage escalates as without a promise")
    @Test
    void brokenPromiseChangesNoFigure() {
        LocalDate c = date("2026-04-01");
        DunningFacts facts = new DunningFacts(c, date("2026-03-02"), date("2024-11-01"), Stage.REMINDER, false,
                List.of(invoiceDaysPastDue("I-6001", c, 121, "2000.00")), List.of(),
                List.of(new Promise(date("2026-02-05"), date("2026-03-15"), money("1000.00"))), List.of(),
                Money.ZERO);
        DunningDecision decision = rules.decide(facts);
        assertThat(decision.promise()).isEqualTo(PromiseState.BROKEN);
        assertThat(decision.stage()).isEqualTo(Stage.PAST_DUE);
    }

    // ---- rule 4.7 -----------------------------------------------------------------------------

    @DisplayName("an account referred in an earlier cycle stays COLLECTIONS whatever its figures")
    @ParameterizedTest(name = "max_dpd {0}")
    @CsvSource({"5", "0", "200"})
    void referredEarlierStaysInCollections(int maxDpd) {
        LocalDate c = date("2026-06-01");
        DunningFacts facts = new DunningFacts(c, date("2026-05-01"), NEW_CUSTOMER, Stage.COLLECTIONS, true,
                List.of(invoiceDaysPastDue("I-2001", c, maxDpd, "842.00")), List.of(), List.of(), List.of(),
                Money.ZERO);
        DunningDecision decision = rules.decide(facts);
        assertThat(decision.stage()).isEqualTo(Stage.COLLECTIONS);
        assertThat(decision.referredEarlier()).isTrue();
    }

    // ---- worked example -----------------------------------------------------------------------

    static Stream<Arguments> workedExample() {
        return Stream.of(
                Arguments.of("A010 2026-01-31: in good standing, 10 days past due stays NONE",
                        new DunningFacts(date("2026-01-31"), null, date("2018-04-01"), Stage.NONE, false,
                                List.of(invoice("I-10001", "2025-12-22", "2026-01-21", "700.00")), List.of(),
                                List.of(), List.of(), Money.ZERO),
                        Stage.NONE, 10, "700.00", true),
                Arguments.of("A010 as a newer customer (since 2025-01-01) gets a reminder",
                        new DunningFacts(date("2026-01-31"), null, date("2025-01-01"), Stage.NONE, false,
                                List.of(invoice("I-10001", "2025-12-22", "2026-01-21", "700.00")), List.of(),
                                List.of(), List.of(), Money.ZERO),
                        Stage.REMINDER, 10, "700.00", false),
                Arguments.of("A004 2026-01-31: good standing, 92 DPD, target FINAL_DEMAND, one step to REMINDER",
                        new DunningFacts(date("2026-01-31"), null, date("2023-09-01"), Stage.NONE, false,
                                List.of(invoice("I-4001", "2025-10-01", "2025-10-31", "3000.00")), List.of(),
                                List.of(), List.of(), Money.ZERO),
                        Stage.REMINDER, 92, "3000.00", true),
                Arguments.of("A002 2026-05-01: FINAL_DEMAND to COLLECTIONS with 842.00 past due",
                        new DunningFacts(date("2026-05-01"), date("2026-04-01"), date("2025-06-01"),
                                Stage.FINAL_DEMAND, false,
                                List.of(invoice("I-2001", "2025-11-15", "2025-12-15", "1200.00", "800.00"),
                                        fee("I-2001", "2026-01-31", "18.00", "18.00"),
                                        fee("I-2001", "2026-03-02", "12.00", "12.00"),
                                        fee("I-2001", "2026-04-01", "12.00", "12.00")),
                                List.of(), List.of(), List.of(), Money.ZERO),
                        Stage.COLLECTIONS, 137, "842.00", false),
                Arguments.of("A005 2026-03-02: only invoice in dispute, no max_dpd, NONE",
                        new DunningFacts(date("2026-03-02"), date("2026-01-31"), date("2022-02-01"), Stage.NONE,
                                false,
                                List.of(disputed(invoice("I-5001", "2025-12-01", "2025-12-31", "800.00"),
                                        "2026-01-10", "2026-03-15")),
                                List.of(), List.of(), List.of(), Money.ZERO),
                        Stage.NONE, null, "0.00", true),
                Arguments.of("A003 2026-01-31: 35.00 at 153 DPD: target capped at FINAL_DEMAND, one step to REMINDER",
                        new DunningFacts(date("2026-01-31"), null, date("2024-03-15"), Stage.NONE, false,
                                List.of(invoice("I-3001", "2025-08-01", "2025-08-31", "35.00")), List.of(),
                                List.of(), List.of(), Money.ZERO),
                        Stage.REMINDER, 153, "35.00", false));
    }

    @DisplayName("worked example decisions")
    @ParameterizedTest(name = "{0}")
    @MethodSource("workedExample")
    void workedExampleDecisions(String why, DunningFacts facts, Stage stage, Integer maxDpd, String pastDue,
            boolean goodStanding) {
        DunningDecision decision = rules.decide(facts);
        assertThat(decision.stage()).isEqualTo(stage);
        assertThat(decision.maxDpd()).isEqualTo(maxDpd);
        assertThat(Money.format(decision.pastDueTotal())).isEqualTo(pastDue);
        assertThat(decision.goodStanding()).isEqualTo(goodStanding);
    }
}
