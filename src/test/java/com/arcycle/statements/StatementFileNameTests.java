package com.arcycle.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.arcycle.domain.BadLedgerData;

/** A statement's file name is safe whatever the account number holds, and gives the account number back. */
class StatementFileNameTests {

    @DisplayName("unsafe characters are encoded as %XX of their UTF-8 bytes; the name reads back to the account")
    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # account number     | file name
            A001                 | A001.pdf
            acme-2024_07.b       | acme-2024_07.b.pdf
            ACME/001             | ACME%2F001.pdf
            ../../../escaped     | %2E.%2F..%2F..%2Fescaped.pdf
            /tmp/absolute        | %2Ftmp%2Fabsolute.pdf
            "a b\\c"              | a%20b%5Cc.pdf
            50%                  | 50%25.pdf
            .hidden              | %2Ehidden.pdf
            Müller & Söhne       | M%C3%BCller%20%26%20S%C3%B6hne.pdf
            CON                  | %43ON.pdf
            nul                  | %6Eul.pdf
            CONTRACT-1           | CONTRACT-1.pdf
            """)
    void unsafeCharactersAreEncodedReversibly(String account, String fileName) {
        assertThat(StatementFileName.of(account)).isEqualTo(fileName);
        assertThat(StatementFileName.accountNumber(fileName)).isEqualTo(account);
    }

    @Test
    void aNameThatWouldBeTooLongForAFileSystemSkipsTheAccount() {
        String account = "€".repeat(64); // 3 UTF-8 bytes each, 9 characters once encoded
        assertThatThrownBy(() -> StatementFileName.of(account)).isInstanceOf(BadLedgerData.class)
                .hasMessageContaining("too long to be a statement's file name")
                .satisfies(e -> assertThat(((BadLedgerData) e).accountNumber()).isEqualTo(account));
        String longest = "x".repeat(StatementFileName.MAX_BYTES - ".pdf".length());
        assertThat(StatementFileName.of(longest)).hasSize(StatementFileName.MAX_BYTES);
    }

    @Test
    void theFileLiesDirectlyInsideTheStatementsFolder(@org.junit.jupiter.api.io.TempDir Path folder) {
        assertThat(StatementFileName.in(folder, StatementFileName.of("../../x")).getParent())
                .isEqualTo(folder.toAbsolutePath().normalize());
        assertThatThrownBy(() -> StatementFileName.in(folder, "../x.pdf")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> StatementFileName.in(folder, "/etc/x.pdf")).isInstanceOf(IllegalStateException.class);
    }
}
