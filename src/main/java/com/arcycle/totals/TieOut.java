package com.arcycle.totals;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A cycle's receivables tied out: what was owed at the previous cycle, plus the invoices and fees
 * the cycle posted, minus the payments it applied and the items it wrote off, against what is
 * owed now (all net of unapplied credit, as {@code aged-receivables.csv} gives them).
 *
 * @param previousCycle the previous completed cycle, or null for the first
 */
public record TieOut(LocalDate previousCycle, BigDecimal previousReceivables, Tally invoices, Tally fees,
        BigDecimal payments, Tally writeOffs, BigDecimal receivables) {

    /** Previous + invoices + fees − payments − write-offs. */
    public BigDecimal expected() {
        return previousReceivables.add(invoices.amount()).add(fees.amount()).subtract(payments)
                .subtract(writeOffs.amount());
    }

    /** What now differs from the expected figure (zero when they agree). */
    public BigDecimal difference() {
        return receivables.subtract(expected());
    }

    public boolean agrees() {
        return difference().signum() == 0;
    }
}
