package com.arcycle.cycle;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.arcycle.testing.EnabledWithMySql;
import com.arcycle.testing.TestDatabase;

@EnabledWithMySql
class HostileDataOnMariaDbIntegrationTests extends HostileDataIntegrationTests {

    private static String database;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database = TestDatabase.mySql(registry, "hostile_data");
    }

    @AfterAll
    static void dropDatabase() {
        TestDatabase.dropMySql(database);
    }
}
