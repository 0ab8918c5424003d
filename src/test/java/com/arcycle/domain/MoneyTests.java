package com.arcycle.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTests {

    @DisplayName("parse: a plain decimal with at most 2 fraction digits, kept as cents")
    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(textBlock = """
            1234.50, 1234.50
            12,      12.00
            0.5,     0.50
            .5,      0.50
            35.00,   35.00
            0.01,    0.01
            -3.10,   -3.10
            """)
    void parsesPlainAmounts(String text, String expected) {
        BigDecimal value = Money.parse(text);
        assertThat(value.scale()).isEqualTo(2);
        assertThat(value.toPlainString()).isEqualTo(expected);
    }

    @DisplayName("parse refuses what is not a plain decimal with at most 2 fraction digits")
    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"1.234", "0.001", "1,234.50", "1 234.50", "1e3", "1E+3", "", "abc", "$12.00",
            "12.3.4", "12,50", "0x10"})
    void refusesWhatIsNotAnAmount(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.parse(text));
    }

    @DisplayName("parse refuses three written fraction digits even when the last is 0 (\"1.500\" may be 1500 written European style)")
    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"1.500", "1234.500", "12.000"})
    void refusesThreeWrittenFractionDigits(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.parse(text));
    }

    @DisplayName("format: two fraction digits, no grouping, no exponent")
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            1234.5, 1234.50
            1E+3,   1000.00
            0,      0.00
            -50,    -50.00
            1234567.89, 1234567.89
            """)
    void formats(String value, String expected) {
        assertThat(Money.format(new BigDecimal(value))).isEqualTo(expected);
    }

    @DisplayName("format never rounds silently: an amount with more than 2 digits is a bug")
    @Test
    void formatRefusesUnroundedAmounts() {
        assertThatThrownBy(() -> Money.format(new BigDecimal("1.005"))).isInstanceOf(ArithmeticException.class);
    }

    @DisplayName("round: HALF_UP to cents")
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            2.445,    2.45
            2.444,    2.44
            18.5175,  18.52
            0.005,    0.01
            0.004999, 0.00
            2.4449,   2.44
            -0.125,   -0.13
            12,       12.00
            """)
    void roundsHalfUp(String value, String expected) {
        assertThat(Money.round(new BigDecimal(value)).toPlainString()).isEqualTo(expected);
    }

    @DisplayName("min, max and isPositive compare values, not scales")
    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource(textBlock = """
            # a,   b,      min,   max
            2.00,  2.45,   2.00,  2.45
            2.5,   2.50,   2.5,   2.5
            -1.00, 0.00,   -1.00, 0.00
            """)
    void minMax(String a, String b, String min, String max) {
        assertThat(Money.min(new BigDecimal(a), new BigDecimal(b))).isEqualByComparingTo(min);
        assertThat(Money.max(new BigDecimal(a), new BigDecimal(b))).isEqualByComparingTo(max);
    }

    @DisplayName("isPositive")
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"0.01, true", "0.00, false", "-0.01, false"})
    void isPositive(String value, boolean expected) {
        assertThat(Money.isPositive(new BigDecimal(value))).isEqualTo(expected);
    }
}
