package com.arcycle.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.arcycle.batch.BulkInserter.Table;

/**
 * The text LOAD DATA reads: MySQL's default format (tab between fields, LF after a row, backslash
 * escapes), as Commons CSV's MySQL format writes it. That the database reads it back as given is checked on MariaDB by
 * BulkInserterOnMariaDbIntegrationTests.
 */
class BulkInserterTests {

    private static final Table TABLE = Table.of("t", "id", "text");

    private static String text(Object... row) {
        return new String(BulkInserter.tabSeparated(TABLE, List.<Object[]>of(row)), StandardCharsets.UTF_8);
    }

    // Java escapes in the value are decoded before the call; the expected text is as LOAD DATA sees it.
    @ParameterizedTest(name = "[{index}] {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            plain              | plain                 | no escaping
            ""                 | ""                    | empty stays empty
            tab\\there         | tab\\\\\\there        | a tab (a backslash before it)
            line\\nbreak       | line\\\\nbreak        | a line feed
            cr\\r\\n           | cr\\\\r\\\\n          | a carriage return and line feed
            back\\\\slash      | back\\\\\\\\slash     | a backslash is doubled
            \\\\N              | \\\\\\\\N             | the text \\N is not null
            nul\\0byte         | nul\\0byte            | a NUL character as it is
            Zoë – 東京 ✓        | Zoë – 東京 ✓           | other characters as they are (UTF-8)
            """)
    void textValuesAreEscaped(String value, String expected, String what) {
        assertThat(text("A-1", unescape(value))).as(what).isEqualTo("A-1\t" + unescape(expected) + "\n");
    }

    /** Java's escapes in the table above: \\t, \\n, \\r, \\0, \\\\. */
    private static String unescape(String value) {
        return value.translateEscapes();
    }

    @Test
    void nullsAreBackslashNAndOtherTypesAsMySqlReadsThem() {
        Table table = Table.of("t", "id", "amount", "day", "flag", "n", "big", "none");
        Object[] row = {"A-2", new BigDecimal("-0.50"), LocalDate.of(2024, 2, 29), false, 7, 12345678901L, null};

        String text = new String(BulkInserter.tabSeparated(table, List.of(row, row)), StandardCharsets.UTF_8);

        assertThat(text).isEqualTo("A-2\t-0.50\t2024-02-29\t0\t7\t12345678901\t\\N\n".repeat(2));
    }

    @Test
    void aValueOfAnotherTypeIsRefused() {
        assertThatThrownBy(() -> text("A-1", 1.5d)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Double");
    }

    @Test
    void aRowWithTheWrongNumberOfValuesIsRefused() {
        assertThatThrownBy(() -> text("A-1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("t has 2 columns; a row gave 1 values");
    }
}
