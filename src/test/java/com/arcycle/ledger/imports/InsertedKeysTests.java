package com.arcycle.ledger.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InsertedKeysTests {

    /** Every key added is found; of as many keys never added, at most the given number are taken for added. */
    @ParameterizedTest
    @CsvSource({
        "1, 0",
        "10000, 0",
        "1000000, 2000", // about 1 in 1,800 at a million keys
    })
    void findsEveryKeyAddedAndFewOthers(int added, int falsePositivesAtMost) {
        InsertedKeys keys = new InsertedKeys();
        IntStream.range(0, added).forEach(i -> keys.add("N" + i));

        assertThat(IntStream.range(0, added).filter(i -> !keys.mayContain("N" + i)).count()).isZero();
        assertThat(IntStream.range(0, added).filter(i -> keys.mayContain("M" + i)).count())
                .isLessThanOrEqualTo(falsePositivesAtMost);
    }

    @ParameterizedTest
    @CsvSource({"a", "A1|2026-01-01", "Ünïcödé", "''"})
    void aKeyIsFoundOnlyOnceAdded(String key) {
        InsertedKeys keys = new InsertedKeys();
        assertThat(keys.mayContain(key)).isFalse();
        keys.add(key);
        assertThat(keys.mayContain(key)).isTrue();
    }
}
