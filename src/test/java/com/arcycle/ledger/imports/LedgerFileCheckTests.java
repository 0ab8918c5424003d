package com.arcycle.ledger.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.arcycle.ledger.imports.LedgerImport.Check;

/** File-level problems refuse a ledger folder, each with its file, line, reason and what to do. */
class LedgerFileCheckTests {

    private static final String CUSTOMERS = "account_number,name,customer_since";

    @TempDir
    Path dir;

    private void write(String file, String text) throws IOException {
        Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
    }

    private List<String> problems() {
        return LedgerImport.check(dir).problems().stream().map(Object::toString).toList();
    }

    @Test
    void goodFilesPassAndAbsentFilesAreNamed() throws IOException {
        write("customers.csv", "\uFEFF" + CUSTOMERS + "\r\nA1,Acme,2020-01-01\r\n");
        write("promises.csv", "account_number,created_date,promised_date,amount\n");

        Check check = LedgerImport.check(dir);

        assertThat(check.problems()).isEmpty();
        assertThat(check.present()).containsExactly("customers.csv", "promises.csv");
        assertThat(check.absent()).containsExactly("invoices.csv", "payments.csv", "disputes.csv");
    }

    @Test
    void aByteThatIsNotUtf8IsReportedWithItsLineFarIntoTheFile() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes((CUSTOMERS + "\n").getBytes(StandardCharsets.UTF_8));
        for (int i = 2; i < 5002; i++) {
            file.writeBytes(("A" + i + ",Customer number " + i + ",2020-01-01\n").getBytes(StandardCharsets.UTF_8));
        }
        file.writeBytes("A5002,Caf".getBytes(StandardCharsets.UTF_8));
        file.write(0xE9); // é in Latin-1
        file.writeBytes(",2020-01-01\nA5003,Last,2020-01-01\n".getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("customers.csv"), file.toByteArray());

        assertThat(problems()).containsExactly("customers.csv line 5002: byte 0xE9 is not UTF-8 text (the file is in"
                + " another encoding, or not a text file). What to do: export the file again as UTF-8 (in Excel:"
                + " Save As \"CSV UTF-8\").");
    }

    @Test
    void lineNumbersCountCrLfLfCrQuotedLineBreaksAndBlankLines() throws IOException {
        Files.write(dir.resolve("customers.csv"), ("\n" + CUSTOMERS + "\r\nA1,\"Two\r\nlines\",2020-01-01\r"
                + "A2,B,2020-01-01\n\n  \nA3,\"").getBytes(StandardCharsets.UTF_8));

        assertThat(problems()).containsExactly("customers.csv line 8: a quoted value starts on this line and its"
                + " quote is never closed. What to do: a value holding a comma, quote or line break is written in"
                + " quotes (\"Bolt, Nut & Co\") and a quote inside it is doubled (\"\"); correct the quotes on that"
                + " line.");
    }

    @Test
    void aBinaryFileIsRefused() throws IOException {
        Files.write(dir.resolve("invoices.csv"), new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0});
        Files.write(dir.resolve("payments.csv"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n'});

        assertThat(problems()).containsExactly(
                "invoices.csv line 1: a NUL byte: this is a binary file, not CSV text. What to do: put the ledger's"
                        + " CSV export in its place.",
                "payments.csv line 1: byte 0x89 is not UTF-8 text (the file is in another encoding, or not a text"
                        + " file). What to do: export the file again as UTF-8 (in Excel: Save As \"CSV UTF-8\").");
    }

    @Test
    void aQuotedValueFollowedByOtherCharactersIsRefused() throws IOException {
        write("customers.csv", CUSTOMERS + "\nA1,\"Acme\" Inc,2020-01-01\n");

        assertThat(problems()).singleElement().asString()
                .startsWith("customers.csv line 2: a quoted value is followed by other characters before the next"
                        + " comma. What to do:");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            account_number,name,,customer_since | customers.csv line 1: column 3 of the header has no name. What to do: name the column, or remove it with its values.
            account_number,name,name,customer_since | customers.csv line 1: the header has the column name twice. What to do: remove or rename one of them.
            account_number,name,Name,customer_since | customers.csv line 1: the header has the columns name and Name, which differ only in case or separators. What to do: remove or rename one of them.
            account_number,name | customers.csv line 1: the header has no column customer_since, which customers.csv must have. What to do: add the column (docs/ledger-files.md lists the columns of each file).
            account_number | customers.csv line 1: the header has no columns name, customer_since, which customers.csv must have. What to do: add the columns (docs/ledger-files.md lists the columns of each file).
            account_number,name,customer_since,late_fee_mod | customers.csv line 1: column late_fee_mod is not a column of customers.csv; did you mean late_fee_mode? What to do: rename the column to late_fee_mode.
            acount_number,name,customer_since | customers.csv line 1: column acount_number is not a column of customers.csv; did you mean account_number? What to do: rename the column to account_number.
            Account Number,name,customer_since | customers.csv line 1: column Account Number is not a column of customers.csv; did you mean account_number? What to do: rename the column to account_number.
            account_number,name,customer-since | customers.csv line 1: column customer-since is not a column of customers.csv; did you mean customer_since? What to do: rename the column to customer_since.
            account_number;name;customer_since | `customers.csv line 1: the header is one column "account_number;name;customer_since": the file is separated by semicolons. What to do: export it separated by commas (in Excel: Save As "CSV UTF-8").`
            `` | customers.csv line 1: the file is empty: it has no header line. What to do: export it again, or remove the file when there is nothing to load.
            """)
    void aHeaderProblemRefusesTheFileTheSameWay(String header, String problem) throws IOException {
        write("customers.csv", header.isEmpty() ? "" : header + "\nA1,Acme,2020-01-01,x\n");

        assertThat(problems()).containsExactly(problem);
    }

    @Test
    void otherColumnsAreIgnoredAndListed() throws IOException {
        // phone2 is close to phone, but the file has phone: an extra column, not a misspelling.
        write("customers.csv", CUSTOMERS + ",phone,phone2,notes\nA1,Acme,2020-01-01,1,2,x\n");
        write("extra.csv", "anything\n");

        Check check = LedgerImport.check(dir);

        assertThat(check.problems()).isEmpty();
        assertThat(check.ignored()).containsExactly(
                "customers.csv: column phone2 is not a column of this file; it is ignored",
                "customers.csv: column notes is not a column of this file; it is ignored",
                "not ledger files, not loaded: extra.csv");
    }

    @Test
    void aFileNamedAlmostLikeAnAbsentLedgerFileIsRefused() throws IOException {
        write("customers.csv", CUSTOMERS + "\n");
        write("Invoice.csv", "invoice_number\n");

        assertThat(problems()).containsExactly("Invoice.csv: not a ledger file name; did you mean invoices.csv?"
                + " What to do: rename the file to invoices.csv.");
    }

    @Test
    void everyFilesProblemsAreReportedAtOnce() throws IOException {
        write("customers.csv", "account_number,name,customer_since,late_fee_mod\n");
        write("invoices.csv", "invoice_number,account_number,issue_date,due_date,amount,amount\n");
        write("promises.csv", "account_number,created_date,promised_date,amount\nA1,2026-01-01,2026-02-01,\"5\n");

        assertThat(problems()).extracting(p -> p.substring(0, p.indexOf(':')))
                .containsExactly("customers.csv line 1", "invoices.csv line 1", "promises.csv line 2");
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({"late_fee_mod, late_fee_mode, 1", "acount_number, account_number, 1", "Amount, amount, 1",
            "kitten, sitting, 3", "'', abc, 3", "abc, abc, 0"})
    void levenshteinDistance(String a, String b, int distance) {
        assertThat(LedgerFileCheck.distance(a, b)).isEqualTo(distance);
    }
}
