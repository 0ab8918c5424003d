package com.arcycle.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The spec's string order: UTF-8 bytes (a binary collation). */
class Utf8OrderTests {

    @DisplayName("orders strings by their UTF-8 bytes")
    @ParameterizedTest(name = "\"{0}\" before \"{1}\"")
    @CsvSource(textBlock = """
            I-10,          I-9
            B,             a
            Z,             a
            A,             AB
            P-0001,        P-001
            z,             \u00e9
            \u00e9,        \u20ac
            \uff5e,        \ud83d\ude00
            A\uff5e,       A\ud83d\ude00
            """)
    void ordersByUtf8Bytes(String first, String second) {
        // The expectation is checked against the bytes themselves, so the table cannot be wrong silently.
        assertThat(Arrays.compareUnsigned(first.getBytes(StandardCharsets.UTF_8),
                second.getBytes(StandardCharsets.UTF_8))).isNegative();
        assertThat(Utf8Order.INSTANCE.compare(first, second)).isNegative();
        assertThat(Utf8Order.INSTANCE.compare(second, first)).isPositive();
    }

    @DisplayName("equal strings compare equal")
    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource({"I-2001", "\ud83d\ude00", "''"})
    void equalStrings(String s) {
        assertThat(Utf8Order.INSTANCE.compare(s, new String(s))).isZero();
    }
}
