package com.arcycle.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.arcycle.testing.EnabledWithMySql;
import com.arcycle.testing.LedgerTables;
import com.arcycle.testing.MigrationDatabase;

/**
 * V6 gives collections' decisions, referred accounts and statements' files tables of their own:
 * the data of a database at schema version 5 moves there, and the old columns go.
 */
class OneOwnerPerTableMigrationIntegrationTests {

    @Test
    void onH2TheDecisionsReferralsAndStatementsOfVersion5MoveToTheirOwnTables() {
        try (MigrationDatabase database = MigrationDatabase.h2()) {
            migratesTheDataOfVersion5(database);
        }
    }

    @Test
    @EnabledWithMySql
    void onMariaDbTheDecisionsReferralsAndStatementsOfVersion5MoveToTheirOwnTables() {
        try (MigrationDatabase database = MigrationDatabase.mariaDb("owners")) {
            migratesTheDataOfVersion5(database);
        }
    }

    private static void migratesTheDataOfVersion5(MigrationDatabase database) {
        database.migrateTo("5");
        JdbcTemplate jdbc = database.jdbc();
        // Two cycles as version 5 recorded them: A1 sent statements, then referred; A2 written off;
        // A3 skipped by the collections step (no action) in the second cycle.
        jdbc.update("""
                INSERT INTO account_cycle (cycle_date, account_number, previous_stage, stage, max_dpd, past_due_total,
                    balance, good_standing, promise, late_paid_count, referred_earlier, action, suspend) VALUES
                ('2026-01-31', 'A1', 'NONE', 'REMINDER', 20, 120.00, 120.00, FALSE, 'NONE', 0, FALSE, 'STATEMENT', FALSE),
                ('2026-03-02', 'A1', 'FINAL_DEMAND', 'COLLECTIONS', 95, 900.00, 900.00, FALSE, 'NONE', 0, FALSE,
                    'REFERRED', TRUE),
                ('2026-03-02', 'A2', 'REMINDER', 'REMINDER', 130, 30.00, 30.00, FALSE, 'NONE', 0, FALSE, 'WRITTEN_OFF',
                    FALSE),
                ('2026-03-02', 'A3', 'NONE', 'REMINDER', 5, 10.00, 10.00, FALSE, 'NONE', 0, FALSE, NULL, FALSE)
                """);
        jdbc.update("INSERT INTO account_state (account_number, unapplied_credit, referred_cycle) VALUES"
                + " ('A1', 0.00, '2026-03-02'), ('A2', 5.00, NULL)");
        jdbc.update("""
                INSERT INTO notice (account_number, cycle_date, stage, file_name, sha256) VALUES
                ('A1', '2026-01-31', 'REMINDER', 'statements/A1.pdf', '%s'),
                ('A1', '2026-03-02', 'COLLECTIONS', 'statements/A1.pdf', '%s'),
                ('A3', '2026-03-02', 'REMINDER', NULL, NULL)
                """.formatted("a".repeat(64), "b".repeat(64)));

        database.migrateTo("6");

        assertThat(rows(jdbc, "SELECT cycle_date, account_number, action,"
                + " CASE WHEN suspend THEN 'suspend' ELSE '-' END FROM collection_decision"
                + " ORDER BY cycle_date, account_number")).containsExactly("2026-01-31 A1 STATEMENT -",
                        "2026-03-02 A1 REFERRED suspend", "2026-03-02 A2 WRITTEN_OFF -");
        assertThat(rows(jdbc, "SELECT account_number, referred_cycle FROM referred_account"))
                .containsExactly("A1 2026-03-02");
        assertThat(rows(jdbc, "SELECT account_number, cycle_date, file_name, sha256 FROM statement"
                + " ORDER BY account_number, cycle_date")).containsExactly(
                        "A1 2026-01-31 statements/A1.pdf " + "a".repeat(64),
                        "A1 2026-03-02 statements/A1.pdf " + "b".repeat(64));
        assertThat(rows(jdbc, "SELECT account_number, unapplied_credit FROM account_state ORDER BY account_number"))
                .as("the credit stays where it was").containsExactly("A1 0.00", "A2 5.00");
        assertThat(columns(jdbc, "account_cycle")).contains("stage", "promise").doesNotContain("action", "suspend");
        assertThat(columns(jdbc, "account_state")).contains("unapplied_credit").doesNotContain("referred_cycle");
        assertThat(tables(jdbc)).contains("statement", "collection_decision").doesNotContain("notice");
    }

    private static List<String> rows(JdbcTemplate jdbc, String sql) {
        return LedgerTables.rows(JdbcClient.create(jdbc), sql);
    }

    /** SCHEMA() is the current database on MySQL and MariaDB, and the current schema on H2. */
    private static List<String> columns(JdbcTemplate jdbc, String table) {
        return jdbc.queryForList("SELECT LOWER(column_name) FROM information_schema.columns"
                + " WHERE LOWER(table_name) = ? AND table_schema = SCHEMA()", String.class, table);
    }

    private static List<String> tables(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT LOWER(table_name) FROM information_schema.tables WHERE table_schema = SCHEMA()",
                String.class);
    }
}
