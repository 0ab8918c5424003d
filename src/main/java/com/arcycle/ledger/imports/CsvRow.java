package com.arcycle.ledger.imports;

import java.util.Map;

/**
 * One record of a ledger file: its values by column name, and the line it starts on.
 * {@code problem} is set when the row cannot be read column by column (it has more or fewer
 * values than the header has names).
 */
record CsvRow(String fileName, long line, Map<String, String> values, String problem) {

    /** The trimmed value of a column, or "" when the column is absent or empty. */
    String get(String column) {
        String value = values.get(column);
        return value == null ? "" : value;
    }
}
