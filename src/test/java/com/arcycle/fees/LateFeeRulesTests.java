package com.arcycle.fees;

import static com.arcycle.testing.TestLedger.date;
import static com.arcycle.testing.TestLedger.disputed;
import static com.arcycle.testing.TestLedger.fee;
import static com.arcycle.testing.TestLedger.invoice;
import static com.arcycle.testing.TestLedger.money;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.arcycle.dunning.DunningFacts;
import com.arcycle.dunning.DunningRules;
import com.arcycle.dunning.PaidInvoice;
import com.arcycle.dunning.Stage;
import com.arcycle.ledger.OpenItem;
import com.arcycle.policy.CollectionPolicy;
import com.arcycle.policy.LateFeeMode;
import com.arcycle.domain.Money;

/** Rule 5: late fees. */
class LateFeeRulesTests {

    private final LateFeeRules rules = new LateFeeRules(CollectionPolicy.defaults());

    static FeeFacts facts(String cycleDate, List<OpenItem> items, Map<String, BigDecimal> charged) {
        return new FeeFacts(date(cycleDate), LateFeeMode.ALWAYS, 0, false, false, false, items, charged);
    }

    /** "fee_id invoice basis amount" per fee, joined by "; ". */
    static String describe(List<LateFee> fees) {
        return fees.stream().map(f -> f.feeId() + " " + f.invoiceNumber() + " " + Money.format(f.basis()) + " "
                + Money.format(f.amount())).collect(Collectors.joining("; "));
    }

    static String text(String cell) {
        return cell == null ? "" : cell;
    }

    @DisplayName("grace days: a fee only when DPD > 10")
    @ParameterizedTest(name = "due {0} (DPD {1} on 2026-01-31): [{2}]")
    @CsvSource(textBlock = """
            # due,      DPD, fee made
            2026-01-31,   0,
            2026-01-21,  10,
            2026-01-20,  11, LF-I-1-20260131 I-1 1200.00 18.00
            2025-12-15,  47, LF-I-1-20260131 I-1 1200.00 18.00
            """)
    void graceDayBoundary(String due, int dpd, String expected) {
        OpenItem item = invoice("I-1", "2025-12-01", due, "1200.00");
        assertThat(item.dpd(date("2026-01-31"))).isEqualTo(dpd);
        assertThat(describe(rules.assess(facts("2026-01-31", List.of(item), Map.of())))).isEqualTo(text(expected));
    }

    @DisplayName("fee = max(2.00, round HALF_UP(balance x 1.5%)), cut to what is left of 20% of the original amount")
    @ParameterizedTest(name = "balance {0}, original {1}, already charged {2}: fee {3}")
    @CsvSource(textBlock = """
            # balance, original, already charged, fee
            1200.00,   1200.00,     0.00,  18.00
             800.00,   1200.00,    18.00,  12.00
            3000.00,   3000.00,    90.00,  45.00
            1234.50,   1234.50,     0.00,  18.52
             163.00,    163.00,     0.00,   2.45
             163.33,    163.33,     0.00,   2.45
             140.00,    140.00,     0.00,   2.10
             133.33,    133.33,     0.00,   2.00
              30.00,     80.00,     0.00,   2.00
               0.01,    100.00,     0.00,   2.00
             100.00,    100.00,    18.00,   2.00
             100.00,    100.00,    19.00,   1.00
             100.00,    100.00,    19.99,   0.01
             100.00,    100.00,    20.00,   0.00
             100.00,    100.00,    25.00,   0.00
            3000.00,   3000.00,   585.00,  15.00
            3000.00,   3000.00,   600.00,   0.00
              10.03,     10.03,     2.00,   0.01
              10.02,     10.02,     2.00,   0.00
              10.00,     10.00,     0.00,   2.00
               9.99,      9.99,     0.00,   2.00
               9.97,      9.97,     0.00,   1.99
            """)
    void feeAmountMinimumRoundingAndCap(String balance, String original, String charged, String expected) {
        assertThat(Money.format(rules.feeAmount(money(balance), money(original), money(charged))))
                .isEqualTo(expected);
    }

    @DisplayName("cap cut and exhausted cap through assess: the cut fee is made, no fee item when nothing is left")
    @ParameterizedTest(name = "already charged {0} on a 100.00 invoice: [{1}]")
    @CsvSource(textBlock = """
             0.00, LF-I-9-20260401 I-9 100.00 2.00
            19.00, LF-I-9-20260401 I-9 100.00 1.00
            20.00,
            """)
    void capCutAndExhaustedCap(String charged, String expected) {
        OpenItem item = invoice("I-9", "2025-10-01", "2025-10-31", "100.00");
        List<LateFee> fees = rules.assess(facts("2026-04-01", List.of(item), Map.of("I-9", money(charged))));
        assertThat(describe(fees)).isEqualTo(text(expected));
    }

    @DisplayName("account conditions: fee mode, collections, write-off, active promise")
    @ParameterizedTest(name = "mode {0}, paid late {1}, collections {2}, written off {3}, promise {4}: charged {5}")
    @CsvSource(textBlock = """
            # mode,   paid late, collections, written off, promise active, charged
            ALWAYS,   0, false, false, false, true
                  ,   0, false, false, false, true
            NEVER,    0, false, false, false, false
            NEVER,    5, false, false, false, false
            HABITUAL, 0, false, false, false, false
            HABITUAL, 1, false, false, false, false
            HABITUAL, 2, false, false, false, true
            HABITUAL, 3, false, false, false, true
            ALWAYS,   0, true,  false, false, false
            ALWAYS,   0, false, true,  false, false
            ALWAYS,   0, false, false, true,  false
            HABITUAL, 2, false, false, true,  false
            """)
    void accountConditions(LateFeeMode mode, int latePaid, boolean collections, boolean writtenOff,
            boolean promiseActive, boolean charged) {
        OpenItem item = invoice("I-8003", "2025-12-15", "2026-01-14", "300.00");
        FeeFacts facts = new FeeFacts(date("2026-01-31"), mode, latePaid, collections, writtenOff, promiseActive,
                List.of(item), Map.of());
        assertThat(rules.accountIsCharged(facts)).isEqualTo(charged);
        assertThat(describe(rules.assess(facts)))
                .isEqualTo(charged ? "LF-I-8003-20260131 I-8003 300.00 4.50" : "");
    }

    @DisplayName("HABITUAL: charged when 2 of the invoices paid off in C-364 .. C were paid late (the window's edges:"
            + " DunningStepIntegrationTests)")
    @ParameterizedTest(name = "paid late: due {0} paid {1}, due {2} paid {3}: charged {4}")
    @CsvSource(textBlock = """
            # due,      paid off,   due,        paid off,   charged
            2025-01-01, 2025-02-01, 2025-12-31, 2026-01-31, true
            2025-05-01, 2025-05-12, 2025-06-01, 2025-06-11, false
            2025-05-01, 2025-05-12, 2025-06-01, 2025-06-12, true
            """)
    void habitualWindowFromPaidOffDates(LocalDate due1, LocalDate paid1, LocalDate due2, LocalDate paid2,
            boolean charged) {
        LocalDate c = date("2026-01-31");
        OpenItem open = invoice("I-8003", "2025-12-15", "2026-01-14", "300.00");
        int latePaid = new DunningRules(CollectionPolicy.defaults()).decide(new DunningFacts(c, null,
                date("2024-01-01"), Stage.NONE, false, List.of(open),
                List.of(new PaidInvoice(due1, paid1), new PaidInvoice(due2, paid2)), List.of(), List.of(),
                Money.ZERO)).latePaidCount();
        FeeFacts facts = new FeeFacts(c, LateFeeMode.HABITUAL, latePaid, false, false, false, List.of(open),
                Map.of());
        assertThat(describe(rules.assess(facts))).isEqualTo(charged ? "LF-I-8003-20260131 I-8003 300.00 4.50" : "");
    }

    @DisplayName("a disputed invoice is not charged while in dispute on C; resolved on C, it is")
    @ParameterizedTest(name = "cycle {0}: [{1}]")
    @CsvSource(textBlock = """
            2026-03-02,
            2026-03-14,
            2026-03-15, LF-I-5001-20260315 I-5001 800.00 12.00
            2026-04-01, LF-I-5001-20260401 I-5001 800.00 12.00
            """)
    void disputedInvoice(String cycleDate, String expected) {
        OpenItem item = disputed(invoice("I-5001", "2025-12-01", "2025-12-31", "800.00"), "2026-01-10",
                "2026-03-15");
        assertThat(describe(rules.assess(facts(cycleDate, List.of(item), Map.of())))).isEqualTo(text(expected));
    }

    static Stream<Arguments> accounts() {
        return Stream.of(
                Arguments.of("A002 2026-03-02: one fee on the invoice's balance after payment; fee items are never charged",
                        "2026-03-02",
                        List.of(fee("I-2001", "2026-01-31", "18.00", "18.00"),
                                invoice("I-2001", "2025-11-15", "2025-12-15", "1200.00", "800.00")),
                        Map.of("I-2001", money("18.00")), "LF-I-2001-20260302 I-2001 800.00 12.00"),
                Arguments.of("two invoices: fees in FIFO order; a paid-off invoice and a not-yet-late one get none",
                        "2026-04-01",
                        List.of(invoice("I-2", "2026-02-01", "2026-03-03", "250.00"),
                                invoice("I-3", "2026-03-01", "2026-03-25", "90.00"),
                                invoice("I-0", "2025-12-01", "2025-12-31", "500.00", "0.00"),
                                invoice("I-1", "2025-12-01", "2026-01-15", "1000.00", "600.00")),
                        Map.of(), "LF-I-1-20260401 I-1 600.00 9.00; LF-I-2-20260401 I-2 250.00 3.75"),
                Arguments.of("A007 2026-04-01: 30.00 left on I-7002 (DPD 15) gets the minimum fee",
                        "2026-04-01", List.of(invoice("I-7002", "2026-02-15", "2026-03-17", "80.00", "30.00")),
                        Map.of(), "LF-I-7002-20260401 I-7002 30.00 2.00"));
    }

    @DisplayName("fees of an account")
    @ParameterizedTest(name = "{0}")
    @MethodSource("accounts")
    void feesOfAnAccount(String why, String cycleDate, List<OpenItem> items, Map<String, BigDecimal> charged,
            String expected) {
        assertThat(describe(rules.assess(facts(cycleDate, items, charged)))).isEqualTo(expected);
    }

    @DisplayName("fee id is LF-<invoice_number>-<yyyyMMdd of the cycle date>")
    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource(textBlock = """
            I-2001,  2026-01-31, LF-I-2001-20260131
            I-10001, 2026-03-02, LF-I-10001-20260302
            INV 7,   2026-12-05, LF-INV 7-20261205
            """)
    void feeIdFormat(String invoiceNumber, LocalDate cycleDate, String expected) {
        assertThat(LateFeeRules.feeId(invoiceNumber, cycleDate)).isEqualTo(expected);
    }

    @DisplayName("settings change the figures: grace 5 days, rate 2%, min 1.00, cap 10%")
    @ParameterizedTest(name = "due {0}, balance {1}, charged {2}: [{3}]")
    @CsvSource(textBlock = """
            2026-01-26, 500.00,  0.00,
            2026-01-25, 500.00,  0.00, LF-I-1-20260131 I-1 500.00 10.00
            2026-01-25,  20.00,  0.00, LF-I-1-20260131 I-1 20.00 1.00
            2026-01-25, 500.00, 45.00, LF-I-1-20260131 I-1 500.00 5.00
            """)
    void policySettingsAreUsed(String due, String balance, String charged, String expected) {
        CollectionPolicy d = CollectionPolicy.defaults();
        CollectionPolicy policy = new CollectionPolicy(5, new BigDecimal("0.02"), new BigDecimal("1.00"),
                new BigDecimal("10"), d.habitualLateCount(), d.goodStandingExtraDays(), d.reminderDays(),
                d.pastDueDays(), d.finalDemandDays(), d.collectionsDays(), d.writeOffThreshold(), d.writeOffDays(),
                d.smallClaimsLimit(), d.minCycleGapDays(), d.agingBucketEdges(), d.currency(),
                d.defaultLateFeeMode());
        OpenItem item = invoice("I-1", "2025-12-01", due, "500.00", balance);
        List<LateFee> fees = new LateFeeRules(policy)
                .assess(facts("2026-01-31", List.of(item), Map.of("I-1", money(charged))));
        assertThat(describe(fees)).isEqualTo(text(expected));
    }
}
