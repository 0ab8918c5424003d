package com.arcycle.ledger.imports;

/** A row read and checked on its own: either the typed row or why it was rejected. */
record Parsed<T>(CsvRow source, T row, Reject reject) {

    static <T> Parsed<T> ok(CsvRow source, T row) {
        return new Parsed<>(source, row, null);
    }

    static <T> Parsed<T> rejected(Reject reject) {
        return new Parsed<>(null, null, reject);
    }
}
