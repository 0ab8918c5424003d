package com.arcycle.ledger.imports;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.arcycle.testing.EnabledWithMySql;
import com.arcycle.testing.TestDatabase;

@EnabledWithMySql
class PromiseKeyMigrationOnMariaDbIntegrationTests extends PromiseKeyMigrationIntegrationTests {

    private static String database;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.createMySql("migration");
    }

    @AfterAll
    static void dropDatabase() {
        TestDatabase.dropMySql(database);
    }

    @Override
    List<String> locations() {
        return List.of("classpath:db/migration/common", "classpath:db/migration/mysql");
    }

    @Override
    DriverManagerDataSource dataSource() {
        return new DriverManagerDataSource(TestDatabase.databaseUrl(database), TestDatabase.user(),
                TestDatabase.password());
    }
}
