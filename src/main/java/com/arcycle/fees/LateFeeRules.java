package com.arcycle.fees;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import com.arcycle.ledger.OpenItem;
import com.arcycle.policy.CollectionPolicy;
import com.arcycle.policy.LateFeeMode;
import com.arcycle.domain.Money;

/** Rule 5: at most one late fee per open invoice per cycle, capped over the invoice's life. */
public final class LateFeeRules {

    private static final DateTimeFormatter FEE_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final CollectionPolicy policy;

    public LateFeeRules(CollectionPolicy policy) {
        this.policy = policy;
    }

    /** The fees of one account this cycle, in the FIFO order of the invoices they penalise. */
    public List<LateFee> assess(FeeFacts facts) {
        if (!accountIsCharged(facts)) {
            return List.of();
        }
        LocalDate c = facts.cycleDate();
        List<OpenItem> invoices = new ArrayList<>(facts.openItems());
        invoices.sort(OpenItem.FIFO_ORDER);
        List<LateFee> fees = new ArrayList<>();
        for (OpenItem item : invoices) {
            if (!item.isInvoice() || !Money.isPositive(item.balance())) {
                continue;
            }
            if (item.dpd(c) <= policy.graceDays() || item.inDisputeOn(c)) {
                continue;
            }
            BigDecimal charged = facts.feesCharged().getOrDefault(item.itemId(), Money.ZERO);
            BigDecimal amount = feeAmount(item.balance(), item.amount(), charged);
            if (amount.signum() > 0) {
                fees.add(new LateFee(feeId(item.itemId(), c), item.itemId(), item.balance(), amount));
            }
        }
        return fees;
    }

    /** The account-level conditions of rule 5. */
    boolean accountIsCharged(FeeFacts facts) {
        if (facts.inCollections() || facts.writtenOff() || facts.promiseActive()) {
            return false;
        }
        return feesApply(facts.lateFeeMode(), facts.latePaidCount());
    }

    /**
     * The fee-mode condition of rule 5: ALWAYS, or HABITUAL with at least habitual-late-count
     * invoices paid late in the window; a null mode is the policy's default. The statement prints
     * from it whether late fees apply to the account.
     */
    public boolean feesApply(LateFeeMode lateFeeMode, int latePaidCount) {
        LateFeeMode mode = lateFeeMode == null ? policy.defaultLateFeeMode() : lateFeeMode;
        return switch (mode) {
            case ALWAYS -> true;
            case NEVER -> false;
            case HABITUAL -> latePaidCount >= policy.habitualLateCount();
        };
    }

    /**
     * max(min-fee, round(balance x monthly-rate)), cut to what is left of the invoice's cap
     * (round(original x max-fee-percent / 100) minus the fees already charged); 0 when nothing is left.
     */
    BigDecimal feeAmount(BigDecimal balance, BigDecimal originalAmount, BigDecimal alreadyCharged) {
        BigDecimal fee = Money.max(policy.minFee(), rateAmount(balance));
        BigDecimal cap = Money.round(originalAmount.multiply(policy.maxFeePercent()).divide(HUNDRED));
        BigDecimal left = cap.subtract(alreadyCharged);
        if (left.signum() <= 0) {
            return Money.ZERO;
        }
        return Money.min(fee, left);
    }

    /** How a fee was computed, for the statement: rate x balance, the minimum, the cap. */
    public record Breakdown(BigDecimal rateAmount, boolean minimumApplied, boolean capApplied) {
    }

    /** Explains a fee of {@code amount} computed on {@code basis} under this policy. */
    public Breakdown breakdown(BigDecimal basis, BigDecimal amount) {
        BigDecimal rateAmount = rateAmount(basis);
        boolean minimum = rateAmount.compareTo(policy.minFee()) < 0;
        BigDecimal uncapped = Money.max(policy.minFee(), rateAmount);
        return new Breakdown(rateAmount, minimum, amount.compareTo(uncapped) < 0);
    }

    /** round(balance x monthly-rate): the fee before the minimum and the cap. */
    private BigDecimal rateAmount(BigDecimal balance) {
        return Money.round(balance.multiply(policy.monthlyRate()));
    }

    /** LF-&lt;invoice_number&gt;-&lt;yyyyMMdd of the cycle date&gt;. */
    public static String feeId(String invoiceNumber, LocalDate cycleDate) {
        return "LF-" + invoiceNumber + "-" + FEE_DATE.format(cycleDate);
    }
}
