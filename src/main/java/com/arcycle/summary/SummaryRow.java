package com.arcycle.summary;

import java.math.BigDecimal;

/**
 * One row of the cycle summary's tables: a figure of this cycle beside the previous cycle's.
 * Counts or amounts are null where the row has none (the aging rows have no count, rejected records
 * no amount; the previous figures are null for the first cycle).
 *
 * @param section the table the row belongs to (the report groups on it)
 * @param label what the row counts
 * @param count this cycle's count
 * @param amount this cycle's amount
 * @param previousCount the previous cycle's count
 * @param previousAmount the previous cycle's amount
 * @param total a total row, printed in bold
 */
public record SummaryRow(String section, String label, Integer count, BigDecimal amount, Integer previousCount,
        BigDecimal previousAmount, boolean total) {
}
