package com.arcycle.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rule 3: the cycle-date guard. */
class CycleDateRuleTests {

    /** Today, for the rows that are not about it: later than every date they ask for. */
    private static final LocalDate TODAY = LocalDate.parse("2026-12-01");

    @DisplayName("allowed: first cycle, 28 days or more after the last one, or the restart of the unfinished cycle")
    @ParameterizedTest(name = "last completed {0}, unfinished {1}, requested {2}: allowed")
    @CsvSource(textBlock = """
            # last,     unfinished, requested
                      ,           , 2026-01-31
            2026-01-31,           , 2026-02-28
            2026-01-31,           , 2026-03-02
            2024-02-01,           , 2024-02-29
            2026-01-31, 2026-03-02, 2026-03-02
                      , 2026-01-31, 2026-01-31
            """)
    void allowedCycleDates(LocalDate last, LocalDate unfinished, LocalDate requested) {
        assertThat(new CycleDateRule(28).refusal(requested, new CycleHistory(last, unfinished), TODAY)).isEmpty();
    }

    @DisplayName("refused with a message naming the dates and the next allowed date")
    @ParameterizedTest(name = "last completed {0}, unfinished {1}, requested {2}: refused")
    @CsvSource(delimiter = '|', textBlock = """
            # last     | unfinished | requested  | the message says
            2026-01-31 |            | 2026-02-27 | 2026-02-27;27 days;2026-01-31;min-cycle-gap-days is 28;2026-02-28 or later
            2026-01-31 |            | 2026-02-01 | 2026-02-01;1 days;2026-01-31;2026-02-28 or later
            2026-01-31 |            | 2026-01-31 | 2026-01-31;already completed;2026-02-28 or later
            2026-01-31 |            | 2026-01-15 | 2026-01-15;before the last completed cycle 2026-01-31;2026-02-28 or later
            2024-02-01 |            | 2024-02-28 | 2024-02-28;2024-02-29 or later
            2026-01-31 | 2026-03-02 | 2026-04-01 | 2026-03-02 has not completed;restart;2026-04-01
            2026-01-31 | 2026-03-02 | 2026-03-05 | 2026-03-02 has not completed;restart;2026-03-05
            """)
    void refusedCycleDates(LocalDate last, LocalDate unfinished, LocalDate requested, String mentions) {
        Optional<String> refusal = new CycleDateRule(28).refusal(requested, new CycleHistory(last, unfinished), TODAY);
        assertThat(refusal).isPresent();
        assertThat(refusal.get()).contains(mentions.split(";"));
    }

    @DisplayName("the gap is a setting: with 0 days any later date runs, the same date is still refused")
    @ParameterizedTest(name = "requested {0}: refused {1}")
    @CsvSource(textBlock = """
            2026-01-30, true
            2026-01-31, true
            2026-02-01, false
            """)
    void gapIsASetting(LocalDate requested, boolean refused) {
        CycleHistory history = new CycleHistory(LocalDate.parse("2026-01-31"), null);
        assertThat(new CycleDateRule(0).refusal(requested, history, TODAY).isPresent()).isEqualTo(refused);
    }

    @DisplayName("a cycle date later than today is refused, whatever the history; today itself runs")
    @ParameterizedTest(name = "today {0}, last completed {1}, unfinished {2}, requested {3}: refused {4}")
    @CsvSource(textBlock = """
            # today,    last,       unfinished, requested,  refused
            2026-12-01,           ,           , 2026-12-01, false
            2026-12-01,           ,           , 2026-12-02, true
            2026-12-01, 2026-10-31,           , 2062-01-31, true
            2026-12-01, 2026-10-31, 2026-12-31, 2026-12-31, true
            2026-12-01, 2026-10-31,           , 2026-11-30, false
            2026-02-28, 2026-01-31,           , 2026-02-28, false
            """)
    void cycleDatesLaterThanTodayAreRefused(LocalDate today, LocalDate last, LocalDate unfinished,
            LocalDate requested, boolean refused) {
        Optional<String> refusal = new CycleDateRule(28).refusal(requested, new CycleHistory(last, unfinished), today);
        assertThat(refusal.isPresent()).isEqualTo(refused);
        refusal.ifPresent(message -> assertThat(message).contains(requested + " is later than today (" + today + ")"));
    }
}
