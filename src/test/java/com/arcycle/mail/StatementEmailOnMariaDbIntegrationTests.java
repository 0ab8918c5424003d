package com.arcycle.mail;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.arcycle.testing.EnabledWithMySql;
import com.arcycle.testing.TestDatabase;

/** On MariaDB each outbox record commits on its own, outside the step's transaction (REPEATABLE READ). */
@EnabledWithMySql
class StatementEmailOnMariaDbIntegrationTests extends StatementEmailIntegrationTests {

    private static String database;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        database = TestDatabase.mySql(registry, "mail_step");
        mailServer(registry);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        TestDatabase.dropMySql(database);
    }
}
