package com.arcycle.domain;

/**
 * An account's data breaks a rule the cycle relies on (an amount of 0, a balance above the
 * amount, an unknown fee mode...), typically after a hand edit in the database. The cycle skips
 * the account for that step, records why in rejects.csv, and goes on (up to the skip limit).
 */
public final class BadLedgerData extends RuntimeException {

    private final String accountNumber;
    private final String itemId;
    private final String column;
    private final String value;

    public BadLedgerData(String accountNumber, String itemId, String column, Object value, String reason) {
        super(reason, null, false, false);
        this.accountNumber = accountNumber;
        this.itemId = itemId;
        this.column = column;
        this.value = value == null ? "" : value.toString();
    }

    public String accountNumber() {
        return accountNumber;
    }

    public String itemId() {
        return itemId;
    }

    public String column() {
        return column;
    }

    public String value() {
        return value;
    }
}
