package com.arcycle.cycle;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.arcycle.testing.EnabledWithMySql;
import com.arcycle.testing.TestDatabase;

/** Four partitions on MariaDB: the pool must hold every partition's cursors. */
@EnabledWithMySql
@TestPropertySource(properties = "arcycle.batch.partitions=4")
class SmallLedgerExampleOnMariaDbIntegrationTests extends SmallLedgerExampleIntegrationTests {

    private static String database;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database = TestDatabase.mySql(registry, "small_ledger");
    }

    @AfterAll
    static void dropDatabase() {
        TestDatabase.dropMySql(database);
    }
}
