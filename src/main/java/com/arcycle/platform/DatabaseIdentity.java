package com.arcycle.platform;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Which database arcycle is using, in words a user recognises, never with a password: every
 * command says it first, and a cycle folder's claim names it.
 */
@Component
public final class DatabaseIdentity {

    private final String url;
    private final String product;

    DatabaseIdentity(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            this.url = JdbcUrls.redact(meta.getURL());
            this.product = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        }
    }

    /** The connection URL with any password replaced. */
    public String url() {
        return url;
    }

    /** True for the embedded H2 database (a file under data/). */
    public boolean embedded() {
        return url.startsWith("jdbc:h2:");
    }

    /** "the embedded database /home/me/arcycle/data/arcycle" or "jdbc:mysql://host:3306/arcycle (MariaDB 10.11)". */
    public String describe() {
        if (embedded()) {
            String location = url.substring("jdbc:h2:".length());
            int options = location.indexOf(';');
            location = options < 0 ? location : location.substring(0, options);
            return "the embedded database " + (location.startsWith("file:") ? location.substring(5) : location);
        }
        return url + " (" + product + ")";
    }
}
