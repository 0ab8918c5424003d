package com.arcycle.ledger.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import com.arcycle.testing.EnabledWithMySql;
import com.arcycle.testing.MigrationDatabase;

/**
 * V4 rebuilds the promise table with a key of its own: the promises of a database at schema
 * version 3 survive the migration unchanged, and an account may then hold two promises made on
 * the same day.
 */
class PromiseKeyMigrationIntegrationTests {

    @Test
    void onH2PromisesOfVersion3SurviveAndAnAccountMayThenHoldTwoPromisesOfOneDay() {
        try (MigrationDatabase database = MigrationDatabase.h2()) {
            promisesOfVersion3Survive(database);
        }
    }

    @Test
    @EnabledWithMySql
    void onMariaDbPromisesOfVersion3SurviveAndAnAccountMayThenHoldTwoPromisesOfOneDay() {
        try (MigrationDatabase database = MigrationDatabase.mariaDb("migration")) {
            promisesOfVersion3Survive(database);
        }
    }

    private List<String> promises(JdbcTemplate jdbc) {
        // The columns the cycle reads (dunning.DunningQueries.PROMISES).
        return jdbc.query("SELECT account_number, created_date, promised_date, amount FROM promise"
                + " ORDER BY account_number, created_date, promised_date", (rs, n) -> rs.getString(1) + " "
                        + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
    }

    private void promisesOfVersion3Survive(MigrationDatabase database) {
        database.migrateTo("3");
        JdbcTemplate jdbc = database.jdbc();
        jdbc.update("INSERT INTO customer (account_number, name, customer_since, recurring_service) VALUES"
                + " ('A1', 'Acme', '2020-01-01', FALSE), ('A2', 'Bolt', '2021-01-01', FALSE)");
        jdbc.update("INSERT INTO promise (account_number, created_date, promised_date, amount) VALUES"
                + " ('A1', '2026-01-05', '2026-01-20', 100.00), ('A1', '2026-02-01', '2026-02-15', 250.50),"
                + " ('A2', '2026-01-10', '2026-01-31', 75.00)");
        List<String> atVersion3 = promises(jdbc);

        database.migrateTo("latest");

        assertThat(promises(jdbc)).isEqualTo(atVersion3).containsExactly("A1 2026-01-05 2026-01-20 100.00",
                "A1 2026-02-01 2026-02-15 250.50", "A2 2026-01-10 2026-01-31 75.00");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM promise WHERE promise_id IS NULL", Integer.class))
                .isEqualTo(3);

        jdbc.update("INSERT INTO promise (promise_id, account_number, created_date, promised_date, amount) VALUES"
                + " ('PR-1', 'A1', '2026-01-05', '2026-01-31', 100.00)");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM promise WHERE account_number = 'A1'"
                + " AND created_date = '2026-01-05'", Integer.class)).isEqualTo(2);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO promise (promise_id, account_number, created_date,"
                + " promised_date, amount) VALUES ('PR-1', 'A2', '2026-03-01', '2026-03-31', 10.00)"))
                .as("promise_id is unique").isInstanceOf(DuplicateKeyException.class);
    }
}
