package com.arcycle.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import com.mysql.cj.conf.ConnectionUrl;
import com.mysql.cj.conf.HostInfo;
import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.conf.RuntimeProperty;
import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.jdbc.JdbcStatement;
import com.zaxxer.hikari.HikariDataSource;

/**
 * LOAD DATA LOCAL INFILE without letting a server read a local file.
 * <p>
 * A MySQL server may answer any query with a request for a local file, which Connector/J then
 * sends. What gates it (Connector/J 9, {@code NativeProtocol.getFileStream}):
 * {@code allowLoadLocalInfile=true} sends the statement's own stream if one is set and else any
 * file the server names; with it false and {@code allowLoadLocalInfileInPath} set, only files
 * inside that folder (real path, links resolved) are sent and a statement's stream is ignored;
 * with neither, nothing. Either property makes the driver tell the server it can load local data
 * (CLIENT_LOCAL_FILES, {@code NativeAuthenticationProvider}), without which MariaDB refuses LOAD
 * DATA LOCAL. Both can be changed on an open connection.
 * <p>
 * So connections open with {@code allowLoadLocalInfile=false} and {@code allowLoadLocalInfileInPath}
 * on an empty folder only this process can write to: the server learns that LOAD DATA LOCAL is
 * possible, but no file can be sent. Only while a bulk load runs, with its in-memory stream set, is
 * {@code allowLoadLocalInfile} true on that one connection; the driver then sends that stream
 * whatever file the server names.
 */
public final class LocalInfile {

    private static Path emptyFolder;

    private LocalInfile() {
    }

    /** The connection settings for a MySQL URL; with bulk loading off, no local data at all. */
    public static void configure(HikariDataSource hikari, boolean bulkLoad) {
        Properties settings = new Properties();
        settings.setProperty(PropertyKey.allowLoadLocalInfile.getKeyName(), "false");
        settings.setProperty(PropertyKey.allowUrlInLocalInfile.getKeyName(), "false");
        if (bulkLoad) {
            settings.setProperty(PropertyKey.allowLoadLocalInfileInPath.getKeyName(), emptyFolder().toString());
        }
        checkUrl(hikari.getJdbcUrl(), settings, bulkLoad);
        settings.forEach((name, value) -> hikari.addDataSourceProperty((String) name, value));
    }

    /**
     * A host's own settings in the URL ({@code (host=h,allowLoadLocalInfile=true)}) win over the
     * ones given with the connection: refuse a URL whose effective settings would let a file out.
     */
    static void checkUrl(String url, Properties settings, boolean bulkLoad) {
        ConnectionUrl parsed = ConnectionUrl.getConnectionUrlInstance(url, settings);
        for (HostInfo host : parsed.getHostsList()) {
            Map<String, String> effective = host.getHostProperties();
            boolean safe = "false".equalsIgnoreCase(value(effective, PropertyKey.allowLoadLocalInfile))
                    && "false".equalsIgnoreCase(value(effective, PropertyKey.allowUrlInLocalInfile))
                    && (bulkLoad ? emptyFolder().toString().equals(value(effective, PropertyKey.allowLoadLocalInfileInPath))
                            : value(effective, PropertyKey.allowLoadLocalInfileInPath) == null);
            if (!safe) {
                throw new IllegalArgumentException("setting spring.datasource.url (ARCYCLE_DB_URL): arcycle sets"
                        + " allowLoadLocalInfile, allowLoadLocalInfileInPath and allowUrlInLocalInfile itself so that"
                        + " no local file can be sent to the server (LOAD DATA LOCAL); remove them from the URL");
            }
        }
    }

    private static String value(Map<String, String> properties, PropertyKey key) {
        for (Map.Entry<String, String> property : properties.entrySet()) {
            if (property.getKey().toLowerCase(Locale.ROOT).equals(key.getKeyName().toLowerCase(Locale.ROOT))) {
                return property.getValue();
            }
        }
        return null;
    }

    /**
     * An empty folder, 0700, made once per process and removed at exit: the only place the driver
     * would read a file from, with nothing in it.
     */
    static synchronized Path emptyFolder() {
        if (emptyFolder == null) {
            try {
                Path folder = Files.createTempDirectory("arcycle-no-local-files-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                folder.toFile().deleteOnExit();
                emptyFolder = folder.toRealPath();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create an empty private folder for the database connections", e);
            }
        }
        return emptyFolder;
    }

    /**
     * Runs a {@code LOAD DATA LOCAL INFILE} statement that reads {@code data} and nothing else;
     * returns the rows it loaded. {@code allowLoadLocalInfile} is on only while it runs, with the
     * stream set, and off again (and the stream gone) however it ends.
     */
    public static long load(Connection connection, Statement statement, String sql, InputStream data) throws SQLException {
        JdbcStatement mysqlStatement = statement.unwrap(JdbcStatement.class);
        RuntimeProperty<Boolean> allowed = connection.unwrap(JdbcConnection.class).getPropertySet()
                .getBooleanProperty(PropertyKey.allowLoadLocalInfile);
        mysqlStatement.setLocalInfileInputStream(data);
        try {
            allowed.setValue(true);
            return statement.executeLargeUpdate(sql);
        } finally {
            allowed.setValue(false);
            mysqlStatement.setLocalInfileInputStream(null);
        }
    }
}
