package com.arcycle.dunning;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A payment received by the account, as far as promises are concerned: when and how much. */
public record Receipt(LocalDate receivedDate, BigDecimal amount) {
}
