package com.arcycle.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StageTests {

    @DisplayName("one step up the ladder; COLLECTIONS is the top")
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            NONE,         REMINDER
            REMINDER,     PAST_DUE
            PAST_DUE,     FINAL_DEMAND
            FINAL_DEMAND, COLLECTIONS
            COLLECTIONS,  COLLECTIONS
            """)
    void nextStage(Stage stage, Stage expected) {
        assertThat(stage.next()).isEqualTo(expected);
    }

    @DisplayName("min is the lower of two stages in escalating order")
    @ParameterizedTest(name = "min({0}, {1}) = {2}")
    @CsvSource(textBlock = """
            NONE,         COLLECTIONS,  NONE
            COLLECTIONS,  REMINDER,     REMINDER
            PAST_DUE,     FINAL_DEMAND, PAST_DUE
            FINAL_DEMAND, PAST_DUE,     PAST_DUE
            PAST_DUE,     PAST_DUE,     PAST_DUE
            """)
    void minStage(Stage a, Stage b, Stage expected) {
        assertThat(Stage.min(a, b)).isEqualTo(expected);
    }
}
