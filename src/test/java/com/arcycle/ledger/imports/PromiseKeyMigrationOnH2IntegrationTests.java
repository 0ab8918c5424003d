package com.arcycle.ledger.imports;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

class PromiseKeyMigrationOnH2IntegrationTests extends PromiseKeyMigrationIntegrationTests {

    private final Path file = Path.of("target", "test-db", "migration-" + UUID.randomUUID()).toAbsolutePath();

    @Override
    List<String> locations() {
        return List.of("classpath:db/migration/common", "classpath:db/migration/h2");
    }

    @Override
    DriverManagerDataSource dataSource() {
        return new DriverManagerDataSource("jdbc:h2:file:" + file + ";MODE=MySQL;DB_CLOSE_ON_EXIT=FALSE", "sa", "");
    }
}
