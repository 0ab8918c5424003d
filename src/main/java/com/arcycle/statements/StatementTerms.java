package com.arcycle.statements;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import com.arcycle.domain.Money;

/**
 * The payment policy printed on every statement, from the collection policy settings
 * ({@code arcycle.policy.*}) and the business's payment terms.
 *
 * @param paymentTerms the business's payment terms as printed, e.g. {@code "Net 30: invoices are
 *        due 30 days after the invoice date"}
 * @param graceDays {@code grace-days}: days past due before a late fee is charged
 * @param monthlyRate {@code monthly-rate}, e.g. {@code 0.015} for 1.5 % a month
 * @param minFee {@code min-fee}, scale 2
 * @param maxFeePercent {@code max-fee-percent}, e.g. {@code 20}: the fees of one invoice never pass
 *        this percentage of its original amount
 * @param lateFeesApply whether late fees are charged on this customer's account (its
 *        {@code late_fee_mode} is {@code ALWAYS}, or {@code HABITUAL} and it is habitually late);
 *        when false the statement says that no late fees are charged on the account
 * @param agingBucketEdges the aging bucket edges in days (default 30, 60, 90, 120): the aging row's
 *        labels are made from them
 */
public record StatementTerms(String paymentTerms, int graceDays, BigDecimal monthlyRate, BigDecimal minFee,
        BigDecimal maxFeePercent, boolean lateFeesApply, List<Integer> agingBucketEdges) {

    public StatementTerms {
        Objects.requireNonNull(paymentTerms, "paymentTerms");
        Objects.requireNonNull(monthlyRate, "monthlyRate");
        Money.requireCents(minFee, "minFee");
        Objects.requireNonNull(maxFeePercent, "maxFeePercent");
        agingBucketEdges = List.copyOf(agingBucketEdges);
        if (agingBucketEdges.size() != 4) {
            throw new IllegalArgumentException("agingBucketEdges: four edges expected, got " + agingBucketEdges);
        }
    }

    /** The spec's default policy with the given terms, late fees charged. */
    public static StatementTerms defaults(String paymentTerms) {
        return new StatementTerms(paymentTerms, 10, new BigDecimal("0.015"), new BigDecimal("2.00"),
                new BigDecimal("20"), true, List.of(30, 60, 90, 120));
    }
}
