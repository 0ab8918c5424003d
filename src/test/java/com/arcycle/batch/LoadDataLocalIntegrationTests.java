package com.arcycle.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;

import com.zaxxer.hikari.HikariDataSource;
import com.arcycle.batch.BulkInserter.Table;
import com.arcycle.testing.FakeMySqlServer;
import com.arcycle.testing.Launcher;

/**
 * A database server cannot read a file of this machine: a hostile MySQL server (given as
 * ARCYCLE_DB_URL) that answers queries with a LOAD DATA LOCAL INFILE request for a private file
 * gets nothing of it, whether arcycle runs a command against it or a connection is opened as
 * arcycle's DataSource opens them. The bulk load still sends its own rows, and only them.
 */
class LoadDataLocalIntegrationTests {

    private static final String MARKER = "PRIVATE-7d1e0c-not-for-any-server";

    @TempDir
    Path work;

    private Path privateFile;

    @BeforeEach
    void privateFile() throws IOException {
        privateFile = work.resolve("id_private.txt");
        Files.writeString(privateFile, MARKER + "\n");
        Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
    }

    /** A DataSource as arcycle's configuration sets one up for a MySQL URL (BatchConfiguration). */
    private static HikariDataSource arcycleDataSource(String url) {
        return arcycleDataSource(url, new StandardEnvironment());
    }

    private static HikariDataSource arcycleDataSource(String url, Environment environment) {
        HikariDataSource hikari = new HikariDataSource();
        hikari.setJdbcUrl(url);
        hikari.setUsername("arcycle");
        hikari.setPassword("not-a-real-password");
        hikari.setConnectionTimeout(5_000);
        BatchConfiguration.connectionSettings(environment).postProcessBeforeInitialization(hikari, "dataSource");
        hikari.setMaximumPoolSize(1);
        return hikari;
    }

    @Test
    void aConnectionOpenedAsArcycleOpensThemSendsNoLocalFile() throws Exception {
        try (FakeMySqlServer server = new FakeMySqlServer(privateFile.toString(), query -> true);
                HikariDataSource dataSource = arcycleDataSource(server.url("arcycle"))) {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT 1")) {
                rs.next();
            } catch (Exception expected) {
                // refusing the server's request may fail the connection or the query: either is fine
            }

            assertThat(server.fileRequests()).as("the server asked for the file").isPositive();
            assertThat(new String(server.fileContent(), StandardCharsets.UTF_8)).doesNotContain(MARKER);
        }
    }

    @Test
    void theBulkLoadSendsItsOwnRowsAndAfterItNoFileCanBeRead() throws Exception {
        // The server asks for the private file in answer to the LOAD DATA and to the query after it.
        try (FakeMySqlServer server = new FakeMySqlServer(privateFile.toString(),
                query -> query.startsWith("LOAD DATA") || query.contains("after the load"));
                HikariDataSource dataSource = arcycleDataSource(server.url("arcycle"))) {
            Table table = Table.of("notice", "account_number", "amount", "cycle_date");
            List<Object[]> rows = List.of(new Object[] {"A-1", new BigDecimal("12.50"), LocalDate.of(2026, 1, 31)},
                    new Object[] {"A-2", new BigDecimal("-3.00"), LocalDate.of(2026, 1, 31)});

            new BulkInserter(new JdbcTemplate(dataSource), true).insert(table, rows);

            assertThat(server.fileContent()).as("exactly the rows, nothing else")
                    .isEqualTo(BulkInserter.tabSeparated(table, rows));

            assertThatThrownBy(() -> new JdbcTemplate(dataSource).execute("SELECT 'after the load'"))
                    .as("the next request is refused").isNotNull();
            assertThat(server.fileRequests()).isEqualTo(2);
            assertThat(new String(server.fileContent(), StandardCharsets.UTF_8)).doesNotContain(MARKER);
        }
    }

    @Test
    void statusAgainstAHostileServerSendsItNoFileAndPrintsNoPassword() throws Exception {
        try (FakeMySqlServer server = new FakeMySqlServer(privateFile.toString(), query -> true)) {
            String url = "jdbc:mysql://arcycle:S3cret-in-url@127.0.0.1:" + server.port() + "/arcycle?password2=0tp-42";
            Launcher.Launched status = new Launcher(work.resolve("home")).database(url).run("status");

            assertThat(server.connections()).as("arcycle connected to the server").isPositive();
            assertThat(server.fileRequests()).as("the server asked for the file").isPositive();
            assertThat(new String(server.fileContent(), StandardCharsets.UTF_8)).doesNotContain(MARKER);
            assertThat(status.output()).doesNotContain("S3cret-in-url").doesNotContain("0tp-42");
        }
    }

    @Test
    void withBulkLoadingOffNothingAtAllIsSent() throws Exception {
        MockEnvironment bulkLoadOff = new MockEnvironment().withProperty("arcycle.batch.bulk-load", "false");
        try (FakeMySqlServer server = new FakeMySqlServer(privateFile.toString(), query -> true)) {
            try (HikariDataSource dataSource = arcycleDataSource(server.url("arcycle"), bulkLoadOff);
                    Connection connection = dataSource.getConnection()) {
                connection.createStatement().execute("SELECT 1");
            } catch (Exception expected) {
                // the request is refused
            }

            assertThat(server.fileRequests()).as("the server asked for the file").isPositive();
            assertThat(server.fileContent()).isEmpty();
            assertThatThrownBy(() -> arcycleDataSource(server.url("arcycle") + "?allowLoadLocalInfileInPath=/tmp",
                    bulkLoadOff)).hasMessageContaining("LOAD DATA LOCAL");
        }
    }

    @Test
    void localFileSettingsInTheUrlAreOverridden() throws Exception {
        try (FakeMySqlServer server = new FakeMySqlServer(privateFile.toString(), query -> true)) {
            for (String settings : List.of("allowLoadLocalInfile=true", "allowLoadLocalInfileInPath=/",
                    "allowLoadLocalInfile=true&allowUrlInLocalInfile=true")) {
                try (HikariDataSource dataSource = arcycleDataSource(server.url("arcycle") + "?" + settings);
                        Connection connection = dataSource.getConnection()) {
                    connection.createStatement().execute("SELECT 1");
                } catch (Exception expected) {
                    // the request is refused
                }
            }

            assertThat(server.fileRequests()).as("the server asked for the file").isGreaterThanOrEqualTo(3);
            assertThat(new String(server.fileContent(), StandardCharsets.UTF_8)).doesNotContain(MARKER);
        }
    }

    @Test
    void aHostInTheUrlThatTurnsLocalFilesBackOnIsRefusedBeforeConnecting() throws Exception {
        // A host's own settings win over the ones the connection is given (Connector/J's ConnectionUrl).
        try (FakeMySqlServer server = new FakeMySqlServer(privateFile.toString(), query -> true)) {
            List<String> urls = List.of(
                    "jdbc:mysql://(host=127.0.0.1,port=" + server.port() + ",allowLoadLocalInfile=true)/arcycle",
                    "jdbc:mysql://address=(host=127.0.0.1)(port=" + server.port()
                            + ")(allowLoadLocalInfile=true)/arcycle",
                    "jdbc:mysql://[(host=127.0.0.1,port=" + server.port() + "),(host=127.0.0.1,port="
                            + server.port() + ",allowUrlInLocalInfile=true)]/arcycle");
            for (String url : urls) {
                assertThatThrownBy(() -> arcycleDataSource(url)).as(url).hasMessageContaining("LOAD DATA LOCAL");
            }
            assertThat(server.connections()).isZero();
        }
    }
}
