package com.arcycle.ledger.imports;

/** Thrown by the row rules when a value breaks a rule; becomes a {@link Reject}. */
final class RowRejected extends RuntimeException {

    private final String column;
    private final String value;

    RowRejected(String column, String value, String reason) {
        super(reason, null, false, false);
        this.column = column;
        this.value = value;
    }

    String column() {
        return column;
    }

    String value() {
        return value;
    }

    Reject at(CsvRow row) {
        return new Reject(row.fileName(), row.line(), column, value, getMessage());
    }
}
