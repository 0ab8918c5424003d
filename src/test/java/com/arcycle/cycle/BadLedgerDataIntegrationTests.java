package com.arcycle.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.arcycle.testing.ManifestCheck;
import com.arcycle.testing.RunsCommands;
import com.arcycle.testing.SharedFiles;
import com.arcycle.testing.TestDatabase;

/**
 * Rows edited by hand so that they break a rule: the account is skipped by the step with its
 * reason in rejects.csv and the cycle completes with exit code 3; past the skip limit (1 here)
 * the run fails instead, and can be restarted once the data is mended. One partition, so which
 * of two bad accounts passes the limit is certain.
 */
@SpringBootTest(properties = {"arcycle.batch.skip-limit=1", "arcycle.batch.partitions=1"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BadLedgerDataIntegrationTests extends RunsCommands {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.h2(registry, "bad-data");
    }

    @TempDir
    Path out;

    @Test
    void aBrokenRowIsSkippedWithItsReasonAndTooManyFailTheRun() throws Exception {
        Path example = SharedFiles.path("examples/small-ledger");
        assertThat(console.run("import-ledger", "--dir", example.resolve("ledger").toString(), "--out", out.toString()))
                .isZero();
        jdbc.sql("UPDATE customer SET late_fee_mode = 'SOMETIMES' WHERE account_number = 'A004'").update();

        assertThat(console.run("run-cycle", "--cycle-date", "2026-01-31", "--out", out.toString())).isEqualTo(3);
        assertThat(console.output()).contains("2 accounts were skipped by a step because their data breaks a rule");
        assertThat(Files.readAllLines(out.resolve("2026-01-31/rejects.csv"))).containsExactly(
                "step,account_number,item_id,column,value,reason",
                "lateFees,A004,,late_fee_mode,SOMETIMES,\"late_fee_mode must be ALWAYS, NEVER or HABITUAL\"",
                "statements,A004,,late_fee_mode,SOMETIMES,\"late_fee_mode must be ALWAYS, NEVER or HABITUAL\"");
        assertThat(out.resolve("2026-01-31/statements/A004.pdf")).as("no statement from bad data").doesNotExist();
        assertThat(Files.readAllLines(out.resolve("2026-01-31/fees.csv"))).containsExactly(
                "fee_id,account_number,invoice_number,basis,amount",
                "LF-I-2001-20260131,A002,I-2001,1200.00,18.00",
                "LF-I-6001-20260131,A006,I-6001,2000.00,30.00",
                "LF-I-8003-20260131,A008,I-8003,300.00,4.50");
        ManifestCheck.assertManifestMatchesFiles(out.resolve("2026-01-31"), "2026-01-31");

        // Two broken accounts in one step pass the skip limit of 1: the run fails, restartably.
        jdbc.sql("UPDATE ledger_item SET balance = amount + 1 WHERE item_id IN ('I-4001', 'I-9001')").update();
        assertThat(console.run("run-cycle", "--cycle-date", "2026-03-02", "--out", out.toString())).isEqualTo(1);
        assertThat(console.output()).contains("The cycle of 2026-03-02 failed: step dunning: more accounts with bad data"
                + " than the skip limit allows (Skip limit of '1' exceeded); the last: A009 I-9001 balance 501.00:"
                + " balance must be from 0 to the amount 500.00");
        assertThat(out.resolve("2026-03-02/manifest.json")).doesNotExist();

        jdbc.sql("UPDATE ledger_item SET balance = 3000.00 WHERE item_id = 'I-4001'").update();
        jdbc.sql("UPDATE ledger_item SET balance = 500.00 WHERE item_id = 'I-9001'").update();
        jdbc.sql("UPDATE customer SET late_fee_mode = 'ALWAYS' WHERE account_number = 'A004'").update();
        assertThat(console.run("restart", "--cycle-date", "2026-03-02")).isZero();
        assertThat(Files.readAllLines(out.resolve("2026-03-02/rejects.csv")))
                .containsExactly("step,account_number,item_id,column,value,reason");
    }
}
