package com.arcycle.fees;

import static com.arcycle.testing.LedgerTables.accountCycle;
import static com.arcycle.testing.LedgerTables.credit;
import static com.arcycle.testing.LedgerTables.customer;
import static com.arcycle.testing.LedgerTables.date;
import static com.arcycle.testing.LedgerTables.decision;
import static com.arcycle.testing.LedgerTables.dispute;
import static com.arcycle.testing.LedgerTables.feeItem;
import static com.arcycle.testing.LedgerTables.owes;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.arcycle.testing.RunsCycleSteps;
import com.arcycle.testing.TestDatabase;

/**
 * The lateFees step (rule 5) on its own: from each account's stage, promise and late payments as
 * dunning recorded them, collections' decision, the customer's fee mode, the open items and the
 * fees charged before, it writes the cycle's fee items into the ledger (with the balance each was
 * computed on) and applies the account's credit to them. Cycle 2026-03-31 unless a test says
 * otherwise; default policy (grace 10 days, 1.5%, at least 2.00, at most 20% of an invoice).
 */
@SpringBootTest(properties = {"arcycle.batch.chunk-size=2", "arcycle.batch.skip-limit=0", "arcycle.batch.partitions=2"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LateFeesStepIntegrationTests extends RunsCycleSteps {

    private static final String STEP = "lateFees";
    private static final String C = "2026-03-31";
    private static final String PREVIOUS = "2026-02-28";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.h2(registry, "late-fees-step");
    }

    private static final String FEES = "SELECT item_id, invoice_number, issue_date, due_date, amount, balance,"
            + " paid_off_date, posted_cycle, fee_basis FROM ledger_item WHERE item_type = 'FEE' AND posted_cycle = ?"
            + " ORDER BY item_id";

    /** A customer dunned this cycle at {@code stage}, sent a statement, no promise, nothing paid late. */
    private void dunned(String account, String stage) {
        customer(account, "2020-01-01").insert(jdbc);
        accountCycle(C, account).stage("PAST_DUE", stage).insert(jdbc);
        decision(jdbc, C, account, "STATEMENT", false);
    }

    @Test
    void chargesEachInvoiceMoreThanTheGraceDaysPastDueOnItsBalanceAtLeastTheMinimumAndAtMostTheCap() {
        dunned("F1", "PAST_DUE");
        owes(jdbc, "F1", "I-F1a", "2026-02-28", "1000.00", "800.00"); // DPD 31: 1.5% of 800.00
        feeItem("F1", "I-F1a", PREVIOUS, "12.00").insert(jdbc); // open, and never charged a fee itself
        owes(jdbc, "F1", "I-F1b", "2026-03-21", "100.00", "100.00"); // DPD 10: within the grace days
        owes(jdbc, "F1", "I-F1c", "2026-03-20", "100.00", "100.00"); // DPD 11: 1.50, the minimum 2.00
        owes(jdbc, "F1", "I-F1d", "2026-01-31", "200.00", "200.00");
        dispute(jdbc, "I-F1d", "2026-03-01", null); // in dispute on C
        owes(jdbc, "F1", "I-F1e", "2026-02-15", "163.00", "163.00"); // 2.445 rounds half up to 2.45
        // The cap, 20% of 100.00: 19.00 charged by earlier cycles leaves 1.00; 20.00 leaves nothing.
        dunned("F2", "FINAL_DEMAND");
        owes(jdbc, "F2", "I-F2", "2025-10-31", "100.00", "100.00");
        feeItem("F2", "I-F2", "2025-11-30", "9.50").paidOff("2025-12-10").insert(jdbc);
        feeItem("F2", "I-F2", "2025-12-31", "9.50").paidOff("2026-01-10").insert(jdbc);
        owes(jdbc, "F2", "I-F2b", "2025-10-31", "100.00", "100.00");
        feeItem("F2", "I-F2b", "2025-11-30", "10.00").paidOff("2025-12-10").insert(jdbc);
        feeItem("F2", "I-F2b", "2025-12-31", "10.00").paidOff("2026-01-10").insert(jdbc);

        runStep(STEP, C, PREVIOUS);

        assertThat(rows(FEES, date(C))).containsExactly(
                "LF-I-F1a-20260331 I-F1a 2026-03-31 2026-03-31 12.00 12.00 - 2026-03-31 800.00",
                "LF-I-F1c-20260331 I-F1c 2026-03-31 2026-03-31 2.00 2.00 - 2026-03-31 100.00",
                "LF-I-F1e-20260331 I-F1e 2026-03-31 2026-03-31 2.45 2.45 - 2026-03-31 163.00",
                "LF-I-F2-20260331 I-F2 2026-03-31 2026-03-31 1.00 1.00 - 2026-03-31 100.00");
    }

    @Test
    void chargesOnlyAccountsWhoseFeeModeCallsForItWithNoActivePromiseNotInCollectionsNorWrittenOff() {
        // account, late_fee_mode, stage, promise, action, invoices paid late; each owes 400.00 31 days
        // past due, a fee of 6.00 when charged
        String[][] accounts = {
                {"K1", null, "PAST_DUE", "NONE", "STATEMENT", "0"}, // the policy's default, ALWAYS
                {"K2", "ALWAYS", "PAST_DUE", "NONE", "STATEMENT", "0"},
                {"K3", "NEVER", "PAST_DUE", "NONE", "STATEMENT", "0"},
                {"K4", "HABITUAL", "PAST_DUE", "NONE", "STATEMENT", "2"},
                {"K5", "HABITUAL", "PAST_DUE", "NONE", "STATEMENT", "1"},
                {"K6", "ALWAYS", "PAST_DUE", "ACTIVE", "STATEMENT", "0"},
                {"K7", "ALWAYS", "PAST_DUE", "BROKEN", "STATEMENT", "0"},
                {"K8", "ALWAYS", "COLLECTIONS", "NONE", "REFERRED", "0"},
                // Its invoice left open: the decision alone stops the fee.
                {"K9", "ALWAYS", "FINAL_DEMAND", "NONE", "WRITTEN_OFF", "0"},
                {"KA", "ALWAYS", "COLLECTIONS", "NONE", "NONE", "0"}}; // referred in an earlier cycle
        for (String[] a : accounts) {
            customer(a[0], "2020-01-01").lateFeeMode(a[1]).insert(jdbc);
            owes(jdbc, a[0], "I-" + a[0], "2026-02-28", "400.00", "400.00");
            var dunned = accountCycle(C, a[0]).stage("PAST_DUE", a[2]).promise(a[3]).latePaid(Integer.parseInt(a[5]));
            (a[0].equals("KA") ? dunned.referredEarlier() : dunned).insert(jdbc);
            decision(jdbc, C, a[0], a[4], false);
        }

        runStep(STEP, C, PREVIOUS);

        assertThat(rows("SELECT account_number, item_id, amount FROM ledger_item WHERE item_type = 'FEE'"
                + " ORDER BY account_number")).containsExactly(
                        "K1 LF-I-K1-20260331 6.00",
                        "K2 LF-I-K2-20260331 6.00",
                        "K4 LF-I-K4-20260331 6.00",
                        "K7 LF-I-K7-20260331 6.00");
    }

    /**
     * The payments step leaves no credit beside an open item, so a fee meets credit only in a
     * prepared ledger like this one: creating the fee applies the credit oldest first (rule 2),
     * to the invoice, then to the fee.
     */
    @Test
    void creatingAFeeAppliesTheAccountsCreditOldestFirstUpToTheFee() {
        dunned("CR", "PAST_DUE");
        owes(jdbc, "CR", "I-CR", "2026-02-28", "100.00", "100.00"); // a fee of 2.00 on 100.00
        credit(jdbc, "CR", "103.00");

        runStep(STEP, C, PREVIOUS);

        assertThat(rows("SELECT item_id, amount, balance, paid_off_date, fee_basis FROM ledger_item ORDER BY item_id"))
                .containsExactly(
                        "I-CR 100.00 0.00 2026-03-31 -",
                        "LF-I-CR-20260331 2.00 0.00 2026-03-31 100.00");
        assertThat(rows("SELECT cycle_date, item_id, payment_id, source, applied_date, amount FROM allocation"
                + " ORDER BY allocation_id")).containsExactly(
                        "2026-03-31 I-CR - FIFO 2026-03-31 100.00",
                        "2026-03-31 LF-I-CR-20260331 - FIFO 2026-03-31 2.00");
        assertThat(rows("SELECT unapplied_credit FROM account_state WHERE account_number = 'CR'"))
                .containsExactly("1.00");
    }

    @Test
    void theCapCountsTheFeesTheStepChargedInTheCycleBefore() {
        customer("K", "2020-01-01").insert(jdbc);
        owes(jdbc, "K", "I-K", "2025-12-31", "50.00", "50.00"); // a cap of 10.00
        feeItem("K", "I-K", "2026-01-31", "9.00").insert(jdbc);
        for (String cycle : new String[] {PREVIOUS, C}) {
            accountCycle(cycle, "K").stage("PAST_DUE", "PAST_DUE").insert(jdbc);
            decision(jdbc, cycle, "K", "STATEMENT", false);
        }

        runStep(STEP, PREVIOUS, "2026-01-31");
        runStep(STEP, C, PREVIOUS);

        // February: the minimum 2.00 cut to the 1.00 left; March: nothing left, no fee.
        assertThat(rows("SELECT item_id, amount, fee_basis FROM ledger_item WHERE item_type = 'FEE' ORDER BY item_id"))
                .containsExactly("LF-I-K-20260131 9.00 -", "LF-I-K-20260228 1.00 50.00");
    }
}
