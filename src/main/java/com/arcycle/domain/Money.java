package com.arcycle.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Pattern;

/** Money is a BigDecimal with two fraction digits; every computed amount is rounded HALF_UP once. */
public final class Money {

    public static final BigDecimal ZERO = new BigDecimal("0.00");
    /** Compiled once: String.matches compiled it again for every amount an import reads. */
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?([0-9]+(\\.[0-9]+)?|\\.[0-9]+)");

    private Money() {
    }

    /** Rounds a computed amount to cents, HALF_UP: the one place where money is rounded. */
    public static BigDecimal round(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * Reads a plain decimal with at most two fraction digits ("1234.50", "12", "0.5").
     *
     * @throws IllegalArgumentException saying why the text is not an amount
     */
    public static BigDecimal parse(String text) {
        if (!PLAIN_DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException("not a plain decimal amount");
        }
        // Written digits count: "1.500" may be 1,500 written European style, never read it as 1.50.
        int point = text.indexOf('.');
        if (point >= 0 && text.length() - point - 1 > 2) {
            throw new IllegalArgumentException("more than 2 fraction digits");
        }
        return new BigDecimal(text).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** The file form of an amount: two fraction digits, no grouping, no exponent. */
    public static String format(BigDecimal value) {
        return value.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    public static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    public static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Checks a document's amount is what the rules make: present, with two fraction digits. */
    public static BigDecimal requireCents(BigDecimal value, String name) {
        Objects.requireNonNull(value, name);
        if (value.scale() != 2) {
            throw new IllegalArgumentException(name + ": money has scale 2, got " + value.toPlainString());
        }
        return value;
    }

    public static boolean isPositive(BigDecimal value) {
        return value.signum() > 0;
    }
}
