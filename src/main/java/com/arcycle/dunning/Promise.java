package com.arcycle.dunning;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A promise to pay {@code amount} by {@code promisedDate}, made on {@code createdDate}. */
public record Promise(LocalDate createdDate, LocalDate promisedDate, BigDecimal amount) {
}
