package com.arcycle.ledger.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import com.arcycle.domain.Money;

/** Reads and checks the values of one row; each failure names the column, value and reason. */
final class Fields {

    static final int MAX_ID_LENGTH = 64;
    /** The dates both MySQL and H2 store (MySQL's DATE range). */
    static final LocalDate FIRST_DATE = LocalDate.of(1000, 1, 1);
    static final LocalDate LAST_DATE = LocalDate.of(9999, 12, 31);
    /** The largest amount a ledger row may have (docs/ledger-files.md). */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999.99");

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
            if (Character.isISOControl(c)) {
                throw new RowRejected(column, value, column + " contains a control character (" + codePoint(c) + ")");
            }
            if (Character.isSurrogate(c)) {
                throw new RowRejected(column, value, column + " contains a character outside the Basic Multilingual"
                        + " Plane (" + codePoint(value.codePointAt(i)) + ")");
            }
        }
        return value;
    }

    /**
     * An account number: an identifier that is also safe in a file name, because each account's
     * statement file is named after it. No path separator, and no invisible character (format
     * characters such as U+200B or U+202E, line and paragraph separators) that would make two
     * names look alike.
     */
    String accountNumber(String column) {
        String value = id(column);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '/' || c == '\\') {
                throw new RowRejected(column, value, column + " contains " + c + ", a path separator; an account"
                        + " number names its statement file and may not contain / or \\");
            }
            int type = Character.getType(c);
            if (type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                throw new RowRejected(column, value, column + " contains an invisible character (" + codePoint(c)
                        + ")");
            }
        }
        return value;
    }

    private static String codePoint(int c) {
        return String.format(Locale.ROOT, "U+%04X", c);
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
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new RowRejected(column, value, column + " is not a date of the form yyyy-MM-dd");
        }
        // LocalDate reads years beyond 9999 ("+10000-01-01"); the database cannot store them.
        if (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
            throw new RowRejected(column, value, column + " is outside the dates the database stores, "
                    + FIRST_DATE + " to " + LAST_DATE);
        }
        return date;
    }

    /** An amount above 0, at most {@link #MAX_AMOUNT}, with at most two fraction digits. */
    BigDecimal positiveAmount(String column) {
        String value = required(column);
        BigDecimal amount = amount(column, value);
        if (amount.signum() <= 0) {
            throw new RowRejected(column, value, column + " must be greater than 0");
        }
        return amount;
    }

    /** An amount of 0 or more (a fee taken from a payment), with the limits of {@link #positiveAmount}. */
    BigDecimal amountOrZero(String column) {
        String value = required(column);
        BigDecimal amount = amount(column, value);
        if (amount.signum() < 0) {
            throw new RowRejected(column, value, column + " must not be negative");
        }
        return amount;
    }

    private static BigDecimal amount(String column, String value) {
        BigDecimal amount;
        try {
            amount = Money.parse(value);
        } catch (IllegalArgumentException e) {
            throw new RowRejected(column, value, column + " is not an amount (" + e.getMessage() + ")");
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            throw new RowRejected(column, value, column + " is above the limit of "
                    + String.format(Locale.ROOT, "%,.2f", MAX_AMOUNT));
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
