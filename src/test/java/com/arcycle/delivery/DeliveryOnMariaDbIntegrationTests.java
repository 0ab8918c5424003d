package com.arcycle.delivery;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.arcycle.testing.EnabledWithMySql;
import com.arcycle.testing.TestDatabase;

/** On MariaDB the cycle's step delivers outside its transaction: REPEATABLE READ would hide its own records. */
@EnabledWithMySql
class DeliveryOnMariaDbIntegrationTests extends DeliveryIntegrationTests {

    private static final Firm FIRM = TestDatabase.mySqlConfigured() ? Firm.start("mariadb") : null;
    private static String database;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        database = TestDatabase.mySql(registry, "delivery");
        FIRM.settings(registry);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        TestDatabase.dropMySql(database);
        FIRM.close();
    }

    @Override
    Firm firm() {
        return FIRM;
    }
}
