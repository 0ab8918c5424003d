package com.arcycle.aging;

import static com.arcycle.testing.LedgerTables.accountCycle;
import static com.arcycle.testing.LedgerTables.credit;
import static com.arcycle.testing.LedgerTables.customer;
import static com.arcycle.testing.LedgerTables.date;
import static com.arcycle.testing.LedgerTables.dispute;
import static com.arcycle.testing.LedgerTables.feeItem;
import static com.arcycle.testing.LedgerTables.invoiceItem;
import static com.arcycle.testing.LedgerTables.owes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.arcycle.testing.RunsCycleSteps;
import com.arcycle.testing.TestDatabase;

/**
 * The agedReceivables step (rule 7) on its own: every account with an open item or unapplied
 * credit gets one aged_balance row of the cycle of 2026-03-31: its open balances by days past due
 * (buckets 30, 60, 90, 120), the part in dispute, its credit, the total net of credit, and its stage.
 */
@SpringBootTest(properties = {"arcycle.batch.chunk-size=2", "arcycle.batch.skip-limit=0", "arcycle.batch.partitions=2"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AgingStepIntegrationTests extends RunsCycleSteps {

    private static final String STEP = "agedReceivables";
    private static final String C = "2026-03-31";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.h2(registry, "aging-step");
    }

    private static final String AGED = "SELECT account_number, current_amount, d1_30, d31_60, d61_90, d91_120,"
            + " d121_plus, in_dispute, unapplied_credit, total, stage FROM aged_balance WHERE cycle_date = ?"
            + " ORDER BY account_number";

    @Test
    void filesEachOpenItemUnderTheBucketOfItsDaysPastDue() {
        // days past due on C, the bucket a bookkeeper files it under
        Object[][] edges = {{-5, 0}, {0, 0}, {1, 1}, {30, 1}, {31, 2}, {60, 2}, {61, 3}, {90, 3}, {91, 4},
                {120, 4}, {121, 5}};
        List<String> expected = new ArrayList<>();
        for (Object[] edge : edges) {
            int dpd = (int) edge[0];
            String account = String.format("D%+04d", dpd);
            customer(account, "2020-01-01").insert(jdbc);
            owes(jdbc, account, "I" + account, date(C).minusDays(dpd).toString(), "100.00", "100.00");
            StringJoiner row = new StringJoiner(" ").add(account);
            for (int bucket = 0; bucket < 6; bucket++) {
                row.add(bucket == (int) edge[1] ? "100.00" : "0.00");
            }
            expected.add(row.add("0.00 0.00 100.00 NONE").toString());
        }

        runStep(STEP, C, null);

        assertThat(rows(AGED, date(C))).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void agesBalancesWithDisputesAlsoOnTheirOwnAndCreditSubtractedNotAccountsWithNeitherItemsNorCredit() {
        customer("G1", "2020-01-01").insert(jdbc);
        // Balances that tell the buckets apart: each bucket's sum can only come from its own items.
        owes(jdbc, "G1", "I-G1a", "2026-04-05", "1024.00", "1024.00"); // DPD -5
        feeItem("G1", "I-G1a", C, "1.00").insert(jdbc); // DPD 0
        owes(jdbc, "G1", "I-G1b", "2026-03-30", "2.00", "2.00"); // DPD 1
        owes(jdbc, "G1", "I-G1c", "2026-03-01", "4.00", "4.00"); // 30
        owes(jdbc, "G1", "I-G1d", "2026-02-28", "8.00", "8.00"); // 31
        owes(jdbc, "G1", "I-G1e", "2026-01-30", "16.00", "16.00"); // 60
        owes(jdbc, "G1", "I-G1f", "2026-01-29", "32.00", "32.00"); // 61, in dispute
        dispute(jdbc, "I-G1f", "2026-02-15", null);
        owes(jdbc, "G1", "I-G1g", "2025-12-31", "64.00", "64.00"); // 90, dispute resolved before C
        dispute(jdbc, "I-G1g", "2026-02-15", "2026-03-15");
        owes(jdbc, "G1", "I-G1h", "2025-12-30", "128.00", "128.00"); // 91, disputed after C
        dispute(jdbc, "I-G1h", "2026-04-02", null);
        owes(jdbc, "G1", "I-G1i", "2025-12-01", "300.00", "256.00"); // 120, part paid: its balance is aged
        owes(jdbc, "G1", "I-G1j", "2025-11-30", "512.00", "512.00"); // 121, in dispute until after C
        dispute(jdbc, "I-G1j", "2025-12-15", "2026-04-10");
        invoiceItem("G1", "I-G1k", "2025-09-01", "2025-10-01", "40.00").paidOff("2025-10-05").insert(jdbc);
        invoiceItem("G1", "I-G1l", "2025-09-01", "2025-10-01", "77.00").writtenOff("2026-02-28").insert(jdbc);
        accountCycle(C, "G1").stage("PAST_DUE", "FINAL_DEMAND").insert(jdbc);
        customer("G2", "2020-01-01").insert(jdbc); // credit only, not dunned this cycle
        credit(jdbc, "G2", "25.00");
        customer("G3", "2020-01-01").insert(jdbc); // nothing at all
        customer("G4", "2020-01-01").insert(jdbc); // only items paid or written off
        invoiceItem("G4", "I-G4a", "2025-09-01", "2025-10-01", "40.00").paidOff("2025-10-05").insert(jdbc);
        invoiceItem("G4", "I-G4b", "2025-09-01", "2025-10-01", "30.00").writtenOff("2026-02-28").insert(jdbc);
        credit(jdbc, "G4", "0.00");
        customer("G5", "2020-01-01").insert(jdbc); // referred in an earlier cycle, still aged
        owes(jdbc, "G5", "I-G5", "2025-11-01", "700.00", "700.00");
        accountCycle(C, "G5").stage("COLLECTIONS", "COLLECTIONS").referredEarlier().insert(jdbc);

        runStep(STEP, C, "2026-02-28");

        assertThat(rows(AGED, date(C))).containsExactly(
                "G1 1025.00 6.00 24.00 96.00 384.00 512.00 544.00 0.00 2047.00 FINAL_DEMAND",
                "G2 0.00 0.00 0.00 0.00 0.00 0.00 0.00 25.00 -25.00 NONE",
                "G5 0.00 0.00 0.00 0.00 0.00 700.00 0.00 0.00 700.00 COLLECTIONS");
    }
}
