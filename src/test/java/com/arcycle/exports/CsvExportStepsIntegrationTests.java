package com.arcycle.exports;

import static com.arcycle.testing.LedgerTables.accountCycle;
import static com.arcycle.testing.LedgerTables.agedBalance;
import static com.arcycle.testing.LedgerTables.customer;
import static com.arcycle.testing.LedgerTables.date;
import static com.arcycle.testing.LedgerTables.decision;
import static com.arcycle.testing.LedgerTables.feeItem;
import static com.arcycle.testing.LedgerTables.invoiceItem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.arcycle.testing.CsvFiles;
import com.arcycle.testing.RunsCycleSteps;
import com.arcycle.testing.TestDatabase;

/**
 * The cycle's CSV steps on their own: each writes its file into OUT/2026-03-31/ from the tables
 * the steps before filled (prepared here), with the header of files-and-commands.md, rows sorted
 * by account number then rule 2's item order, amounts with two decimals, dates yyyy-MM-dd, and
 * text cells that a spreadsheet would take for a formula neutralised. Chunks of two rows.
 */
@SpringBootTest(properties = {"arcycle.batch.chunk-size=2", "arcycle.batch.skip-limit=0"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CsvExportStepsIntegrationTests extends RunsCycleSteps {

    private static final String C = "2026-03-31";
    private static final String PREVIOUS = "2026-02-28";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.h2(registry, "csv-export-steps");
    }

    /** Runs the file's step for the cycle (the files read no previous cycle) and gives the file it published. */
    private Path write(String step, String cycleDate, String fileName) {
        runStep(step, cycleDate, null);
        Path file = out.resolve(cycleDate).resolve(fileName);
        assertThat(out.resolve(cycleDate).resolve("." + fileName + ".part")).doesNotExist();
        return file;
    }

    private static String header(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
    }

    /** Each record's values in the named columns (all when none are named), joined by "|". */
    private static List<String> records(Path file, String... columns) throws IOException {
        List<String> records = new ArrayList<>();
        for (CSVRecord record : CsvFiles.rows(file)) {
            List<String> values = new ArrayList<>();
            if (columns.length == 0) {
                values.addAll(record.toList());
            }
            for (String column : columns) {
                values.add(record.get(column));
            }
            records.add(String.join("|", values));
        }
        return records;
    }

    @Test
    void agedReceivablesHasARowPerAgedAccountOfTheCycleAndANameLikeAFormulaIsNeutralised() throws IOException {
        customer("B2", "2020-01-01").name("Beta Stores").insert(jdbc);
        customer("A1", "2020-01-01").name("=HYPERLINK(\"http://evil.example\")").insert(jdbc);
        agedBalance(jdbc, C, "B2", "NONE", "0", "0", "0", "0", "0", "0", "0", "25", "-25");
        agedBalance(jdbc, C, "A1", "REMINDER", "1000.5", "200", "30", "4", "0", "0", "30", "0", "1234.5");
        agedBalance(jdbc, PREVIOUS, "A1", "NONE", "99", "0", "0", "0", "0", "0", "0", "0", "99");

        Path file = write("agedReceivablesFile", C, "aged-receivables.csv");

        assertThat(header(file)).isEqualTo("account_number,name,current,d1_30,d31_60,d61_90,d91_120,d121_plus,"
                + "in_dispute,unapplied_credit,total,stage");
        assertThat(records(file)).containsExactly(
                "A1|'=HYPERLINK(\"http://evil.example\")|1000.50|200.00|30.00|4.00|0.00|0.00|30.00|0.00|1234.50"
                        + "|REMINDER",
                "B2|Beta Stores|0.00|0.00|0.00|0.00|0.00|0.00|0.00|25.00|-25.00|NONE");
    }

    @Test
    void feesHasTheFeesPostedByItsOwnCycleOnly() throws IOException {
        feeItem("B2", "I-9", C, "2.00").basis("100.00").insert(jdbc);
        feeItem("B2", "I-10", C, "15.00").basis("1000.00").insert(jdbc);
        feeItem("A1", "I-5", C, "3.45").basis("230.00").insert(jdbc);
        feeItem("A1", "I-5", PREVIOUS, "3.50").basis("233.33").insert(jdbc);
        invoiceItem("A1", "I-5", "2025-12-01", "2025-12-31", "230.00").insert(jdbc);

        Path march = write("feesFile", C, "fees.csv");
        Path february = write("feesFile", PREVIOUS, "fees.csv");

        assertThat(header(march)).isEqualTo("fee_id,account_number,invoice_number,basis,amount");
        // B2's two fees, due and issued on one day, in id order: "LF-I-1..." before "LF-I-9...".
        assertThat(records(march)).containsExactly(
                "LF-I-5-20260331|A1|I-5|230.00|3.45",
                "LF-I-10-20260331|B2|I-10|1000.00|15.00",
                "LF-I-9-20260331|B2|I-9|100.00|2.00");
        assertThat(records(february)).containsExactly("LF-I-5-20260228|A1|I-5|233.33|3.50");
    }

    @Test
    void dunningHasTheAccountsWithAStageOrAPreviousStageButNotThoseReferredEarlier() throws IOException {
        // account, previous stage, stage, max DPD, past-due total, promise, action (null: none recorded)
        String[][] dunned = {
                {"A1", "NONE", "REMINDER", "20", "300", "NONE", "STATEMENT"},
                {"B2", "PAST_DUE", "NONE", null, "0", "NONE", "NONE"},
                {"C3", "NONE", "NONE", "-5", "0", "NONE", "NONE"},
                {"D4", "PAST_DUE", "PAST_DUE", "45", "500", "ACTIVE", "STATEMENT"},
                {"E5", "FINAL_DEMAND", "COLLECTIONS", "95", "2600", "BROKEN", "REFERRED"},
                {"G7", "NONE", "REMINDER", "5", "50", "NONE", null}};
        for (String[] d : dunned) {
            var row = accountCycle(C, d[0]).stage(d[1], d[2])
                    .figures(d[3] == null ? null : Integer.valueOf(d[3]), d[4], d[4]).promise(d[5]);
            (d[0].equals("A1") ? row.goodStanding() : row).insert(jdbc);
            if (d[6] != null) {
                decision(jdbc, C, d[0], d[6], false);
            }
        }
        accountCycle(C, "F6").stage("COLLECTIONS", "COLLECTIONS").figures(150, "700", "700").referredEarlier()
                .insert(jdbc);
        decision(jdbc, C, "F6", "NONE", false);
        accountCycle(PREVIOUS, "A1").stage("NONE", "REMINDER").insert(jdbc);

        Path file = write("dunningFile", C, "dunning.csv");

        assertThat(header(file))
                .isEqualTo("account_number,previous_stage,stage,max_dpd,past_due_total,good_standing,promise,action");
        assertThat(records(file)).containsExactly(
                "A1|NONE|REMINDER|20|300.00|true||STATEMENT",
                "B2|PAST_DUE|NONE||0.00|false||NONE",
                "D4|PAST_DUE|PAST_DUE|45|500.00|false|ACTIVE|STATEMENT",
                "E5|FINAL_DEMAND|COLLECTIONS|95|2600.00|false|BROKEN|REFERRED",
                "G7|NONE|REMINDER|5|50.00|false||");
    }

    private void referral(String account, String itemId, String balance, int dpd, String total, String action,
            String notices) {
        jdbc.sql("INSERT INTO referral (cycle_date, item_id, account_number, balance, dpd, referred_total,"
                + " recommended_action, notices) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(date(C), itemId, account, balance, dpd, total, action, notices).update();
    }

    @Test
    void collectionsReferralHasEachReferredItemInItemOrderWithTheAccountsContactAndPaperTrail() throws IOException {
        customer("R", "2020-01-01").name("Rex Hardware").contact("ap@rex.example", "(207) 555-0100")
                .address("1 Dock St", null, "Portland", "ME", "04101", "USA").insert(jdbc);
        customer("Q", "2020-01-01").name("-Quincy Co").insert(jdbc);
        String trail = "2025-12-31:REMINDER;2026-01-31:PAST_DUE;2026-02-28:FINAL_DEMAND";
        feeItem("R", "I-R1", PREVIOUS, "27.00").insert(jdbc);
        invoiceItem("R", "I-R2", "2026-01-16", "2026-02-15", "900.00").insert(jdbc);
        invoiceItem("R", "I-R1", "2025-11-01", "2025-12-01", "2000.00").balance("1800.00").insert(jdbc);
        referral("R", "LF-I-R1-20260228", "27.00", 31, "2727.00", "AGENCY", trail);
        referral("R", "I-R2", "900.00", 44, "2727.00", "AGENCY", trail);
        referral("R", "I-R1", "1800.00", 120, "2727.00", "AGENCY", trail);
        invoiceItem("Q", "I-Q1", "2025-11-26", "2025-12-26", "2500.00").insert(jdbc);
        referral("Q", "I-Q1", "2500.00", 95, "2500.00", "SMALL_CLAIMS", "");
        String notes = "2026-02-10:Said the invoice was lost, sent a copy;2026-03-05:No answer";
        jdbc.sql("INSERT INTO referral_call_notes (cycle_date, account_number, call_notes) VALUES (?, ?, ?)")
                .params(date(C), "R", notes).update();

        Path file = write("collectionsReferralFile", C, "collections-referral.csv");

        assertThat(header(file)).isEqualTo("account_number,name,email,phone,address_line1,address_line2,city,"
                + "region,postal_code,country,invoice_number,item_type,issue_date,due_date,original_amount,balance,"
                + "dpd,account_referred_total,recommended_action,notices,notice_channels,call_notes");
        assertThat(records(file, "account_number", "call_notes")).containsExactly("Q|", "R|" + notes, "R|" + notes,
                "R|" + notes);
        assertThat(records(file, "account_number", "name", "invoice_number", "item_type", "issue_date", "due_date",
                "original_amount", "balance", "dpd", "account_referred_total", "recommended_action", "notices"))
                .containsExactly(
                        "Q|'-Quincy Co|I-Q1|INVOICE|2025-11-26|2025-12-26|2500.00|2500.00|95|2500.00|SMALL_CLAIMS|",
                        "R|Rex Hardware|I-R1|INVOICE|2025-11-01|2025-12-01|2000.00|1800.00|120|2727.00|AGENCY|" + trail,
                        "R|Rex Hardware|I-R2|INVOICE|2026-01-16|2026-02-15|900.00|900.00|44|2727.00|AGENCY|" + trail,
                        "R|Rex Hardware|LF-I-R1-20260228|FEE|2026-02-28|2026-02-28|27.00|27.00|31|2727.00|AGENCY|"
                                + trail);
        assertThat(records(file, "email", "phone", "address_line1", "address_line2", "city", "region", "postal_code",
                "country").get(1)).isEqualTo("ap@rex.example|(207) 555-0100|1 Dock St||Portland|ME|04101|USA");
    }

    private void writeOff(String account, String itemId, String balance) {
        jdbc.sql("INSERT INTO write_off (cycle_date, item_id, account_number, balance, reason)"
                + " VALUES (?, ?, ?, ?, 'SMALL_BALANCE')").params(date(C), itemId, account, balance).update();
    }

    @Test
    void writeOffHasEachItemWrittenOffInItemOrder() throws IOException {
        // W's items by due date, then issue date: I-W2 (issued first) before I-W1, the fee last.
        feeItem("W", "I-W1", PREVIOUS, "10.00").writtenOff(C).insert(jdbc);
        invoiceItem("W", "I-W1", "2025-10-21", "2025-11-21", "100.00").balance("30.00").writtenOff(C).insert(jdbc);
        invoiceItem("W", "I-W2", "2025-10-01", "2025-11-21", "20.00").balance("5.00").writtenOff(C).insert(jdbc);
        invoiceItem("V", "I-V1", "2025-09-01", "2025-10-01", "45.00").writtenOff(C).insert(jdbc);
        writeOff("W", "LF-I-W1-20260228", "10.00");
        writeOff("W", "I-W1", "30.00");
        writeOff("W", "I-W2", "5.00");
        writeOff("V", "I-V1", "45.00");

        Path file = write("writeOffFile", C, "write-off.csv");

        assertThat(header(file)).isEqualTo("account_number,invoice_number,item_type,due_date,balance,reason");
        assertThat(records(file)).containsExactly(
                "V|I-V1|INVOICE|2025-10-01|45.00|SMALL_BALANCE",
                "W|I-W2|INVOICE|2025-11-21|5.00|SMALL_BALANCE",
                "W|I-W1|INVOICE|2025-11-21|30.00|SMALL_BALANCE",
                "W|LF-I-W1-20260228|FEE|2026-02-28|10.00|SMALL_BALANCE");
    }

    @Test
    void serviceSuspensionHasTheAccountsToSuspendAndIsOnlyAHeaderWhenThereAreNone() throws IOException {
        // account, name, stage, past-due total, suspend
        String[][] decided = {
                {"T", "Tern Laundry", "FINAL_DEMAND", "600", "true"},
                {"R", "Rex Hardware", "COLLECTIONS", "2727", "true"},
                {"U", "Umber Cafe", "FINAL_DEMAND", "800", "false"}};
        for (String[] d : decided) {
            customer(d[0], "2020-01-01").name(d[1]).recurringService().insert(jdbc);
            accountCycle(C, d[0]).stage("FINAL_DEMAND", d[2]).figures(80, d[3], d[3]).insert(jdbc);
            decision(jdbc, C, d[0], d[2].equals("COLLECTIONS") ? "REFERRED" : "STATEMENT", Boolean.parseBoolean(d[4]));
        }

        Path march = write("serviceSuspensionFile", C, "service-suspension.csv");
        Path february = write("serviceSuspensionFile", PREVIOUS, "service-suspension.csv");

        assertThat(header(march)).isEqualTo("account_number,name,stage,past_due_total");
        assertThat(records(march)).containsExactly("R|Rex Hardware|COLLECTIONS|2727.00",
                "T|Tern Laundry|FINAL_DEMAND|600.00");
        assertThat(Files.readString(february)).isEqualTo("account_number,name,stage,past_due_total\n");
    }

    private void listed(String account, String reason, int reasonOrder, String pastDue) {
        jdbc.sql("""
                INSERT INTO call_list (cycle_date, account_number, reason, reason_order, other_reasons, stage,
                    past_due_total, max_dpd, open_past_due_items, good_standing, paid_late_365, invoiced_365, in_dispute)
                VALUES (?, ?, ?, ?, '', 'PAST_DUE', ?, 40, 1, FALSE, 0, ?, 0.00)
                """).params(date(C), account, reason, reasonOrder, pastDue, pastDue).update();
    }

    @Test
    void callListIsRankedByReasonThenPastDueFromTheLargestThenAccountAndKeepsAPhoneNumberAsDialled()
            throws IOException {
        customer("P", "2020-01-01").name("=Pine Co").contact("ap@pine.example", "+1 (207) 555-0100").insert(jdbc);
        customer("N", "2020-01-01").contact(null, "=HYPERLINK(\"x\")").insert(jdbc);
        customer("M", "2020-01-01").insert(jdbc);
        customer("L", "2020-01-01").insert(jdbc);
        listed("P", "PAST_DUE", 3, "150.00");
        listed("N", "PAST_DUE", 3, "900.00");
        listed("M", "FINAL_DEMAND", 1, "20.00");
        listed("L", "PAST_DUE", 3, "150.00");

        Path file = write("callListFile", C, "call-list.csv");
        Path february = write("callListFile", PREVIOUS, "call-list.csv");

        assertThat(header(file)).isEqualTo("rank,account_number,name,phone,email,reason,other_reasons,stage,"
                + "past_due_total,max_dpd,open_past_due_items,good_standing,paid_late_365,invoiced_365,in_dispute");
        assertThat(records(file, "rank", "account_number", "name", "phone", "reason", "past_due_total")).containsExactly(
                "1|M|Customer M||FINAL_DEMAND|20.00",
                "2|N|Customer N|'=HYPERLINK(\"x\")|PAST_DUE|900.00",
                "3|L|Customer L||PAST_DUE|150.00",
                "4|P|'=Pine Co|+1 (207) 555-0100|PAST_DUE|150.00");
        assertThat(Files.readString(february)).startsWith("rank,account_number,").hasLineCount(1);
    }

    private void reject(String step, String account, String itemId, String column, String value, String reason) {
        jdbc.sql("INSERT INTO cycle_reject (cycle_date, step_name, account_number, item_id, column_name, field_value,"
                + " reason) VALUES (?, ?, ?, ?, ?, ?, ?)").params(date(C), step, account, itemId, column, value, reason)
                .update();
    }

    @Test
    void rejectsHasTheAccountsTheStepsSkippedWithValuesLikeAFormulaNeutralised() throws IOException {
        reject("lateFees", "B2", null, "late_fee_mode", "SOMETIMES", "late_fee_mode must be ALWAYS, NEVER or HABITUAL");
        reject("dunning", "B2", "I-9", "balance", "-5.00", "balance must be from 0 to the amount 10.00");
        reject("applyPayments", "A1", "P-1", "amount", "=1+1", "payment amount must be greater than 0");

        Path file = write("rejectsFile", C, "rejects.csv");

        assertThat(header(file)).isEqualTo("step,account_number,item_id,column,value,reason");
        assertThat(records(file)).containsExactly(
                "applyPayments|A1|P-1|amount|'=1+1|payment amount must be greater than 0",
                "dunning|B2|I-9|balance|'-5.00|balance must be from 0 to the amount 10.00",
                "lateFees|B2||late_fee_mode|SOMETIMES|late_fee_mode must be ALWAYS, NEVER or HABITUAL");
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8).get(3)).as("quoted only where needed")
                .isEqualTo("lateFees,B2,,late_fee_mode,SOMETIMES,\"late_fee_mode must be ALWAYS, NEVER or HABITUAL\"");
    }
}
