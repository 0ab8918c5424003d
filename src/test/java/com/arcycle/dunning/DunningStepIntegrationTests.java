package com.arcycle.dunning;

import static com.arcycle.testing.LedgerTables.accountCycle;
import static com.arcycle.testing.LedgerTables.credit;
import static com.arcycle.testing.LedgerTables.customer;
import static com.arcycle.testing.LedgerTables.date;
import static com.arcycle.testing.LedgerTables.dispute;
import static com.arcycle.testing.LedgerTables.feeItem;
import static com.arcycle.testing.LedgerTables.invoiceItem;
import static com.arcycle.testing.LedgerTables.owes;
import static com.arcycle.testing.LedgerTables.payment;
import static com.arcycle.testing.LedgerTables.promise;
import static com.arcycle.testing.LedgerTables.referredAccount;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.arcycle.testing.RunsCycleSteps;
import com.arcycle.testing.TestDatabase;

/**
 * The dunning step (rule 4) on its own: from the ledger after payments, the account's stage at
 * the previous cycle, its referral, late payments and promises, it records each account's stage
 * and figures in account_cycle and the promise a statement names in cycle_promise. Cycle
 * 2026-03-31 after 2026-02-28 unless a test says otherwise.
 */
@SpringBootTest(properties = {"arcycle.batch.chunk-size=2", "arcycle.batch.skip-limit=0", "arcycle.batch.partitions=2"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DunningStepIntegrationTests extends RunsCycleSteps {

    private static final String STEP = "dunning";
    private static final String C = "2026-03-31";
    private static final String PREVIOUS = "2026-02-28";
    /** A customer for less than 730 days on C: never in good standing. */
    private static final String RECENT = "2025-01-01";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.h2(registry, "dunning-step");
    }

    private static final String ACCOUNT_CYCLE = "SELECT account_number, previous_stage, stage, max_dpd, past_due_total,"
            + " balance, good_standing, promise, late_paid_count, referred_earlier FROM account_cycle"
            + " WHERE cycle_date = ? ORDER BY account_number";

    /** A customer since {@code since} with one open invoice of {@code amount}, owing {@code balance}. */
    private void customerOwing(String account, String since, String invoiceNumber, String due, String amount,
            String balance) {
        customer(account, since).insert(jdbc);
        owes(jdbc, account, invoiceNumber, due, amount, balance);
    }

    private void previousStage(String account, String stage) {
        accountCycle(PREVIOUS, account).stage("NONE", stage).insert(jdbc);
    }

    @Test
    void theStageRisesOneStepACycleAtMostFromThePreviousCyclesAndFallsAtOnce() {
        // account, previous stage, due date of its invoice (DPD on C), balance
        String[][] accounts = {
                {"D1", "NONE", "2025-12-21", "500.00"}, // DPD 100
                {"D2", "REMINDER", "2025-12-21", "500.00"},
                {"D3", "PAST_DUE", "2025-12-21", "500.00"},
                {"D4", "FINAL_DEMAND", "2025-12-21", "500.00"},
                {"D5", "FINAL_DEMAND", "2026-03-11", "500.00"}, // DPD 20
                {"D6", "FINAL_DEMAND", "2025-12-21", "40.00"}, // past due no more than 50.00
                {"D8", "NONE", "2026-04-05", "500.00"}}; // not yet due
        for (String[] a : accounts) {
            customerOwing(a[0], RECENT, "I-" + a[0], a[2], "500.00", a[3]);
            previousStage(a[0], a[1]);
        }
        customer("D7", RECENT).insert(jdbc); // paid up since the previous cycle
        previousStage("D7", "PAST_DUE");
        customer("D9", RECENT).insert(jdbc); // nothing owed, nothing before

        runStep(STEP, C, PREVIOUS);

        assertThat(rows(ACCOUNT_CYCLE, date(C))).containsExactly(
                "D1 NONE REMINDER 100 500.00 500.00 false NONE 0 false",
                "D2 REMINDER PAST_DUE 100 500.00 500.00 false NONE 0 false",
                "D3 PAST_DUE FINAL_DEMAND 100 500.00 500.00 false NONE 0 false",
                "D4 FINAL_DEMAND COLLECTIONS 100 500.00 500.00 false NONE 0 false",
                "D5 FINAL_DEMAND REMINDER 20 500.00 500.00 false NONE 0 false",
                "D6 FINAL_DEMAND FINAL_DEMAND 100 40.00 40.00 false NONE 0 false",
                "D7 PAST_DUE NONE - 0.00 0.00 false NONE 0 false",
                "D8 NONE NONE -5 0.00 500.00 false NONE 0 false");
    }

    @Test
    void theStageRisesFromWhatTheStepRecordedTheCycleBefore() {
        customerOwing("T1", RECENT, "I-T1", "2025-11-20", "500.00", "500.00"); // DPD 72, 100, 131

        runStep(STEP, "2026-01-31", null);
        runStep(STEP, "2026-02-28", "2026-01-31");
        runStep(STEP, C, "2026-02-28");

        assertThat(rows("SELECT cycle_date, previous_stage, stage, max_dpd FROM account_cycle ORDER BY cycle_date"))
                .containsExactly(
                        "2026-01-31 NONE REMINDER 72",
                        "2026-02-28 REMINDER PAST_DUE 100",
                        "2026-03-31 PAST_DUE FINAL_DEMAND 131");
    }

    @Test
    void goodStandingDisputesAndCreditChangeTheFigures() {
        // DPD 40 from REMINDER: PAST_DUE, but REMINDER (eff_dpd 25) for a customer of 730 days or more.
        customerOwing("G1", "2020-01-01", "I-G1", "2026-02-19", "300.00", "300.00");
        customerOwing("G2", "2024-04-01", "I-G2", "2026-02-19", "300.00", "300.00"); // C-729
        customerOwing("G3", "2024-03-31", "I-G3", "2026-02-19", "300.00", "300.00"); // C-730
        for (String account : new String[] {"G1", "G2", "G3"}) {
            previousStage(account, "REMINDER");
        }
        // Disputed on C: left out of max_dpd and the past-due total, not of the balance.
        customerOwing("G4", RECENT, "I-G4a", "2025-12-21", "400.00", "400.00");
        dispute(jdbc, "I-G4a", "2026-01-10", null);
        owes(jdbc, "G4", "I-G4b", "2026-02-19", "50.00", "50.00");
        dispute(jdbc, "I-G4b", "2026-02-01", "2026-03-01"); // resolved before C
        previousStage("G4", "PAST_DUE");
        customer("G5", RECENT).insert(jdbc);
        credit(jdbc, "G5", "25.00");

        runStep(STEP, C, PREVIOUS);

        assertThat(rows(ACCOUNT_CYCLE, date(C))).containsExactly(
                "G1 REMINDER REMINDER 40 300.00 300.00 true NONE 0 false",
                "G2 REMINDER PAST_DUE 40 300.00 300.00 false NONE 0 false",
                "G3 REMINDER REMINDER 40 300.00 300.00 true NONE 0 false",
                "G4 PAST_DUE PAST_DUE 40 50.00 450.00 false NONE 0 false",
                "G5 NONE NONE - 0.00 -25.00 false NONE 0 false");
    }

    @Test
    void anAccountReferredInAnEarlierCycleStaysInCollections() {
        customerOwing("RE1", RECENT, "I-RE1", "2026-03-11", "300.00", "300.00"); // DPD 20: REMINDER were it dunned
        referredAccount(jdbc, "RE1", "2026-01-31");
        accountCycle(PREVIOUS, "RE1").stage("COLLECTIONS", "COLLECTIONS").referredEarlier().insert(jdbc);

        runStep(STEP, C, PREVIOUS);

        assertThat(rows(ACCOUNT_CYCLE, date(C))).containsExactly(
                "RE1 COLLECTIONS COLLECTIONS 20 300.00 300.00 false NONE 0 true");
    }

    /**
     * The worked example of rule 4.1: A008's invoices due 2025-03-31 paid off 2025-05-01, and due
     * 2025-05-31 paid off 2025-07-15, are late (grace 10 days) and count while their paid-off date
     * lies in C-364 .. C.
     */
    @ParameterizedTest(name = "on {0}: {1} paid late")
    @CsvSource({
            "2026-01-31, 2, false",
            "2026-04-30, 2, false", // C-364 = 2025-05-01
            "2026-05-01, 1, false",
            "2026-07-14, 1, false", // C-364 = 2025-07-15
            "2026-07-15, 0, true"})
    void lateInvoicesCountWhilePaidOffInTheYearEndingOnTheCycleDate(String cycleDate, int latePaid,
            boolean goodStanding) {
        customer("A008", "2020-01-01").insert(jdbc);
        invoiceItem("A008", "I-8001", "2025-03-01", "2025-03-31", "120.00").paidOff("2025-05-01").insert(jdbc);
        invoiceItem("A008", "I-8002", "2025-05-01", "2025-05-31", "80.00").paidOff("2025-07-15").insert(jdbc);
        credit(jdbc, "A008", "10.00"); // so that the account is decided at all

        runStep(STEP, cycleDate, null);

        assertThat(rows("SELECT late_paid_count, good_standing FROM account_cycle WHERE account_number = 'A008'"))
                .containsExactly(latePaid + " " + goodStanding);
    }

    @Test
    void theLatePaymentWindowAndTheGraceDaysHaveExactEdges() {
        // account, item, due date, paid-off date: late when paid off after due + 10, counted when
        // paid off from C-364 (2025-04-01) to C
        String[][] paid = {
                {"E1", "I-E1", "2025-03-01", "2025-03-31"}, // C-365: out of the window
                {"E2", "I-E2", "2025-03-01", "2025-04-01"}, // C-364: in it
                {"E3", "I-E3", "2026-03-01", "2026-03-11"}, // due + 10: on time
                {"E4", "I-E4", "2026-03-01", "2026-03-12"}, // due + 11: late
                {"E5", "I-E5", "2026-03-01", C}};
        for (String[] p : paid) {
            customer(p[0], "2020-01-01").insert(jdbc);
            invoiceItem(p[0], p[1], "2025-01-01", p[2], "100.00").paidOff(p[3]).insert(jdbc);
            credit(jdbc, p[0], "1.00");
        }
        customer("E6", "2020-01-01").insert(jdbc); // a fee paid late is no invoice paid late
        feeItem("E6", "I-E6", "2026-02-28", "20.00").paidOff("2026-03-20").insert(jdbc);
        credit(jdbc, "E6", "1.00");

        runStep(STEP, C, PREVIOUS);

        assertThat(rows("SELECT account_number, late_paid_count, good_standing FROM account_cycle"
                + " WHERE cycle_date = ? ORDER BY account_number", date(C))).containsExactly(
                        "E1 0 true", "E2 1 false", "E3 0 true", "E4 1 false", "E5 1 false", "E6 0 true");
    }

    @Test
    void anActivePromiseHoldsTheStageAndIsStoredWithWhatWasReceivedAndSoIsABrokenOne() {
        // Each owes an invoice 75 days past due (FINAL_DEMAND) of 600.00, less what it paid.
        customerOwing("P1", RECENT, "I-P1", "2026-01-15", "600.00", "400.00");
        payment(jdbc, "P1-1", "P1", null, "2026-03-01", "50.00"); // before the promise: not towards it
        payment(jdbc, "P1-2", "P1", null, "2026-03-20", "150.00");
        promise(jdbc, "P1", "2026-03-10", "2026-04-15", "400.00");
        customerOwing("P2", RECENT, "I-P2", "2026-01-15", "600.00", "300.00");
        payment(jdbc, "P2-1", "P2", null, "2026-03-01", "100.00");
        payment(jdbc, "P2-2", "P2", null, "2026-03-20", "200.00"); // after the promised date: too late
        promise(jdbc, "P2", "2026-02-20", "2026-03-15", "300.00");
        customerOwing("P3", RECENT, "I-P3", "2026-01-15", "600.00", "600.00");
        promise(jdbc, "P3", "2026-02-20", "2026-03-15", "300.00"); // broken
        promise(jdbc, "P3", "2026-03-20", "2026-04-20", "500.00"); // active
        customerOwing("P4", RECENT, "I-P4", "2026-01-15", "600.00", "300.00");
        payment(jdbc, "P4-1", "P4", null, "2026-03-10", "300.00");
        promise(jdbc, "P4", "2026-02-20", "2026-03-15", "300.00"); // kept
        promise(jdbc, "P4", "2026-01-20", "2026-02-15", "200.00"); // broken before the previous cycle
        for (String account : new String[] {"P1", "P2", "P3", "P4"}) {
            previousStage(account, "PAST_DUE");
        }

        runStep(STEP, C, PREVIOUS);

        assertThat(rows("SELECT account_number, stage, promise FROM account_cycle WHERE cycle_date = ?"
                + " ORDER BY account_number", date(C)))
                .containsExactly("P1 PAST_DUE ACTIVE", "P2 FINAL_DEMAND BROKEN", "P3 PAST_DUE ACTIVE",
                        "P4 FINAL_DEMAND NONE");
        assertThat(rows("SELECT cycle_date, account_number, state, created_date, promised_date, amount, received"
                + " FROM cycle_promise ORDER BY account_number, state")).containsExactly(
                        "2026-03-31 P1 ACTIVE 2026-03-10 2026-04-15 400.00 150.00",
                        "2026-03-31 P2 BROKEN 2026-02-20 2026-03-15 300.00 100.00",
                        "2026-03-31 P3 ACTIVE 2026-03-20 2026-04-20 500.00 0.00",
                        "2026-03-31 P3 BROKEN 2026-02-20 2026-03-15 300.00 0.00");
    }
}
