package com.arcycle.statements;

import java.math.BigDecimal;
import java.util.Objects;
import com.arcycle.domain.Money;

/**
 * A late fee charged by this cycle (rule 5), with the figures that show how it was computed:
 * {@code rateAmount = round(basis x monthly rate)}; raised to the minimum fee when below it; cut
 * when the invoice's fees would pass {@code max-fee-percent} of its original amount.
 *
 * @param feeId the fee item's id, {@code LF-<invoice>-<yyyyMMdd>}
 * @param invoiceNumber the invoice it penalises
 * @param invoiceOriginalAmount that invoice's original amount, scale 2 (the base of the cap)
 * @param basis the invoice's balance on the cycle date the fee was computed on, scale 2
 *        ({@code fees.csv} column {@code basis})
 * @param rateAmount {@code round(basis x monthly-rate)}, HALF_UP to cents, before minimum and cap
 * @param minimumApplied the fee was raised to the minimum fee because {@code rateAmount} was below it
 * @param capApplied the fee was cut to what was left under the cap of {@code max-fee-percent} of
 *        the invoice's original amount
 * @param amount the fee charged, scale 2 ({@code fees.csv} column {@code amount})
 */
public record FeeLine(String feeId, String invoiceNumber, BigDecimal invoiceOriginalAmount, BigDecimal basis,
        BigDecimal rateAmount, boolean minimumApplied, boolean capApplied, BigDecimal amount) {

    public FeeLine {
        Objects.requireNonNull(feeId, "feeId");
        Objects.requireNonNull(invoiceNumber, "invoiceNumber");
        Money.requireCents(invoiceOriginalAmount, "invoiceOriginalAmount");
        Money.requireCents(basis, "basis");
        Money.requireCents(rateAmount, "rateAmount");
        Money.requireCents(amount, "amount");
    }
}
