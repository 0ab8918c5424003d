package com.arcycle.support;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@EnabledWithMySql
class BulkInserterOnMariaDbIntegrationTests extends BulkInserterIntegrationTests {

    private static String database;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database = TestDatabase.mySql(registry, "bulk");
    }

    @AfterAll
    static void dropDatabase() {
        TestDatabase.dropMySql(database);
    }

    @Override
    boolean expectsLoadData() {
        return true;
    }
}
