package com.arcycle.dunning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.arcycle.ledger.OpenItem;
import com.arcycle.policy.CollectionPolicy;
import com.arcycle.domain.Money;

/** Rule 4: one dunning stage per account per cycle, and the figures of rule 3 it rests on. */
public final class DunningRules {

    private final CollectionPolicy policy;

    public DunningRules(CollectionPolicy policy) {
        this.policy = policy;
    }

    public DunningDecision decide(DunningFacts facts) {
        LocalDate c = facts.cycleDate();
        Integer maxDpd = maxDpd(facts.openItems(), c);
        BigDecimal pastDue = pastDueTotal(facts.openItems(), c);
        BigDecimal balance = balance(facts.openItems(), facts.unappliedCredit());
        int latePaid = latePaidCount(facts.paidInvoices(), c);
        boolean goodStanding = isGoodStanding(facts.customerSince(), latePaid, c);
        PromiseState promise = promiseState(facts.promises(), facts.receipts(), c, facts.previousCycleDate());
        Stage stage;
        if (facts.referredEarlier()) {
            // Rule 4.7: out of the cycle's dunning, it stays where it is.
            stage = Stage.COLLECTIONS;
        } else {
            Stage target = targetStage(maxDpd, goodStanding, pastDue);
            stage = promise == PromiseState.ACTIVE
                    ? Stage.min(target, facts.previousStage())
                    : Stage.min(target, facts.previousStage().next());
        }
        return new DunningDecision(facts.previousStage(), stage, maxDpd, pastDue, balance, goodStanding, promise,
                latePaid, facts.referredEarlier());
    }

    /** The largest DPD of the open invoices not in dispute, or null when there is none. */
    static Integer maxDpd(List<OpenItem> openItems, LocalDate c) {
        Integer max = null;
        for (OpenItem item : openItems) {
            if (item.isInvoice() && isOpen(item) && !item.inDisputeOn(c)) {
                int dpd = item.dpd(c);
                if (max == null || dpd > max) {
                    max = dpd;
                }
            }
        }
        return max;
    }

    /** Balances of open items of both kinds, not in dispute, with DPD above 0. */
    static BigDecimal pastDueTotal(List<OpenItem> openItems, LocalDate c) {
        BigDecimal total = Money.ZERO;
        for (OpenItem item : openItems) {
            if (isOpen(item) && !item.inDisputeOn(c) && item.dpd(c) > 0) {
                total = total.add(item.balance());
            }
        }
        return total;
    }

    static BigDecimal balance(List<OpenItem> openItems, BigDecimal unappliedCredit) {
        BigDecimal total = Money.ZERO;
        for (OpenItem item : openItems) {
            if (isOpen(item)) {
                total = total.add(item.balance());
            }
        }
        return total.subtract(unappliedCredit);
    }

    /** Invoices paid off in C-364..C whose paid-off date is after due date + grace days. */
    int latePaidCount(List<PaidInvoice> paidInvoices, LocalDate c) {
        LocalDate windowStart = c.minusDays(CollectionPolicy.LATE_PAYMENT_WINDOW_DAYS - 1L);
        int count = 0;
        for (PaidInvoice paid : paidInvoices) {
            LocalDate paidOff = paid.paidOffDate();
            boolean inWindow = !paidOff.isBefore(windowStart) && !paidOff.isAfter(c);
            if (inWindow && paidOff.isAfter(paid.dueDate().plusDays(policy.graceDays()))) {
                count++;
            }
        }
        return count;
    }

    /** Rule 4.1: a customer for 730 days or more who paid nothing late in the past 365 days. */
    boolean isGoodStanding(LocalDate customerSince, int latePaidCount, LocalDate c) {
        return !customerSince.isAfter(c.minusDays(CollectionPolicy.GOOD_STANDING_TENURE_DAYS)) && latePaidCount == 0;
    }

    /** Rules 4.2 to 4.4: the stage the account's oldest debt calls for. */
    Stage targetStage(Integer maxDpd, boolean goodStanding, BigDecimal pastDueTotal) {
        if (maxDpd == null) {
            return Stage.NONE;
        }
        int effDpd = goodStanding ? maxDpd - policy.goodStandingExtraDays() : maxDpd;
        Stage target;
        if (effDpd >= policy.collectionsDays()) {
            target = Stage.COLLECTIONS;
        } else if (effDpd >= policy.finalDemandDays()) {
            target = Stage.FINAL_DEMAND;
        } else if (effDpd >= policy.pastDueDays()) {
            target = Stage.PAST_DUE;
        } else if (effDpd >= policy.reminderDays()) {
            target = Stage.REMINDER;
        } else {
            target = Stage.NONE;
        }
        if (target == Stage.COLLECTIONS && pastDueTotal.compareTo(policy.writeOffThreshold()) <= 0) {
            target = Stage.FINAL_DEMAND;
        }
        return target;
    }

    /**
     * Rules 4.5 and 4.6. Active: created <= C <= promised and less than the amount received from
     * created to C. Broken: promised before C and after the previous cycle (any date before C at
     * the first cycle) with less than the amount received from created to promised.
     */
    static PromiseState promiseState(List<Promise> promises, List<Receipt> receipts, LocalDate c,
            LocalDate previousCycle) {
        if (activePromise(promises, receipts, c) != null) {
            return PromiseState.ACTIVE;
        }
        return brokenPromise(promises, receipts, c, previousCycle) != null ? PromiseState.BROKEN : PromiseState.NONE;
    }

    /** The promise active on C (rule 4.5), or null. */
    public static Promise activePromise(List<Promise> promises, List<Receipt> receipts, LocalDate c) {
        for (Promise promise : promises) {
            if (!promise.createdDate().isAfter(c) && !promise.promisedDate().isBefore(c)
                    && received(receipts, promise.createdDate(), c).compareTo(promise.amount()) < 0) {
                return promise;
            }
        }
        return null;
    }

    /** The promise broken since the previous cycle (rule 4.6), the latest if several, or null. */
    public static Promise brokenPromise(List<Promise> promises, List<Receipt> receipts, LocalDate c,
            LocalDate previousCycle) {
        Promise broken = null;
        for (Promise promise : promises) {
            LocalDate promised = promise.promisedDate();
            if (promised.isBefore(c) && (previousCycle == null || promised.isAfter(previousCycle))
                    && received(receipts, promise.createdDate(), promised).compareTo(promise.amount()) < 0
                    && (broken == null || promised.isAfter(broken.promisedDate()))) {
                broken = promise;
            }
        }
        return broken;
    }

    /** What the account paid from {@code from} to {@code to}, both included. */
    public static BigDecimal received(List<Receipt> receipts, LocalDate from, LocalDate to) {
        BigDecimal total = Money.ZERO;
        for (Receipt receipt : receipts) {
            if (!receipt.receivedDate().isBefore(from) && !receipt.receivedDate().isAfter(to)) {
                total = total.add(receipt.amount());
            }
        }
        return total;
    }

    private static boolean isOpen(OpenItem item) {
        return Money.isPositive(item.balance());
    }
}
