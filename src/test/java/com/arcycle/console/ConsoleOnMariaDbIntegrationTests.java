package com.arcycle.console;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.arcycle.testing.EnabledWithMySql;
import com.arcycle.testing.TestDatabase;

/** The console's read model and actions on MariaDB. */
@EnabledWithMySql
class ConsoleOnMariaDbIntegrationTests extends ConsoleIntegrationTests {

    private static String database;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database = TestDatabase.mySql(registry, "console");
    }

    @AfterAll
    static void dropDatabase() {
        TestDatabase.dropMySql(database);
    }
}
