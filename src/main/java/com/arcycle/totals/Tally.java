package com.arcycle.totals;

import java.math.BigDecimal;
import com.arcycle.domain.Money;

/**
 * A count of records and the sum of their amounts, as the cycle summary shows them.
 *
 * @param count how many (accounts, fees, items ...)
 * @param amount their total, scale 2
 */
public record Tally(int count, BigDecimal amount) {

    public static final Tally NONE = new Tally(0, new BigDecimal("0.00"));

    public Tally {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        Money.requireCents(amount, "amount");
    }
}
