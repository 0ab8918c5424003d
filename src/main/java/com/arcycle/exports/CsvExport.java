package com.arcycle.exports;

import java.util.List;

import org.springframework.jdbc.core.RowMapper;

/**
 * One output file of the cycle: its name, header, and the query that gives its rows already in
 * the spec's order and formatted as the file's strings. Queries take :cycleDate.
 */
record CsvExport(String fileName, List<String> header, String sql, RowMapper<List<String>> rows) {
}
