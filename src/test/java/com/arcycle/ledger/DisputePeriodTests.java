package com.arcycle.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rule 1: in dispute on D when opened_date <= D and (no resolved_date or resolved_date > D). */
class DisputePeriodTests {

    @DisplayName("an invoice is in dispute from its opened date up to the day before it is resolved")
    @ParameterizedTest(name = "opened {0}, resolved {1}: in dispute on {2} is {3}")
    @CsvSource(textBlock = """
            # opened,  resolved,   date,       in dispute
            2026-01-10,           , 2026-01-09, false
            2026-01-10,           , 2026-01-10, true
            2026-01-10,           , 2030-12-31, true
            2026-01-10, 2026-03-15, 2026-01-10, true
            2026-01-10, 2026-03-15, 2026-03-02, true
            2026-01-10, 2026-03-15, 2026-03-14, true
            2026-01-10, 2026-03-15, 2026-03-15, false
            2026-01-10, 2026-03-15, 2026-04-01, false
            2026-01-10, 2026-01-10, 2026-01-10, false
            """)
    void disputeCoversOpenedDateButNotResolvedDate(LocalDate opened, LocalDate resolved, LocalDate day,
            boolean expected) {
        assertThat(new DisputePeriod(opened, resolved).covers(day)).isEqualTo(expected);
    }
}
