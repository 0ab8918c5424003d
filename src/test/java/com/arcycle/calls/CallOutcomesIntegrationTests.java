package com.arcycle.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;

import com.arcycle.testing.CsvFiles;
import com.arcycle.testing.Pdfs;
import com.arcycle.testing.RunsCommands;
import com.arcycle.testing.SharedFiles;

/**
 * The call outcomes through the commands, on the small ledger (today is 2026-05-20 by the injected
 * clock): record-promise, record-dispute and record-note refuse bad values with exit 2 and record
 * nothing; what they record survives another import of the ledger files unchanged, and the next
 * cycles see it: a promise holds the stage (rule 4.5) or, broken, puts the account first on the
 * call list; a dispute takes the invoice out of dunning; the notes go into the referral file.
 */
@SpringBootTest
@Import(CallOutcomesIntegrationTests.Today.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class CallOutcomesIntegrationTests extends RunsCommands {

    @TestConfiguration(proxyBeanMethods = false)
    static class Today {
        @Bean
        @Primary
        Clock today() {
            // A clock that ticks (each import is its own job run), from 2026-05-20 00:00 UTC.
            Instant start = LocalDate.parse("2026-05-20").atStartOfDay().toInstant(ZoneOffset.UTC);
            return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), start));
        }
    }

    @TempDir
    Path out;

    private final Path ledger = SharedFiles.path("examples/small-ledger/ledger");

    private int recordedRows() {
        return jdbc.sql("SELECT (SELECT COUNT(*) FROM recorded_promise) + (SELECT COUNT(*) FROM recorded_dispute)"
                + " + (SELECT COUNT(*) FROM call_note)").query(Integer.class).single();
    }

    private Map<String, CSVRecord> byAccount(String cycle, String file) throws Exception {
        return CsvFiles.rows(out.resolve(cycle).resolve(file)).stream()
                .collect(Collectors.toMap(r -> r.get("account_number"), r -> r, (a, b) -> a));
    }

    private List<String> callList(String cycle) throws Exception {
        return CsvFiles.rows(out.resolve(cycle).resolve("call-list.csv")).stream()
                .map(r -> r.get("rank") + ":" + r.get("account_number") + ":" + r.get("reason")).toList();
    }

    @Order(2)
    @ParameterizedTest(name = "{0}: exit 2, nothing recorded")
    @CsvSource(delimiter = '|', textBlock = """
            record-promise --account NOPE --amount 500.00 --by 2026-03-15            | --account NOPE: no such account
            record-promise --account A002 --amount 50.001 --by 2026-03-15            | --amount 50.001 is not an amount (more than 2 fraction digits
            record-promise --account A002 --amount -5 --by 2026-03-15                | --amount -5 must be greater than 0
            record-promise --account A002 --amount 0.00 --by 2026-03-15              | --amount 0.00 must be greater than 0
            record-promise --account A002 --amount 1,500 --by 2026-03-15             | --amount 1,500 is not an amount
            record-promise --account A002 --amount 500.00 --by 2026-02-30            | --by 2026-02-30 is not a date of the form YYYY-MM-DD
            record-promise --account A002 --amount 500.00                            | record-promise needs --by
            record-promise --account A002 --amount 500.00 --by 2026-03-01 --date 2026-03-02 | --by 2026-03-01 is before the day the promise was made (2026-03-02)
            record-promise --account A002 --amount 500.00 --by 2026-06-30 --date 2026-05-21 | --date 2026-05-21 is later than today (2026-05-20)
            record-dispute --invoice I-404 --reason Wrong                            | --invoice I-404: no such invoice
            record-dispute --invoice I-2001 --reason ' '                             | record-dispute needs --reason
            record-dispute --invoice I-2001 --reason Wrong --date 31/01/2026         | --date 31/01/2026 is not a date of the form YYYY-MM-DD
            record-note --account A002 --text 'Will pay; cheque in the post'         | a note may not contain ';'
            record-note --account NOPE --text 'Called'                               | --account NOPE: no such account
            record-note --account A002                                               | record-note needs --text
            record-note --account A002 --text Called --colour red                    | record-note has no option --colour
            """)
    void badValuesAreRefusedWithExitTwoAndRecordNothing(String commandLine, String message) {
        if (jdbc.sql("SELECT COUNT(*) FROM customer").query(Integer.class).single() == 0) {
            assertThat(console.run("import-ledger", "--dir", ledger.toString(), "--out", out.toString())).isZero();
        }
        int before = recordedRows();
        String[] args = words(commandLine);
        assertThat(console.run(args)).as("exit code of %s", commandLine).isEqualTo(2);
        assertThat(console.output()).contains(message);
        assertThat(recordedRows()).isEqualTo(before);
    }

    /** Splits like a shell: words, or '...' quoted. */
    private static String[] words(String line) {
        java.util.List<String> words = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("'([^']*)'|(\\S+)").matcher(line);
        while (m.find()) {
            words.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return words.toArray(String[]::new);
    }

    @Test
    @Order(1)
    void recordedOutcomesSurviveAnImportAndTheNextCyclesSeeThem() throws Exception {
        assertThat(console.run("import-ledger", "--dir", ledger.toString(), "--out", out.toString())).isZero();
        assertThat(console.run("run-cycle", "--cycle-date", "2026-01-31", "--out", out.toString())).isZero();
        assertThat(callList("2026-01-31")).containsExactly("1:A002:NEW_CUSTOMER");

        // The calls after the first cycle.
        assertThat(console.run("record-promise", "--account", "A002", "--amount", "500.00", "--by", "2026-02-20",
                "--date", "2026-02-02")).isZero();
        assertThat(console.output()).contains("Recorded: A002 promised 500.00 by 2026-02-20");
        assertThat(console.run("record-note", "--account", "A002", "--date", "2026-02-02", "--text",
                "Promised 500.00 by the 20th, rest next month")).isZero();
        assertThat(console.run("record-promise", "--account", "A004", "--amount", "3000.00", "--by", "2026-03-15",
                "--date", "2026-02-16")).isZero();
        assertThat(console.run("record-dispute", "--invoice", "I-9001", "--date", "2026-02-15", "--reason",
                "Hosting was down for a week in January")).isZero();
        assertThat(console.output()).contains("Recorded: invoice I-9001 (A009) in dispute from 2026-02-15");
        // The same promise again, and a dispute of an invoice already in dispute: nothing recorded twice.
        assertThat(console.run("record-promise", "--account", "A002", "--amount", "500.00", "--by", "2026-02-20",
                "--date", "2026-02-02")).isZero();
        assertThat(console.output()).contains("Already known");
        assertThat(console.run("record-dispute", "--invoice", "I-9001", "--date", "2026-02-20", "--reason", "Again"))
                .isZero();
        assertThat(console.output()).contains("Already in dispute: invoice I-9001 (A009) since 2026-02-15");
        int recorded = recordedRows();
        assertThat(recorded).isEqualTo(4);

        // Importing the bookkeeping's files again neither duplicates nor removes what was recorded.
        assertThat(console.run("import-ledger", "--dir", ledger.toString(), "--out", out.toString())).isZero();
        assertThat(recordedRows()).isEqualTo(recorded);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM promise").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dispute").query(Integer.class).single()).isEqualTo(1);

        assertThat(console.run("run-cycle", "--cycle-date", "2026-03-02", "--out", out.toString())).isZero();
        Map<String, CSVRecord> dunning = byAccount("2026-03-02", "dunning.csv");
        // A002 paid 400.00 of the 500.00 it promised by 2026-02-20: broken, so it is phoned first.
        assertThat(dunning.get("A002").get("promise")).isEqualTo("BROKEN");
        // A004's promise stands on 2026-03-02: its stage is held at REMINDER (the example has PAST_DUE).
        assertThat(dunning.get("A004").get("promise")).isEqualTo("ACTIVE");
        assertThat(dunning.get("A004").get("stage")).isEqualTo("REMINDER");
        // A009's only invoice is in dispute: nothing past due, stage NONE (the example has PAST_DUE).
        assertThat(dunning.get("A009").get("stage")).isEqualTo("NONE");
        assertThat(byAccount("2026-03-02", "aged-receivables.csv").get("A009").get("in_dispute")).isEqualTo("500.00");
        assertThat(callList("2026-03-02")).containsExactly("1:A002:PROMISE_BROKEN", "2:A008:PAST_DUE");
        assertThat(byAccount("2026-03-02", "call-list.csv").get("A002").get("other_reasons")).isEqualTo("PAST_DUE");
        // The call sheet says it in words, with the note of the last call.
        String sheet = Pdfs.text(Files.readAllBytes(out.resolve("2026-03-02").resolve("call-sheet.pdf")));
        assertThat(sheet).contains("1. Slow Steady Ltd \u00b7 A002", "Phone +1-555-0102",
                "Why: Promised $500.00 by February 20; only $400.00 received.",
                "02/02/2026 Promised 500.00 by the 20th, rest next month", "2. Habitual Late Inc \u00b7 A008");
        assertThat(sheet.indexOf("A002")).isLessThan(sheet.indexOf("A008"));

        assertThat(console.run("record-note", "--account", "A002", "--date", "2026-03-03", "--text",
                "Says the cheque is in the post")).isZero();
        assertThat(console.run("record-note", "--account", "A008", "--date", "2026-03-03", "--text",
                "Left a message")).isZero();
        assertThat(console.run("run-cycle", "--cycle-date", "2026-04-01", "--out", out.toString())).isZero();
        assertThat(console.run("run-cycle", "--cycle-date", "2026-05-01", "--out", out.toString())).isZero();

        // A002 is referred on 2026-05-01: its notes, oldest first, on each of its referred items.
        List<CSVRecord> referral = CsvFiles.rows(out.resolve("2026-05-01").resolve("collections-referral.csv"));
        assertThat(referral).filteredOn(r -> r.get("account_number").equals("A002")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("call_notes")).isEqualTo(
                        "2026-02-02:Promised 500.00 by the 20th, rest next month;2026-03-03:Says the cheque is in the post"));
        assertThat(referral).filteredOn(r -> r.get("account_number").equals("A008"))
                .allSatisfy(r -> assertThat(r.get("call_notes")).isEqualTo("2026-03-03:Left a message"));
        assertThat(referral).filteredOn(r -> r.get("account_number").equals("A004"))
                .allSatisfy(r -> assertThat(r.get("call_notes")).isEmpty());
    }
}
