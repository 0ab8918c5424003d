package com.arcycle.collections;

import static com.arcycle.testing.LedgerTables.accountCycle;
import static com.arcycle.testing.LedgerTables.customer;
import static com.arcycle.testing.LedgerTables.date;
import static com.arcycle.testing.LedgerTables.dispute;
import static com.arcycle.testing.LedgerTables.feeItem;
import static com.arcycle.testing.LedgerTables.owes;
import static com.arcycle.testing.LedgerTables.referredAccount;
import static com.arcycle.testing.LedgerTables.statement;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.arcycle.testing.LedgerTables.AccountCycle;
import com.arcycle.testing.RunsCycleSteps;
import com.arcycle.testing.TestDatabase;

/**
 * The writeOffsAndReferrals step (rule 6) on its own: from each account's stage and figures as
 * dunning recorded them for the cycle of 2026-03-31, and its open items, it records what the cycle
 * does with the account (collection_decision), the items it writes off (write_off, closed in the
 * ledger) and the items it refers with the account's paper trail (referral, referred_account).
 */
@SpringBootTest(properties = {"arcycle.batch.chunk-size=2", "arcycle.batch.skip-limit=0", "arcycle.batch.partitions=2"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CollectionsStepIntegrationTests extends RunsCycleSteps {

    private static final String STEP = "writeOffsAndReferrals";
    private static final String C = "2026-03-31";
    private static final String PREVIOUS = "2026-02-28";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.h2(registry, "collections-step");
    }

    private static final String DECISIONS = "SELECT account_number, action, suspend FROM collection_decision"
            + " WHERE cycle_date = ? ORDER BY account_number";

    /** The account's row of this cycle as dunning recorded it. */
    private static AccountCycle dunned(String account, String previousStage, String stage, int maxDpd,
            String pastDue, String balance) {
        return accountCycle(C, account).stage(previousStage, stage).figures(maxDpd, pastDue, balance);
    }

    @Test
    void writesOffTheOpenItemsOutsideDisputeOfASmallOldBalanceAndClosesThemInTheLedger() {
        customer("W", "2020-01-01").insert(jdbc);
        owes(jdbc, "W", "I-W1", "2025-11-21", "100.00", "30.00"); // DPD 130
        feeItem("W", "I-W1", PREVIOUS, "10.00").insert(jdbc);
        owes(jdbc, "W", "I-Wd", "2026-01-01", "5.00", "5.00");
        dispute(jdbc, "I-Wd", "2026-02-01", null);
        dunned("W", "FINAL_DEMAND", "FINAL_DEMAND", 130, "40.00", "45.00").insert(jdbc);
        // The edges: balance up to 50.00, max DPD from 120.
        String[][] edges = {
                {"W2", "2025-11-21", "50.01", "130"},
                {"W3", "2025-12-01", "50.00", "120"},
                {"W4", "2025-12-02", "20.00", "119"}};
        for (String[] e : edges) {
            customer(e[0], "2020-01-01").insert(jdbc);
            owes(jdbc, e[0], "I-" + e[0], e[1], "100.00", e[2]);
            dunned(e[0], "PAST_DUE", "FINAL_DEMAND", Integer.parseInt(e[3]), e[2], e[2]).insert(jdbc);
        }

        runStep(STEP, C, PREVIOUS);

        assertThat(rows(DECISIONS, date(C))).containsExactly(
                "W WRITTEN_OFF false", "W2 STATEMENT false", "W3 WRITTEN_OFF false", "W4 STATEMENT false");
        assertThat(rows("SELECT cycle_date, account_number, item_id, balance, reason FROM write_off"
                + " ORDER BY account_number, item_id")).containsExactly(
                        "2026-03-31 W I-W1 30.00 SMALL_BALANCE",
                        "2026-03-31 W LF-I-W1-20260228 10.00 SMALL_BALANCE",
                        "2026-03-31 W3 I-W3 50.00 SMALL_BALANCE");
        assertThat(rows("SELECT item_id, balance, written_off_date FROM ledger_item ORDER BY item_id"))
                .as("closed on the cycle date with the balance they had; the disputed item stays open")
                .containsExactly(
                        "I-W1 30.00 2026-03-31",
                        "I-W2 50.01 -",
                        "I-W3 50.00 2026-03-31",
                        "I-W4 20.00 -",
                        "I-Wd 5.00 -",
                        "LF-I-W1-20260228 10.00 2026-03-31");
        assertThat(rows("SELECT COUNT(*) FROM referral")).containsExactly("0");
    }

    @Test
    void refersAnAccountReachingCollectionsWithItsItemsOutsideDisputeAndTheNoticesItWasSent() {
        customer("R", "2020-01-01").recurringService().insert(jdbc);
        owes(jdbc, "R", "I-R1", "2025-12-01", "2000.00", "1800.00"); // DPD 120
        owes(jdbc, "R", "I-R2", "2026-02-15", "900.00", "900.00"); // DPD 44
        feeItem("R", "I-R1", PREVIOUS, "27.00").insert(jdbc); // DPD 31
        owes(jdbc, "R", "I-R3", "2026-01-31", "300.00", "300.00");
        dispute(jdbc, "I-R3", "2026-03-01", null);
        dunned("R", "FINAL_DEMAND", "COLLECTIONS", 120, "2727.00", "3027.00").insert(jdbc);
        // Its paper trail: the statements of earlier cycles at the stage of each (inserted out of
        // order); November's cycle sent it none.
        for (String[] cycle : new String[][] {{"2026-02-28", "FINAL_DEMAND"}, {"2025-12-31", "REMINDER"},
                {"2026-01-31", "PAST_DUE"}}) {
            statement(jdbc, "R", cycle[0]);
            accountCycle(cycle[0], "R").stage("NONE", cycle[1]).insert(jdbc);
        }
        accountCycle("2025-11-30", "R").stage("NONE", "NONE").insert(jdbc);
        // How they went (the mail package's outbox): December's cycle ran with email off, January's
        // was emailed, February's refused for good and posted.
        for (String[] sent : new String[][] {{"2026-01-31", "SENT"}, {"2026-02-28", "FAILED"}}) {
            jdbc.sql("INSERT INTO mail_outbox (cycle_date, account_number, channel, recipient, message_id, status,"
                    + " attempts, resends) VALUES (?, 'R', 'EMAIL', 'ap@r.example', '<id>', ?, 1, 0)")
                    .params(date(sent[0]), sent[1]).update();
        }
        // Referred total exactly the small-claims limit, and no statement ever sent.
        customer("S", "2020-01-01").insert(jdbc);
        owes(jdbc, "S", "I-S1", "2025-12-26", "2500.00", "2500.00"); // DPD 95
        dunned("S", "FINAL_DEMAND", "COLLECTIONS", 95, "2500.00", "2500.00").insert(jdbc);
        // Another account's statements are not R's.
        customer("T", "2020-01-01").insert(jdbc);
        statement(jdbc, "T", "2026-02-28");
        accountCycle("2026-02-28", "T").stage("NONE", "REMINDER").insert(jdbc);

        runStep(STEP, C, PREVIOUS);

        assertThat(rows(DECISIONS, date(C))).containsExactly("R REFERRED true", "S REFERRED false");
        assertThat(rows("SELECT account_number, item_id, balance, dpd, referred_total, recommended_action,"
                + " CONCAT('notices=', notices) FROM referral WHERE cycle_date = ? ORDER BY account_number, item_id",
                date(C))).containsExactly(
                        "R I-R1 1800.00 120 2727.00 AGENCY"
                                + " notices=2025-12-31:REMINDER;2026-01-31:PAST_DUE;2026-02-28:FINAL_DEMAND",
                        "R I-R2 900.00 44 2727.00 AGENCY"
                                + " notices=2025-12-31:REMINDER;2026-01-31:PAST_DUE;2026-02-28:FINAL_DEMAND",
                        "R LF-I-R1-20260228 27.00 31 2727.00 AGENCY"
                                + " notices=2025-12-31:REMINDER;2026-01-31:PAST_DUE;2026-02-28:FINAL_DEMAND",
                        "S I-S1 2500.00 95 2500.00 SMALL_CLAIMS notices=");
        assertThat(rows("SELECT DISTINCT account_number, CONCAT('channels=', notice_channels) FROM referral"
                + " ORDER BY account_number")).as("beside notices, how each reached the account")
                .containsExactly("R channels=2025-12-31:POST;2026-01-31:EMAIL;2026-02-28:POST", "S channels=");
        assertThat(rows("SELECT account_number, referred_cycle FROM referred_account ORDER BY account_number"))
                .containsExactly("R 2026-03-31", "S 2026-03-31");
        assertThat(rows("SELECT COUNT(*) FROM ledger_item WHERE written_off_date IS NOT NULL"))
                .as("a referral closes nothing").containsExactly("0");
    }

    @Test
    void decidesOneActionPerAccountAndSuspendsTheServiceOfAnAccountWarnedByAFinalDemand() {
        // account, recurring service, previous stage, stage; each owes 600.00, 80 days past due
        String[][] accounts = {
                {"T", "true", "FINAL_DEMAND", "FINAL_DEMAND"},
                {"U", "true", "PAST_DUE", "FINAL_DEMAND"},
                {"V", "false", "FINAL_DEMAND", "FINAL_DEMAND"},
                {"Q", "true", "NONE", "REMINDER"}};
        for (String[] a : accounts) {
            var customer = customer(a[0], "2020-01-01");
            (Boolean.parseBoolean(a[1]) ? customer.recurringService() : customer).insert(jdbc);
            owes(jdbc, a[0], "I-" + a[0], "2026-01-10", "600.00", "600.00");
            dunned(a[0], a[2], a[3], 80, "600.00", "600.00").insert(jdbc);
        }
        // Paid up since its final demand.
        customer("N", "2020-01-01").recurringService().insert(jdbc);
        accountCycle(C, "N").stage("FINAL_DEMAND", "NONE").insert(jdbc);
        // Referred in January: out of the cycle's dunning, nothing is decided for it again.
        customer("E", "2020-01-01").recurringService().insert(jdbc);
        owes(jdbc, "E", "I-E1", "2025-11-01", "700.00", "700.00");
        referredAccount(jdbc, "E", "2026-01-31");
        accountCycle(C, "E").stage("COLLECTIONS", "COLLECTIONS").figures(150, "700.00", "700.00").referredEarlier()
                .insert(jdbc);

        runStep(STEP, C, PREVIOUS);

        assertThat(rows(DECISIONS, date(C))).containsExactly(
                "E NONE false",
                "N NONE false",
                "Q STATEMENT false",
                "T STATEMENT true",
                "U STATEMENT false",
                "V STATEMENT false");
        assertThat(rows("SELECT account_number, referred_cycle FROM referred_account")).containsExactly("E 2026-01-31");
        assertThat(rows("SELECT COUNT(*) FROM referral")).containsExactly("0");
        assertThat(rows("SELECT COUNT(*) FROM write_off")).containsExactly("0");
    }
}
