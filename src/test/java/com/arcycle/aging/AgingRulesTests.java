package com.arcycle.aging;

import static com.arcycle.testing.TestLedger.date;
import static com.arcycle.testing.TestLedger.disputed;
import static com.arcycle.testing.TestLedger.fee;
import static com.arcycle.testing.TestLedger.invoice;
import static com.arcycle.testing.TestLedger.money;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.arcycle.ledger.OpenItem;
import com.arcycle.policy.CollectionPolicy;
import com.arcycle.domain.Money;

/** Rule 7: aged receivables. */
class AgingRulesTests {

    private final AgingRules rules = new AgingRules(CollectionPolicy.defaults());

    /** "current d1_30 d31_60 d61_90 d91_120 d121_plus | in_dispute credit total", like a row of the file. */
    static String row(AgedBalance b) {
        return String.join(" ", Money.format(b.current()), Money.format(b.days1To30()), Money.format(b.days31To60()),
                Money.format(b.days61To90()), Money.format(b.days91To120()), Money.format(b.days121Plus())) + " | "
                + String.join(" ", Money.format(b.inDispute()), Money.format(b.unappliedCredit()),
                        Money.format(b.total()));
    }

    @DisplayName("bucket edges: current <= 0, 1-30, 31-60, 61-90, 91-120, 121+")
    @ParameterizedTest(name = "DPD {0}: {1}")
    @CsvSource(textBlock = """
            # DPD, bucket row of a 100.00 item
             -30, 100.00 0.00 0.00 0.00 0.00 0.00 | 0.00 0.00 100.00
               0, 100.00 0.00 0.00 0.00 0.00 0.00 | 0.00 0.00 100.00
               1, 0.00 100.00 0.00 0.00 0.00 0.00 | 0.00 0.00 100.00
              30, 0.00 100.00 0.00 0.00 0.00 0.00 | 0.00 0.00 100.00
              31, 0.00 0.00 100.00 0.00 0.00 0.00 | 0.00 0.00 100.00
              60, 0.00 0.00 100.00 0.00 0.00 0.00 | 0.00 0.00 100.00
              61, 0.00 0.00 0.00 100.00 0.00 0.00 | 0.00 0.00 100.00
              90, 0.00 0.00 0.00 100.00 0.00 0.00 | 0.00 0.00 100.00
              91, 0.00 0.00 0.00 0.00 100.00 0.00 | 0.00 0.00 100.00
             120, 0.00 0.00 0.00 0.00 100.00 0.00 | 0.00 0.00 100.00
             121, 0.00 0.00 0.00 0.00 0.00 100.00 | 0.00 0.00 100.00
             500, 0.00 0.00 0.00 0.00 0.00 100.00 | 0.00 0.00 100.00
            """)
    void bucketEdges(int dpd, String expected) {
        LocalDate c = date("2026-04-01");
        OpenItem item = invoice("I-1", "2024-01-01", c.minusDays(dpd).toString(), "100.00");
        assertThat(row(rules.age(List.of(item), Money.ZERO, c))).isEqualTo(expected);
    }

    static Stream<Arguments> accounts() {
        return Stream.of(
                Arguments.of("A002 2026-04-01: invoice 107 DPD, fees 60, 30 and 0 DPD", "2026-04-01",
                        List.of(invoice("I-2001", "2025-11-15", "2025-12-15", "1200.00", "800.00"),
                                fee("I-2001", "2026-01-31", "18.00", "18.00"),
                                fee("I-2001", "2026-03-02", "12.00", "12.00"),
                                fee("I-2001", "2026-04-01", "12.00", "12.00")),
                        "0.00", "12.00 12.00 18.00 0.00 800.00 0.00 | 0.00 0.00 842.00"),
                Arguments.of("A005 2026-03-02: an item in dispute is still aged and shown on its own", "2026-03-02",
                        List.of(disputed(invoice("I-5001", "2025-12-01", "2025-12-31", "800.00"), "2026-01-10",
                                "2026-03-15")),
                        "0.00", "0.00 0.00 0.00 800.00 0.00 0.00 | 800.00 0.00 800.00"),
                Arguments.of("A005 2026-04-01: dispute resolved, no longer in the dispute column", "2026-04-01",
                        List.of(disputed(invoice("I-5001", "2025-12-01", "2025-12-31", "800.00"), "2026-01-10",
                                "2026-03-15"), fee("I-5001", "2026-04-01", "12.00", "12.00")),
                        "0.00", "12.00 0.00 0.00 0.00 800.00 0.00 | 0.00 0.00 812.00"),
                Arguments.of("A007 2026-01-31: only unapplied credit, subtracted in the total", "2026-01-31",
                        List.of(), "50.00", "0.00 0.00 0.00 0.00 0.00 0.00 | 0.00 50.00 -50.00"),
                Arguments.of("items with balance 0 are not aged", "2026-01-31",
                        List.of(invoice("I-1001", "2025-12-01", "2025-12-31", "1000.00", "0.00"),
                                invoice("I-1002", "2026-01-05", "2026-02-04", "500.00")),
                        "0.00", "500.00 0.00 0.00 0.00 0.00 0.00 | 0.00 0.00 500.00"));
    }

    @DisplayName("aged receivables of an account")
    @ParameterizedTest(name = "{0}")
    @MethodSource("accounts")
    void agedAccount(String why, String cycleDate, List<OpenItem> items, String credit, String expected) {
        assertThat(row(rules.age(items, money(credit), date(cycleDate)))).isEqualTo(expected);
    }

    @DisplayName("bucket edges are settings: with edges 15, 45, 75, 105")
    @ParameterizedTest(name = "DPD {0}: {1}")
    @CsvSource(textBlock = """
              15, 0.00 100.00 0.00 0.00 0.00 0.00 | 0.00 0.00 100.00
              16, 0.00 0.00 100.00 0.00 0.00 0.00 | 0.00 0.00 100.00
              45, 0.00 0.00 100.00 0.00 0.00 0.00 | 0.00 0.00 100.00
              76, 0.00 0.00 0.00 0.00 100.00 0.00 | 0.00 0.00 100.00
             105, 0.00 0.00 0.00 0.00 100.00 0.00 | 0.00 0.00 100.00
             106, 0.00 0.00 0.00 0.00 0.00 100.00 | 0.00 0.00 100.00
            """)
    void bucketEdgesAreSettings(int dpd, String expected) {
        CollectionPolicy d = CollectionPolicy.defaults();
        CollectionPolicy policy = new CollectionPolicy(d.graceDays(), d.monthlyRate(), d.minFee(), d.maxFeePercent(),
                d.habitualLateCount(), d.goodStandingExtraDays(), d.reminderDays(), d.pastDueDays(),
                d.finalDemandDays(), d.collectionsDays(), d.writeOffThreshold(), d.writeOffDays(),
                d.smallClaimsLimit(), d.minCycleGapDays(), List.of(15, 45, 75, 105), d.currency(),
                d.defaultLateFeeMode());
        LocalDate c = date("2026-04-01");
        OpenItem item = invoice("I-1", "2024-01-01", c.minusDays(dpd).toString(), "100.00");
        assertThat(row(new AgingRules(policy).age(List.of(item), BigDecimal.ZERO.setScale(2), c)))
                .isEqualTo(expected);
    }
}
