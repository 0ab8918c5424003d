package com.arcycle.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh database for a migration test, H2 (a file) or a scratch MariaDB database, migrated by
 * Flyway from the same folders Spring Boot gives it ({vendor} resolved) to any version.
 */
public final class MigrationDatabase implements AutoCloseable {

    private final DriverManagerDataSource dataSource;
    private final List<String> locations;
    private final String scratch;

    private MigrationDatabase(DriverManagerDataSource dataSource, String vendor, String scratch) {
        this.dataSource = dataSource;
        this.locations = List.of("classpath:db/migration/common", "classpath:db/migration/" + vendor);
        this.scratch = scratch;
    }

    public static MigrationDatabase h2() {
        Path file = Path.of("target", "test-db", "migration-" + UUID.randomUUID()).toAbsolutePath();
        return new MigrationDatabase(new DriverManagerDataSource("jdbc:h2:file:" + file
                + ";MODE=MySQL;DB_CLOSE_ON_EXIT=FALSE", "sa", ""), "h2", null);
    }

    public static MigrationDatabase mariaDb(String name) {
        String database = TestDatabase.createMySql(name);
        return new MigrationDatabase(new DriverManagerDataSource(TestDatabase.databaseUrl(database),
                TestDatabase.user(), TestDatabase.password()), "mysql", database);
    }

    /** Migrates to {@code version} ("latest" for all). */
    public void migrateTo(String version) {
        Flyway.configure().dataSource(dataSource).locations(locations.toArray(String[]::new)).target(version).load()
                .migrate();
    }

    public JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    @Override
    public void close() {
        TestDatabase.dropMySql(scratch);
    }
}
