package com.arcycle.platform;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * The embedded database keeps what was committed when the process is killed. H2 writes its commits
 * to the file in the background, half a second late by default: a run killed in that half second
 * lost a fee already charged, a mail already marked sent, even the record that the cycle had
 * started (so {@code restart} found nothing to restart). {@code WRITE_DELAY=0} in the URL writes
 * each commit as it is made; arcycle's own URLs carry it, and an H2 URL given in ARCYCLE_DB_URL
 * without it is refused before anything runs. MySQL/MariaDB make a commit durable themselves.
 */
@Component
public final class EmbeddedCommits {

    static final String REQUIRED_OPTION = ";WRITE_DELAY=0";

    /** What arcycle opens an embedded database file with (application.properties says the same). */
    private static final String URL_OPTIONS = ";MODE=MySQL;DB_CLOSE_ON_EXIT=FALSE" + REQUIRED_OPTION;

    /** The URL of an embedded database file, opened as arcycle opens its own. */
    public static String fileUrl(Path file) {
        return "jdbc:h2:file:" + file + URL_OPTIONS;
    }

    EmbeddedCommits(DataSource dataSource, DatabaseIdentity database) throws SQLException {
        if (!database.embedded()) {
            return;
        }
        List<String> delays = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet settings = statement.executeQuery(
                        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            while (settings.next()) {
                delays.add(settings.getString(1));
            }
        }
        // H2 lists the value stored in the file and the one in force; both must be 0.
        if (delays.isEmpty() || delays.stream().anyMatch(delay -> !"0".equals(delay.trim()))) {
            throw new IllegalArgumentException("setting ARCYCLE_DB_URL = " + database.url()
                    + ": the embedded database must be opened with " + REQUIRED_OPTION + " at the end of its URL;"
                    + " without it H2 writes commits half a second late and a killed run loses them"
                    + " (WRITE_DELAY is " + String.join("/", delays) + ")");
        }
    }
}
