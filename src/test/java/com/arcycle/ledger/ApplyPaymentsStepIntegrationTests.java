package com.arcycle.ledger;

import static com.arcycle.testing.LedgerTables.credit;
import static com.arcycle.testing.LedgerTables.customer;
import static com.arcycle.testing.LedgerTables.feeItem;
import static com.arcycle.testing.LedgerTables.invoice;
import static com.arcycle.testing.LedgerTables.invoiceItem;
import static com.arcycle.testing.LedgerTables.payment;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.arcycle.testing.RunsCycleSteps;
import com.arcycle.testing.TestDatabase;

/**
 * The applyPayments step (rule 2) on its own: it takes into the ledger the invoices issued and the
 * payments received up to the cycle date that no cycle has taken, applies them account by account,
 * and records items, postings, allocations and credit. Two partitions in chunks of two accounts; a
 * skip limit of 0, so that bad data fails the step instead of skipping an account unseen.
 */
@SpringBootTest(properties = {"arcycle.batch.chunk-size=2", "arcycle.batch.skip-limit=0", "arcycle.batch.partitions=2"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ApplyPaymentsStepIntegrationTests extends RunsCycleSteps {

    private static final String STEP = "applyPayments";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.h2(registry, "apply-payments-step");
    }

    private static final String ITEMS = "SELECT item_id, item_type, invoice_number, issue_date, due_date, amount,"
            + " balance, paid_off_date, written_off_date, posted_cycle, fee_basis FROM ledger_item"
            + " WHERE account_number = ? ORDER BY item_id";
    private static final String POSTINGS = "SELECT payment_id, cycle_date, item_id, direct, to_credit"
            + " FROM payment_posting WHERE account_number = ? ORDER BY payment_id";
    private static final String ALLOCATIONS = "SELECT cycle_date, item_id, payment_id, source, applied_date, amount"
            + " FROM allocation WHERE account_number = ? ORDER BY allocation_id";
    private static final String CREDIT = "SELECT unapplied_credit FROM account_state WHERE account_number = ?";

    /** January's invoices and payments of A1, and two that come after the cycle date. */
    private void a1() {
        customer("A1", "2020-01-01").insert(jdbc);
        invoice(jdbc, "I-101", "A1", "2026-01-05", "2026-02-04", "300.00");
        invoice(jdbc, "I-102", "A1", "2026-01-10", "2026-01-20", "200.00");
        invoice(jdbc, "I-103", "A1", "2026-02-05", "2026-03-07", "100.00");
        payment(jdbc, "P-1", "A1", "I-101", "2026-01-15", "250.00");
        payment(jdbc, "P-2", "A1", null, "2026-01-20", "150.00");
        payment(jdbc, "P-3", "A1", "I-101", "2026-01-25", "130.00");
        payment(jdbc, "P-4", "A1", null, "2026-02-02", "40.00");
    }

    /** A4 owes an invoice taken by December's cycle and pays it after January's cycle date. */
    private void a4() {
        customer("A4", "2020-01-01").insert(jdbc);
        invoice(jdbc, "I-401", "A4", "2025-12-01", "2025-12-31", "75.00");
        invoiceItem("A4", "I-401", "2025-12-01", "2025-12-31", "75.00").posted("2025-12-31").insert(jdbc);
        payment(jdbc, "P-41", "A4", "I-401", "2026-02-02", "75.00");
    }

    @Test
    void takesInTheNewInvoicesAndPaymentsAPaymentPayingTheInvoiceItWasSentForBeforeTheOldest() {
        a1();

        runStep(STEP, "2026-01-31", null);

        // 01-15 P-1 pays 250.00 of I-101 (not I-102, due first); 01-20 P-2, sent for nothing, is credit
        // and pays 150.00 of I-102 (due first); 01-25 P-3 pays the last 50.00 of I-101 and its 80.00
        // left pays I-102's 50.00, leaving 30.00 of credit. I-103 and P-4 come after the cycle date.
        assertThat(rows(ITEMS, "A1")).containsExactly(
                "I-101 INVOICE I-101 2026-01-05 2026-02-04 300.00 0.00 2026-01-25 - 2026-01-31 -",
                "I-102 INVOICE I-102 2026-01-10 2026-01-20 200.00 0.00 2026-01-25 - 2026-01-31 -");
        assertThat(rows(POSTINGS, "A1")).containsExactly(
                "P-1 2026-01-31 I-101 250.00 0.00",
                "P-2 2026-01-31 - 0.00 150.00",
                "P-3 2026-01-31 I-101 50.00 80.00");
        assertThat(rows(ALLOCATIONS, "A1")).as("what credit paid; what a payment paid directly is in its posting")
                .containsExactly(
                        "2026-01-31 I-102 P-2 FIFO 2026-01-20 150.00",
                        "2026-01-31 I-102 P-3 FIFO 2026-01-25 50.00");
        assertThat(rows(CREDIT, "A1")).containsExactly("30.00");
    }

    @Test
    void creditCarriedFromTheCycleBeforePaysTheNewInvoicesOldestFirstOnTheDayTheyAreIssued() {
        customer("A2", "2020-01-01").insert(jdbc);
        credit(jdbc, "A2", "100.00");
        invoice(jdbc, "I-201", "A2", "2026-01-10", "2026-02-09", "80.00");
        invoice(jdbc, "I-202", "A2", "2026-01-10", "2026-01-25", "50.00");

        runStep(STEP, "2026-01-31", null);

        assertThat(rows(ITEMS, "A2")).containsExactly(
                "I-201 INVOICE I-201 2026-01-10 2026-02-09 80.00 30.00 - - 2026-01-31 -",
                "I-202 INVOICE I-202 2026-01-10 2026-01-25 50.00 0.00 2026-01-10 - 2026-01-31 -");
        assertThat(rows(ALLOCATIONS, "A2")).as("no payment: the credit was carried").containsExactly(
                "2026-01-31 I-202 - FIFO 2026-01-10 50.00",
                "2026-01-31 I-201 - FIFO 2026-01-10 50.00");
        assertThat(rows(POSTINGS, "A2")).isEmpty();
        assertThat(rows(CREDIT, "A2")).containsExactly("0.00");
    }

    @Test
    void creditPaysOpenItemsByDueDateThenIssueDateThenInvoicesBeforeFeesThenId() {
        customer("A3", "2020-01-01").insert(jdbc);
        // Open since December, in the ledger (and so in no cycle's intake again), inserted out of
        // order, with ids that would order them otherwise ("LF-..." before "V-...").
        for (String[] item : List.of(
                new String[] {"V-304", "2025-12-31", "2025-12-31", "15.00"},
                new String[] {"V-303", "2025-12-31", "2025-12-31", "30.00"},
                new String[] {"V-309", "2025-12-15", "2025-12-31", "40.00"},
                new String[] {"V-301", "2025-11-01", "2025-12-01", "20.00"})) {
            invoice(jdbc, item[0], "A3", item[1], item[2], item[3]);
            invoiceItem("A3", item[0], item[1], item[2], item[3]).posted("2025-12-31").insert(jdbc);
        }
        feeItem("A3", "V-301", "2025-12-31", "5.00").basis("20.00").insert(jdbc);
        payment(jdbc, "P-31", "A3", null, "2026-01-10", "100.00");

        runStep(STEP, "2026-01-31", null);

        // 100.00: V-301 (due first) 20.00, V-309 (issued first) 40.00, V-303 (id before V-304)
        // 30.00, V-304 the last 10.00; the fee, due and issued with V-303 and V-304, comes after
        // the invoices.
        assertThat(rows(ALLOCATIONS, "A3")).containsExactly(
                "2026-01-31 V-301 P-31 FIFO 2026-01-10 20.00",
                "2026-01-31 V-309 P-31 FIFO 2026-01-10 40.00",
                "2026-01-31 V-303 P-31 FIFO 2026-01-10 30.00",
                "2026-01-31 V-304 P-31 FIFO 2026-01-10 10.00");
        assertThat(rows(ITEMS, "A3")).containsExactly(
                "LF-V-301-20251231 FEE V-301 2025-12-31 2025-12-31 5.00 5.00 - - 2025-12-31 20.00",
                "V-301 INVOICE V-301 2025-11-01 2025-12-01 20.00 0.00 2026-01-10 - 2025-12-31 -",
                "V-303 INVOICE V-303 2025-12-31 2025-12-31 30.00 0.00 2026-01-10 - 2025-12-31 -",
                "V-304 INVOICE V-304 2025-12-31 2025-12-31 15.00 5.00 - - 2025-12-31 -",
                "V-309 INVOICE V-309 2025-12-15 2025-12-31 40.00 0.00 2026-01-10 - 2025-12-31 -");
        assertThat(rows(POSTINGS, "A3")).containsExactly("P-31 2026-01-31 - 0.00 100.00");
        assertThat(rows(CREDIT, "A3")).as("no credit before or after: nothing to record").isEmpty();
    }

    @Test
    void leavesAnAccountWithNothingNewUntouched() {
        a4();
        customer("A5", "2020-01-01").insert(jdbc);
        credit(jdbc, "A5", "12.50");

        runStep(STEP, "2026-01-31", null);

        assertThat(rows(ITEMS, "A4")).containsExactly(
                "I-401 INVOICE I-401 2025-12-01 2025-12-31 75.00 75.00 - - 2025-12-31 -");
        assertThat(rows("SELECT COUNT(*) FROM payment_posting")).containsExactly("0");
        assertThat(rows("SELECT COUNT(*) FROM allocation")).containsExactly("0");
        assertThat(rows(CREDIT, "A5")).containsExactly("12.50");
    }

    @Test
    void takesNothingTwiceWhenTheStepRunsForTheNextCycle() {
        a1();
        a4();

        runStep(STEP, "2026-01-31", null);
        runStep(STEP, "2026-02-28", "2026-01-31");

        // February: P-4 (02-02) adds 40.00 to A1's 30.00 of credit, which pays I-103 when it is
        // issued (02-05); A4's P-41 pays I-401. January's intake is not taken again.
        assertThat(rows(ITEMS, "A1")).containsExactly(
                "I-101 INVOICE I-101 2026-01-05 2026-02-04 300.00 0.00 2026-01-25 - 2026-01-31 -",
                "I-102 INVOICE I-102 2026-01-10 2026-01-20 200.00 0.00 2026-01-25 - 2026-01-31 -",
                "I-103 INVOICE I-103 2026-02-05 2026-03-07 100.00 30.00 - - 2026-02-28 -");
        assertThat(rows(POSTINGS, "A1")).containsExactly(
                "P-1 2026-01-31 I-101 250.00 0.00",
                "P-2 2026-01-31 - 0.00 150.00",
                "P-3 2026-01-31 I-101 50.00 80.00",
                "P-4 2026-02-28 - 0.00 40.00");
        assertThat(rows(ALLOCATIONS, "A1")).containsExactly(
                "2026-01-31 I-102 P-2 FIFO 2026-01-20 150.00",
                "2026-01-31 I-102 P-3 FIFO 2026-01-25 50.00",
                "2026-02-28 I-103 - FIFO 2026-02-05 70.00");
        assertThat(rows(CREDIT, "A1")).containsExactly("0.00");
        assertThat(rows(ITEMS, "A4")).containsExactly(
                "I-401 INVOICE I-401 2025-12-01 2025-12-31 75.00 0.00 2026-02-02 - 2025-12-31 -");
        assertThat(rows(POSTINGS, "A4")).containsExactly("P-41 2026-02-28 I-401 75.00 0.00");
    }

    @Test
    void takesRowsDatedBeforeThePreviousCycleThatWereLoadedAfterIt() {
        a1();
        runStep(STEP, "2026-01-31", null);
        // A late-entered invoice and a late deposit file, both dated in January, loaded after January's cycle.
        invoice(jdbc, "I-104", "A1", "2026-01-12", "2026-02-11", "60.00");
        payment(jdbc, "P-5", "A1", "I-104", "2026-01-28", "20.00");

        runStep(STEP, "2026-02-28", "2026-01-31");

        // Replayed first, in rule 2's order: I-104 (01-12) takes the 30.00 of credit January left,
        // P-5 (01-28) pays 20.00 of it; P-4 (02-02) pays its last 10.00 and leaves 30.00 for I-103.
        assertThat(rows(ITEMS, "A1")).containsExactly(
                "I-101 INVOICE I-101 2026-01-05 2026-02-04 300.00 0.00 2026-01-25 - 2026-01-31 -",
                "I-102 INVOICE I-102 2026-01-10 2026-01-20 200.00 0.00 2026-01-25 - 2026-01-31 -",
                "I-103 INVOICE I-103 2026-02-05 2026-03-07 100.00 70.00 - - 2026-02-28 -",
                "I-104 INVOICE I-104 2026-01-12 2026-02-11 60.00 0.00 2026-02-02 - 2026-02-28 -");
        assertThat(rows(POSTINGS, "A1")).containsExactly(
                "P-1 2026-01-31 I-101 250.00 0.00",
                "P-2 2026-01-31 - 0.00 150.00",
                "P-3 2026-01-31 I-101 50.00 80.00",
                "P-4 2026-02-28 - 0.00 40.00",
                "P-5 2026-02-28 I-104 20.00 0.00");
        assertThat(rows(CREDIT, "A1")).containsExactly("0.00");
    }

    @Test
    void aFailedRunRestartedTakesInTheRestAndNothingTwice() {
        // Six accounts in two partitions (R1-R3, R4-R6), chunks of two: R6's payment of 0.00 fails
        // the second partition after its first chunk (R4, R5) has committed.
        for (int n = 1; n <= 6; n++) {
            String account = "R" + n;
            customer(account, "2020-01-01").insert(jdbc);
            invoice(jdbc, "I-" + account, account, "2026-01-05", "2026-02-04", "100.00");
            payment(jdbc, "P-" + account, account, "I-" + account, "2026-01-20", n == 6 ? "0.00" : "10.00");
        }
        JobParameters january = parameters("2026-01-31");

        JobExecution failed = startStep(STEP, january, null);

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(rows("SELECT payment_id FROM payment_posting ORDER BY payment_id"))
                .containsExactly("P-R1", "P-R2", "P-R3", "P-R4", "P-R5");

        jdbc.sql("UPDATE payment SET amount = 10.00 WHERE payment_id = 'P-R6'").update();
        JobExecution restarted = startStep(STEP, january, null);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstanceId()).as("the same run, restarted").isEqualTo(failed.getJobInstanceId());
        assertThat(rows("SELECT payment_id, direct FROM payment_posting ORDER BY payment_id")).containsExactly(
                "P-R1 10.00", "P-R2 10.00", "P-R3 10.00", "P-R4 10.00", "P-R5 10.00", "P-R6 10.00");
        assertThat(rows("SELECT item_id, balance FROM ledger_item ORDER BY item_id")).containsExactly(
                "I-R1 90.00", "I-R2 90.00", "I-R3 90.00", "I-R4 90.00", "I-R5 90.00", "I-R6 90.00");
    }
}
