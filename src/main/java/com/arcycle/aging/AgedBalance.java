package com.arcycle.aging;

import java.math.BigDecimal;

/**
 * One account's aged receivables on the cycle date (rule 7): open balances by days past due,
 * the part in dispute (also inside the buckets), unapplied credit, and the total net of credit.
 */
public record AgedBalance(BigDecimal current, BigDecimal days1To30, BigDecimal days31To60, BigDecimal days61To90,
        BigDecimal days91To120, BigDecimal days121Plus, BigDecimal inDispute, BigDecimal unappliedCredit,
        BigDecimal total) {
}
