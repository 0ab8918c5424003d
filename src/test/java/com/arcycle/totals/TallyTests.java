package com.arcycle.totals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** A tally is a count and an amount of money as the rules make it. */
class TallyTests {

    @Test
    void aTallyHoldsMoneyOfScaleTwoAndNoNegativeCount() {
        assertThat(new Tally(2, new BigDecimal("1.50")).amount()).isEqualByComparingTo("1.50");
        assertThatThrownBy(() -> new Tally(1, new BigDecimal("1.5"))).hasMessageContaining("scale 2");
        assertThatThrownBy(() -> new Tally(-1, new BigDecimal("1.50"))).hasMessageContaining("negative");
    }
}
