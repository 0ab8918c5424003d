package com.arcycle.batch;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import com.arcycle.testing.EnabledWithMySql;
import com.arcycle.testing.TestDatabase;

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
