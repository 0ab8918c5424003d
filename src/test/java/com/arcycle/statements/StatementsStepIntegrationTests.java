package com.arcycle.statements;

import static com.arcycle.testing.LedgerTables.accountCycle;
import static com.arcycle.testing.LedgerTables.agedBalance;
import static com.arcycle.testing.LedgerTables.customer;
import static com.arcycle.testing.LedgerTables.date;
import static com.arcycle.testing.LedgerTables.decision;
import static com.arcycle.testing.LedgerTables.invoiceItem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.arcycle.testing.Pdfs;
import com.arcycle.testing.RunsCycleSteps;
import com.arcycle.testing.TestDatabase;

/**
 * The statements step and the print file step on their own: one PDF per account collections sent
 * a statement (STATEMENT or REFERRED) in OUT/2026-03-31/statements/, each recorded in the
 * statement table with the SHA-256 of its file, naming the promise dunning stored in
 * cycle_promise; then the print file holding those statements in account order.
 */
@SpringBootTest(properties = {"arcycle.batch.chunk-size=2", "arcycle.batch.skip-limit=0", "arcycle.batch.partitions=2"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class StatementsStepIntegrationTests extends RunsCycleSteps {

    private static final String C = "2026-03-31";
    private static final String PREVIOUS = "2026-02-28";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.h2(registry, "statements-step");
    }

    /** An account with one open invoice, dunned and decided for this cycle. */
    private void decided(String account, String name, String stage, String action, String due, String balance) {
        customer(account, "2020-01-01").name(name).address("12 Mill Lane", null, "Portland", "ME", "04101", "USA")
                .insert(jdbc);
        invoiceItem(account, "I-" + account.replace("/", ""), "2025-09-01", due, "2000.00").balance(balance)
                .insert(jdbc);
        accountCycle(C, account).stage("PAST_DUE", stage).figures(75, balance, balance).insert(jdbc);
        decision(jdbc, C, account, action, false);
    }

    private void promise(String account, String state, String created, String promised, String amount,
            String received) {
        jdbc.sql("INSERT INTO cycle_promise (cycle_date, account_number, state, created_date, promised_date, amount,"
                + " received) VALUES (?, ?, ?, ?, ?, ?, ?)").params(date(C), account, state, date(created),
                        date(promised), amount, received).update();
    }

    @Test
    void rendersAStatementForEachAccountSentOneRecordsItsFileAndTheSameStatementsGoIntoThePrintFile()
            throws Exception {
        decided("S1", "Harbor Mill Supply", "PAST_DUE", "STATEMENT", "2026-01-15", "400.00");
        promise("S1", "ACTIVE", "2026-03-10", "2026-04-15", "400.00", "150.00");
        agedBalance(jdbc, C, "S1", "PAST_DUE", "0.00", "0.00", "0.00", "400.00", "0.00", "0.00", "0.00", "0.00",
                "400.00");
        decided("S2", "Quarry Road Bakery", "COLLECTIONS", "REFERRED", "2025-12-01", "1800.00");
        promise("S2", "BROKEN", "2026-02-20", "2026-03-15", "300.00", "100.00");
        agedBalance(jdbc, C, "S2", "COLLECTIONS", "0.00", "0.00", "0.00", "0.00", "1800.00", "0.00", "0.00", "0.00",
                "1800.00");
        decided("AC/7", "Slash Street Deli", "REMINDER", "STATEMENT", "2026-03-11", "90.00");
        decided("S3", "Written Off Ltd", "FINAL_DEMAND", "WRITTEN_OFF", "2025-11-21", "30.00");
        decided("S4", "Paid Up Inc", "NONE", "NONE", "2026-04-30", "90.00");

        runStep("statements", C, PREVIOUS);

        Path folder = out.resolve(C).resolve("statements");
        assertThat(fileNames(folder)).as("an unsafe character is encoded in the file name")
                .containsExactly("AC%2F7.pdf", "S1.pdf", "S2.pdf");
        assertThat(rows("SELECT account_number, cycle_date, file_name, sha256 FROM statement ORDER BY account_number"))
                .containsExactly(
                        "AC/7 2026-03-31 statements/AC%2F7.pdf " + sha256(folder.resolve("AC%2F7.pdf")),
                        "S1 2026-03-31 statements/S1.pdf " + sha256(folder.resolve("S1.pdf")),
                        "S2 2026-03-31 statements/S2.pdf " + sha256(folder.resolve("S2.pdf")));
        String s1 = Pdfs.text(Files.readAllBytes(folder.resolve("S1.pdf")));
        assertThat(s1).contains("Harbor Mill Supply",
                "Thank you for your promise to pay. On March 10, 2026 you promised to pay $400.00 by April 15, 2026;"
                        + " we have received $150.00 of it so far, and no late fees are charged while the promise"
                        + " stands.")
                .doesNotContain("placed for collection", "not kept");
        String s2 = Pdfs.text(Files.readAllBytes(folder.resolve("S2.pdf")));
        assertThat(s2).contains("Quarry Road Bakery", "Your account has been placed for collection.",
                "Promise to pay not kept. On February 20, 2026 you promised to pay $300.00 by March 15, 2026."
                        + " By that date we received $100.00 of it.")
                .doesNotContain("Thank you for your promise");
        assertThat(Pdfs.text(Files.readAllBytes(folder.resolve("AC%2F7.pdf")))).contains("Slash Street Deli")
                .doesNotContain("promise");

        runStep("statementsPrintFile", C, PREVIOUS);

        Path printFile = out.resolve(C).resolve(StatementRenderer.PRINT_FILE);
        assertThat(fileNames(out.resolve(C))).as("published, nothing partial left")
                .containsExactly("statements", "statements-print.pdf");
        byte[] print = Files.readAllBytes(printFile);
        int pages = 0;
        for (String name : List.of("AC%2F7.pdf", "S1.pdf", "S2.pdf")) {
            pages += Pdfs.pageCount(Files.readAllBytes(folder.resolve(name)));
        }
        assertThat(Pdfs.pageCount(print)).as("the pages of the three statements").isEqualTo(pages);
        String text = Pdfs.text(print);
        assertThat(text).as("in account order").containsSubsequence("Slash Street Deli", "Harbor Mill Supply",
                "Quarry Road Bakery");
        assertThat(text).contains("On March 10, 2026 you promised to pay $400.00 by April 15, 2026",
                "On February 20, 2026 you promised to pay $300.00 by March 15, 2026")
                .doesNotContain("Written Off Ltd", "Paid Up Inc");
    }

    @Test
    void aCycleWithoutStatementsHasNoPrintFile() throws IOException {
        decided("S4", "Paid Up Inc", "NONE", "NONE", "2026-04-30", "90.00");

        runStep("statements", C, PREVIOUS);
        runStep("statementsPrintFile", C, PREVIOUS);

        assertThat(rows("SELECT COUNT(*) FROM statement")).containsExactly("0");
        assertThat(fileNames(out.resolve(C))).as("no print file, nothing partial left").isEmpty();
    }

    private static List<String> fileNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
