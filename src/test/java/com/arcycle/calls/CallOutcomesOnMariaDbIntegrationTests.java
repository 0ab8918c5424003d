package com.arcycle.calls;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.arcycle.testing.EnabledWithMySql;
import com.arcycle.testing.TestDatabase;

@EnabledWithMySql
class CallOutcomesOnMariaDbIntegrationTests extends CallOutcomesIntegrationTests {

    private static String database;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database = TestDatabase.mySql(registry, "call_outcomes");
    }

    @AfterAll
    static void dropDatabase() {
        TestDatabase.dropMySql(database);
    }
}
