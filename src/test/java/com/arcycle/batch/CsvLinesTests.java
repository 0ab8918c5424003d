package com.arcycle.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exported text cells are safe to open in a spreadsheet (OWASP CSV injection). */
class CsvLinesTests {

    @DisplayName("a text cell that a spreadsheet would read as a formula gets a leading single quote")
    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "=HYPERLINK(""http://evil.example"",""click"")" | "'=HYPERLINK(""http://evil.example"",""click"")"
            "+1+cmd|' /C calc'!A0"                      | "'+1+cmd|' /C calc'!A0"
            -2+3                                          | '-2+3
            @SUM(A1:A9)                                   | '@SUM(A1:A9)
            Harbor Lane Services                          | Harbor Lane Services
            A=B                                           | A=B
            2026-01-31:REMINDER                           | 2026-01-31:REMINDER
            """)
    void formulaStartsAreNeutralised(String text, String cell) {
        assertThat(CsvLines.neutralised(text)).isEqualTo(cell);
    }

    @Test
    void tabAndCarriageReturnStartsAreNeutralisedAndTheEmptyTextStaysEmpty() {
        assertThat(CsvLines.neutralised("\tx")).isEqualTo("'\tx");
        assertThat(CsvLines.neutralised("\rx")).isEqualTo("'\rx");
        assertThat(CsvLines.neutralised("")).isEmpty();
    }

    @Test
    void aNeutralisedCellIsStillOneQuotedRfc4180Field() {
        assertThat(CsvLines.line(List.of(CsvLines.neutralised("=1,2"), "-12.50")))
                .isEqualTo("\"'=1,2\",-12.50");
    }
}
