package com.arcycle.reports;

import java.math.BigDecimal;
import java.util.Objects;

/** Checks that the documents' money is what the rules make: a BigDecimal with two fraction digits. */
public final class Amounts {

    private Amounts() {
    }

    public static BigDecimal requireMoney(BigDecimal value, String name) {
        Objects.requireNonNull(value, name);
        if (value.scale() != 2) {
            throw new IllegalArgumentException(name + ": money has scale 2, got " + value.toPlainString());
        }
        return value;
    }
}
