package com.arcycle.calls;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.arcycle.testing.EnabledWithMySql;
import com.arcycle.testing.TestDatabase;

@EnabledWithMySql
class CallListStepOnMariaDbIntegrationTests extends CallListStepIntegrationTests {

    private static String database;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database = TestDatabase.mySql(registry, "call_list_step");
    }

    @AfterAll
    static void dropDatabase() {
        TestDatabase.dropMySql(database);
    }
}
