package com.arcycle.ledger.imports;

/** A row that was not loaded: where it is, which value is wrong, and why. */
record Reject(String fileName, long line, String column, String value, String reason) {
}
