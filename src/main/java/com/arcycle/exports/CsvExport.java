package com.arcycle.exports;

import java.util.List;

import org.springframework.jdbc.core.RowMapper;

/**
 * One CSV file of the cycle: its step's name, its file name and header, the query that gives its
 * rows already in the spec's order and formatted as the file's strings (queries take :cycleDate),
 * and the amount column whose sum is the file's control total in the manifest (null for none).
 */
record CsvExport(String stepName, String fileName, List<String> header, String sql, RowMapper<List<String>> rows,
        String controlColumn) {
}
