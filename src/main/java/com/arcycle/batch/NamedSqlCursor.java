package com.arcycle.batch;

import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;

/** A streaming {@link JdbcCursorItemReader} over SQL with named parameters (":cycleDate"). */
public final class NamedSqlCursor {

    private NamedSqlCursor() {
    }

    public static <R> JdbcCursorItemReader<R> reader(DataSource dataSource, int fetchSize, String namedSql,
            Map<String, ?> values, RowMapper<R> mapper) {
        ParsedSql parsed = NamedParameterUtils.parseSqlStatement(namedSql);
        MapSqlParameterSource source = new MapSqlParameterSource(values);
        JdbcCursorItemReader<R> reader = new JdbcCursorItemReader<>(dataSource,
                NamedParameterUtils.substituteNamedParameters(parsed, source), mapper);
        reader.setPreparedStatementSetter(
                new ArgumentPreparedStatementSetter(NamedParameterUtils.buildValueArray(parsed, source, null)));
        reader.setFetchSize(fetchSize);
        reader.setVerifyCursorPosition(false);
        return reader;
    }
}
