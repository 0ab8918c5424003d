package com.arcycle.calls;

import static com.arcycle.testing.LedgerTables.accountCycle;
import static com.arcycle.testing.LedgerTables.customer;
import static com.arcycle.testing.LedgerTables.date;
import static com.arcycle.testing.LedgerTables.decision;
import static com.arcycle.testing.LedgerTables.dispute;
import static com.arcycle.testing.LedgerTables.feeItem;
import static com.arcycle.testing.LedgerTables.invoiceItem;
import static com.arcycle.testing.LedgerTables.owes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import com.arcycle.testing.RunsCycleSteps;

/**
 * The callList step (rule 8) on its own, for the cycle of 2026-03-31, from each account's stage and
 * figures as dunning stored them, what collections decided, and its items: who is listed with
 * which reasons and figures, who is left out, the ranking on the database (ties by the bytes of the
 * account number), and the call notes of an account referred this cycle.
 */
@SpringBootTest(properties = {"arcycle.batch.chunk-size=2", "arcycle.batch.skip-limit=0", "arcycle.batch.partitions=2"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class CallListStepIntegrationTests extends RunsCycleSteps {

    private static final String C = "2026-03-31";
    private static final String PREVIOUS = "2026-02-28";

    private void note(String account, String day, String text) {
        jdbc.sql("INSERT INTO call_note (account_number, note_date, note_text, recorded_at)"
                + " VALUES (?, ?, ?, CURRENT_TIMESTAMP)").params(account, date(day), text).update();
    }

    @Test
    void listsTheAccountsToPhoneWithTheirReasonsAndFiguresInRankOrder() {
        // PAST_DUE with a past-due invoice, a fee, an invoice in dispute, one not yet due, and an
        // invoice paid off and issued the day before the past year began.
        customer("PD", "2016-01-01").insert(jdbc);
        owes(jdbc, "PD", "I-PD1", "2026-02-19", "400.00", "290.00"); // DPD 40
        feeItem("PD", "I-PD1", PREVIOUS, "10.00").insert(jdbc); // DPD 31
        owes(jdbc, "PD", "I-PD2", "2026-02-01", "120.00", "120.00");
        dispute(jdbc, "I-PD2", "2026-03-01", null);
        owes(jdbc, "PD", "I-PD3", "2026-04-30", "50.00", "50.00");
        invoiceItem("PD", "I-PD0", "2025-03-31", "2025-04-30", "999.00").balance("0.00").paidOff("2025-05-01")
                .insert(jdbc);
        accountCycle(C, "PD").stage("REMINDER", "PAST_DUE").figures(40, "300.00", "470.00").latePaid(1)
                .insert(jdbc);
        // Two FINAL_DEMAND accounts with the same past due: ranked by the bytes of the number ('B' < 'a').
        for (String account : new String[] {"FD-a", "FD-B"}) {
            customer(account, "2016-01-01").insert(jdbc);
            owes(jdbc, account, "I-" + account, "2026-01-15", "500.00", "500.00");
            accountCycle(C, account).stage("PAST_DUE", "FINAL_DEMAND").figures(75, "500.00", "500.00").insert(jdbc);
        }
        // A broken promise on a small reminder: first of all.
        customer("PB", "2016-01-01").insert(jdbc);
        owes(jdbc, "PB", "I-PB", "2026-03-11", "60.00", "60.00");
        accountCycle(C, "PB").stage("NONE", "REMINDER").figures(20, "60.00", "60.00").promise("BROKEN").insert(jdbc);
        // A new customer (since 2025-06-01) owing 1500.00.
        customer("NC", "2025-06-01").insert(jdbc);
        owes(jdbc, "NC", "I-NC", "2026-03-01", "1500.00", "1500.00");
        accountCycle(C, "NC").stage("NONE", "REMINDER").figures(30, "1500.00", "1500.00").insert(jdbc);
        // Left out: good standing owing less than 10 % of the past year's 1000.01; an active promise;
        // written off and referred this cycle; referred earlier; a stage of NONE.
        customer("GS", "2016-01-01").insert(jdbc);
        owes(jdbc, "GS", "I-GS", "2026-02-15", "1000.01", "100.00");
        accountCycle(C, "GS").stage("REMINDER", "PAST_DUE").figures(44, "100.00", "100.00").goodStanding()
                .insert(jdbc);
        customer("ACT", "2016-01-01").insert(jdbc);
        owes(jdbc, "ACT", "I-ACT", "2026-01-15", "900.00", "900.00");
        accountCycle(C, "ACT").stage("FINAL_DEMAND", "FINAL_DEMAND").figures(75, "900.00", "900.00")
                .promise("ACTIVE").insert(jdbc);
        customer("WO", "2025-06-01").insert(jdbc);
        owes(jdbc, "WO", "I-WO", "2025-11-30", "1500.00", "1500.00");
        accountCycle(C, "WO").stage("PAST_DUE", "FINAL_DEMAND").figures(121, "1500.00", "1500.00").insert(jdbc);
        decision(jdbc, C, "WO", "WRITTEN_OFF", false);
        customer("REF", "2025-06-01").insert(jdbc);
        owes(jdbc, "REF", "I-REF", "2025-12-01", "2000.00", "2000.00");
        accountCycle(C, "REF").stage("FINAL_DEMAND", "COLLECTIONS").figures(120, "2000.00", "2000.00")
                .promise("BROKEN").insert(jdbc);
        decision(jdbc, C, "REF", "REFERRED", false);
        customer("OLD", "2025-06-01").insert(jdbc);
        owes(jdbc, "OLD", "I-OLD", "2025-10-01", "3000.00", "3000.00");
        accountCycle(C, "OLD").stage("COLLECTIONS", "COLLECTIONS").figures(181, "3000.00", "3000.00")
                .promise("BROKEN").referredEarlier().insert(jdbc);
        customer("ZERO", "2025-06-01").insert(jdbc);
        accountCycle(C, "ZERO").insert(jdbc);

        runStep("callList", C, PREVIOUS);

        assertThat(rows("SELECT account_number, reason, other_reasons, stage, past_due_total, max_dpd,"
                + " open_past_due_items, good_standing, paid_late_365, invoiced_365, in_dispute FROM call_list"
                + " WHERE cycle_date = ? ORDER BY account_number", date(C))).containsExactly(
                        "FD-B FINAL_DEMAND  FINAL_DEMAND 500.00 75 1 false 0 500.00 0.00",
                        "FD-a FINAL_DEMAND  FINAL_DEMAND 500.00 75 1 false 0 500.00 0.00",
                        "NC NEW_CUSTOMER  REMINDER 1500.00 30 1 false 0 1500.00 0.00",
                        "PB PROMISE_BROKEN  REMINDER 60.00 20 1 false 0 60.00 0.00",
                        "PD PAST_DUE  PAST_DUE 300.00 40 2 false 1 570.00 120.00");
        assertThat(jdbc.sql(CallList.RANKED).params(Map.of("cycleDate", date(C)))
                .query((rs, n) -> rs.getInt("call_rank") + " " + rs.getString("account_number")).list())
                .containsExactly("1 PB", "2 FD-B", "3 FD-a", "4 NC", "5 PD");
    }

    @Test
    void keepsTheCallNotesOfAnAccountReferredThisCycleOldestFirst() {
        customer("REF", "2016-01-01").insert(jdbc);
        owes(jdbc, "REF", "I-REF", "2025-12-01", "2000.00", "2000.00");
        accountCycle(C, "REF").stage("FINAL_DEMAND", "COLLECTIONS").figures(120, "2000.00", "2000.00").insert(jdbc);
        decision(jdbc, C, "REF", "REFERRED", false);
        note("REF", "2026-03-05", "Second call: no answer");
        note("REF", "2026-02-10", "Said the invoice was lost, sent a copy");
        note("REF", "2026-04-02", "After the cycle: not in this referral");
        // A listed account's notes are printed on the call sheet, not stored with the referral.
        customer("FD", "2016-01-01").insert(jdbc);
        owes(jdbc, "FD", "I-FD", "2026-01-15", "500.00", "500.00");
        accountCycle(C, "FD").stage("PAST_DUE", "FINAL_DEMAND").figures(75, "500.00", "500.00").insert(jdbc);
        note("FD", "2026-03-05", "Will pay Friday");

        runStep("callList", C, PREVIOUS);

        assertThat(rows("SELECT account_number, call_notes FROM referral_call_notes WHERE cycle_date = ?", date(C)))
                .containsExactly("REF 2026-02-10:Said the invoice was lost, sent a copy;2026-03-05:Second call: no answer");
        assertThat(rows("SELECT account_number FROM call_list")).containsExactly("FD");
    }
}
