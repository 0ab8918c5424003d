package com.arcycle.ledger.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import com.arcycle.support.Money;

/** Reads and checks the values of one row; each failure names the column, value and reason. */
final class Fields {

    static final int MAX_ID_LENGTH = 64;

    private final CsvRow row;

    Fields(CsvRow row) {
        this.row = row;
    }

    /**
     * An identifier: required, at most 64 characters, no control characters and no characters
     * beyond U+FFFF, so every database sorts it in the spec's UTF-8 byte order.
     */
    String id(String column) {
        String value = required(column);
        if (value.length() > MAX_ID_LENGTH) {
            throw new RowRejected(column, value, column + " is longer than " + MAX_ID_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                throw new RowRejected(column, value, column + " contains a control character or a character"
                        + " outside the Basic Multilingual Plane");
            }
        }
        return value;
    }

    /** An optional identifier: null when empty. */
    String optionalId(String column) {
        return row.get(column).isEmpty() ? null : id(column);
    }

    String required(String column) {
        String value = row.get(column);
        if (value.isEmpty()) {
            throw new RowRejected(column, "", column + " is required");
        }
        return value;
    }

    /** Optional text up to {@code max} characters; null when empty. */
    String text(String column, int max) {
        String value = row.get(column);
        if (value.length() > max) {
            throw new RowRejected(column, value, column + " is longer than " + max + " characters");
        }
        return value.isEmpty() ? null : value;
    }

    LocalDate date(String column) {
        return parseDate(column, required(column));
    }

    LocalDate optionalDate(String column) {
        String value = row.get(column);
        return value.isEmpty() ? null : parseDate(column, value);
    }

    private static LocalDate parseDate(String column, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new RowRejected(column, value, column + " is not a date of the form yyyy-MM-dd");
        }
    }

    /** An amount above 0 with at most two fraction digits. */
    BigDecimal positiveAmount(String column) {
        String value = required(column);
        BigDecimal amount;
        try {
            amount = Money.parse(value);
        } catch (IllegalArgumentException e) {
            throw new RowRejected(column, value, column + " is not an amount (" + e.getMessage() + ")");
        }
        if (amount.signum() <= 0) {
            throw new RowRejected(column, value, column + " must be greater than 0");
        }
        if (amount.precision() - amount.scale() > 13) {
            throw new RowRejected(column, value, column + " is too large");
        }
        return amount;
    }

    boolean bool(String column, boolean whenEmpty) {
        String value = row.get(column);
        if (value.isEmpty()) {
            return whenEmpty;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new RowRejected(column, value, column + " must be true or false");
        };
    }
}
