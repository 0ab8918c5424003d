package com.arcycle.fees;

import java.math.BigDecimal;

/** A fee item to create: its id, the invoice it penalises, the balance it was computed on, its amount. */
public record LateFee(String feeId, String invoiceNumber, BigDecimal basis, BigDecimal amount) {
}
