package com.arcycle.ledger;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import com.arcycle.ledger.LedgerEvent.InvoiceIssued;
import com.arcycle.ledger.LedgerEvent.PaymentReceived;
import com.arcycle.policy.LateFeeMode;
import com.arcycle.domain.BadLedgerData;

/**
 * The rules the cycle relies on that import already enforces, checked again on what a step
 * reads: the database may have been edited by hand. A broken rule skips the account for the
 * step (see {@link BadLedgerData}) instead of computing wrong figures from it.
 */
public final class LedgerChecks {

    private LedgerChecks() {
    }

    /** Amount above 0, balance from 0 to the amount, due date not before the issue date. */
    public static void checkItems(String account, List<OpenItem> items) {
        for (OpenItem item : items) {
            checkItem(account, item);
            for (DisputePeriod dispute : item.disputes()) {
                if (dispute.resolved() != null && dispute.resolved().isBefore(dispute.opened())) {
                    throw new BadLedgerData(account, item.itemId(), "resolved_date", dispute.resolved(),
                            "dispute resolved before it was opened (" + dispute.opened() + ")");
                }
            }
        }
    }

    private static void checkItem(String account, OpenItem item) {
        if (item.amount() == null || item.amount().signum() <= 0) {
            throw new BadLedgerData(account, item.itemId(), "amount", item.amount(), "amount must be greater than 0");
        }
        BigDecimal balance = item.balance();
        if (balance == null || balance.signum() < 0 || balance.compareTo(item.amount()) > 0) {
            throw new BadLedgerData(account, item.itemId(), "balance", balance,
                    "balance must be from 0 to the amount " + item.amount());
        }
        if (item.dueDate().isBefore(item.issueDate())) {
            throw new BadLedgerData(account, item.itemId(), "due_date", item.dueDate(),
                    "due date is before the issue date " + item.issueDate());
        }
    }

    /** New invoices and payments: amounts above 0, due date not before the issue date. */
    public static void checkEvents(String account, List<LedgerEvent> events) {
        for (LedgerEvent event : events) {
            if (event instanceof InvoiceIssued issued) {
                checkItem(account, issued.item());
            } else if (event instanceof PaymentReceived payment
                    && (payment.amount() == null || payment.amount().signum() <= 0)) {
                throw new BadLedgerData(account, payment.paymentId(), "amount", payment.amount(),
                        "payment amount must be greater than 0");
            }
        }
    }

    /**
     * The largest sum over an account's items the cycle tables store (DECIMAL(19,2)). Import limits
     * a single amount far below it; only data edited by hand can reach it.
     */
    public static final BigDecimal LARGEST_SUM = new BigDecimal("99999999999999999.99");

    /**
     * A sum over the account's items (past-due total, balance, credit, an aging bucket) that the
     * database can store; larger skips the account, naming it, instead of failing the step.
     */
    public static BigDecimal checkSum(String account, String column, BigDecimal sum) {
        if (sum != null && sum.abs().compareTo(LARGEST_SUM) > 0) {
            throw new BadLedgerData(account, null, column, sum.toPlainString(), "the account's " + column
                    + " is beyond the largest sum arcycle stores (" + LARGEST_SUM.toPlainString() + ")");
        }
        return sum;
    }

    /** A customer's late_fee_mode as stored: null (the policy's default) or one of the modes. */
    public static LateFeeMode lateFeeMode(String account, String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return LateFeeMode.valueOf(stored.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadLedgerData(account, null, "late_fee_mode", stored,
                    "late_fee_mode must be ALWAYS, NEVER or HABITUAL");
        }
    }
}
