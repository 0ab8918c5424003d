package com.arcycle.operations;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.stereotype.Component;

import com.arcycle.platform.DatabaseCopy;
import com.arcycle.platform.DatabaseIdentity;
import com.arcycle.platform.JdbcUrls;
import com.arcycle.platform.LocalInfile;
import com.zaxxer.hikari.HikariDataSource;

/**
 * {@code copy-database --to jdbc:mysql://host:3306/arcycle}: the move from the embedded database
 * to MySQL (docs/database.md). The target's user and password come from ARCYCLE_TARGET_DB_USER and
 * ARCYCLE_TARGET_DB_PASSWORD, never from the command line.
 */
@Component
class CopyDatabaseCommand {

    static final String USER = "ARCYCLE_TARGET_DB_USER";
    static final String PASSWORD = "ARCYCLE_TARGET_DB_PASSWORD";

    private final DataSource source;
    private final DatabaseIdentity database;

    CopyDatabaseCommand(DataSource source, DatabaseIdentity database) {
        this.source = source;
        this.database = database;
    }

    int run(String url, PrintStream console) throws SQLException {
        if (!url.startsWith("jdbc:mysql:")) {
            throw new IllegalArgumentException("--to must be a MySQL URL (jdbc:mysql://host:3306/arcycle), not "
                    + JdbcUrls.redact(url));
        }
        try (HikariDataSource target = new HikariDataSource()) {
            target.setJdbcUrl(url);
            target.setUsername(System.getenv().getOrDefault(USER, "root"));
            target.setPassword(System.getenv().getOrDefault(PASSWORD, ""));
            target.setMaximumPoolSize(2);
            target.addDataSourceProperty("rewriteBatchedStatements", "true");
            target.addDataSourceProperty("characterEncoding", "UTF-8");
            target.addDataSourceProperty("connectionTimeZone", "UTC");
            LocalInfile.configure(target, false);
            // The same schema as arcycle makes on MySQL at its first start.
            Flyway.configure().dataSource(target).locations("classpath:db/migration/common", "classpath:db/migration/mysql")
                    .outOfOrder(true).load().migrate();
            console.println("Copying " + database.describe() + " into " + JdbcUrls.redact(url) + ":");
            List<DatabaseCopy.Copied> copied = DatabaseCopy.copy(source, target, console);
            console.printf("Copied %d tables, %,d rows; every table has as many rows in the target as here.%n",
                    copied.size(), copied.stream().mapToLong(DatabaseCopy.Copied::rows).sum());
            console.println("Use it from now on: export ARCYCLE_DB_URL='" + JdbcUrls.redact(url) + "' (with ARCYCLE_DB_USER"
                    + " and ARCYCLE_DB_PASSWORD); the cycle folders stay where they are. This database is left as it was.");
            return ExitCode.OK;
        }
    }
}
