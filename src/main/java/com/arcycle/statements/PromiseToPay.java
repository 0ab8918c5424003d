package com.arcycle.statements;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import com.arcycle.domain.Money;

/**
 * A promise to pay as a statement names it (ledger {@code promises.csv}, rule 4.5 and 4.6).
 *
 * @param createdDate the day the customer made the promise
 * @param promisedDate the day by which the customer promised to pay
 * @param amount the amount promised, scale 2
 * @param received the payments received from {@code createdDate} to {@code promisedDate} (for a
 *        broken promise) or to the cycle date (for an active one), scale 2; less than {@code amount}
 */
public record PromiseToPay(LocalDate createdDate, LocalDate promisedDate, BigDecimal amount, BigDecimal received) {

    public PromiseToPay {
        Objects.requireNonNull(createdDate, "createdDate");
        Objects.requireNonNull(promisedDate, "promisedDate");
        Money.requireCents(amount, "amount");
        Money.requireCents(received, "received");
    }
}
