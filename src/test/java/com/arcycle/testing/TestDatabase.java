package com.arcycle.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.arcycle.platform.EmbeddedCommits;

/**
 * The databases integration tests run against: a fresh file-based H2 (the embedded default) or
 * a fresh scratch database on the MySQL/MariaDB server named by ARCYCLE_TEST_MYSQL_URL.
 */
public final class TestDatabase {

    /** Server URL without a database, e.g. jdbc:mysql://127.0.0.1:3306/ */
    public static final String MYSQL_URL = "ARCYCLE_TEST_MYSQL_URL";
    public static final String MYSQL_USER = "ARCYCLE_TEST_MYSQL_USER";
    public static final String MYSQL_PASSWORD = "ARCYCLE_TEST_MYSQL_PASSWORD";
    /** Set to true (CI does) to make a missing MySQL configuration fail the tests instead of skipping them. */
    public static final String MYSQL_REQUIRED = "ARCYCLE_TEST_MYSQL_REQUIRED";

    private TestDatabase() {
    }

    public static void h2(DynamicPropertyRegistry registry, String name) {
        Path file = Path.of("target", "test-db", name + "-" + UUID.randomUUID()).toAbsolutePath();
        registry.add("spring.datasource.url", () -> h2Url(file));
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }

    /** The URL arcycle opens an embedded database file with. */
    public static String h2Url(Path file) {
        return EmbeddedCommits.fileUrl(file);
    }

    public static boolean mySqlConfigured() {
        String url = System.getenv(MYSQL_URL);
        return url != null && !url.isBlank();
    }

    /** Creates an empty scratch database and points the context at it; returns its name. */
    public static String mySql(DynamicPropertyRegistry registry, String name) {
        String database = createMySql(name);
        registry.add("spring.datasource.url", () -> databaseUrl(database));
        registry.add("spring.datasource.username", TestDatabase::user);
        registry.add("spring.datasource.password", TestDatabase::password);
        return database;
    }

    /** Creates an empty scratch database; returns its name. */
    public static String createMySql(String name) {
        String database = ("arcycle_" + name + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        String server = serverUrl();
        try (Connection connection = DriverManager.getConnection(server, user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the scratch database " + database + " on " + server, e);
        }
        return database;
    }

    public static void dropMySql(String database) {
        if (database == null) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(serverUrl(), user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the scratch database " + database, e);
        }
    }

    public static String databaseUrl(String database) {
        String server = serverUrl();
        int query = server.indexOf('?');
        String base = query < 0 ? server : server.substring(0, query);
        if (!base.endsWith("/")) {
            base = base + "/";
        }
        return base + database + "?serverTimezone=UTC&sslMode=DISABLED";
    }

    private static String serverUrl() {
        return System.getenv(MYSQL_URL);
    }

    public static String user() {
        String user = System.getenv(MYSQL_USER);
        return user == null ? "root" : user;
    }

    public static String password() {
        String password = System.getenv(MYSQL_PASSWORD);
        return password == null ? "" : password;
    }
}
