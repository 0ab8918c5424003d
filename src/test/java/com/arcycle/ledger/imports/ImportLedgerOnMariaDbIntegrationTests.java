package com.arcycle.ledger.imports;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.arcycle.testing.EnabledWithMySql;
import com.arcycle.testing.TestDatabase;

/** On MariaDB a value it cannot store failed the whole import mid-file ("Incorrect date value ... at row 14"). */
@EnabledWithMySql
class ImportLedgerOnMariaDbIntegrationTests extends ImportLedgerIntegrationTests {

    private static String database;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database = TestDatabase.mySql(registry, "import");
    }

    @AfterAll
    static void dropDatabase() {
        TestDatabase.dropMySql(database);
    }
}
