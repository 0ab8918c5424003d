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
        int latePaid = latePaidCount(facts.paidInvoices());
        boolean goodStanding = isGoodStanding(facts.customerSince(), latePaid, c);
        PromiseStanding active = active(facts.promises(), facts.receipts(), c);
        PromiseStanding broken = broken(facts.promises(), facts.receipts(), c, facts.previousCycleDate());
        PromiseState promise = stateOf(active, broken);
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
                active, broken, latePaid, facts.referredEarlier());
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

    /**
     * Rule 4.1's window, the 365 days ending on C (C-364 .. C): the dunning step reads the invoices
     * paid off in it, so the window is applied once, where they are read.
     */
    public static LocalDate latePaymentWindowStart(LocalDate c) {
        return c.minusDays(CollectionPolicy.LATE_PAYMENT_WINDOW_DAYS - 1L);
    }

    /** Of the invoices paid off in the window, those paid off after due date + grace days. */
    int latePaidCount(List<PaidInvoice> paidInWindow) {
        int count = 0;
        for (PaidInvoice paid : paidInWindow) {
            if (paid.paidOffDate().isAfter(paid.dueDate().plusDays(policy.graceDays()))) {
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
     * Rule 4.5: the promise active on C (created <= C <= promised, and less than its amount received
     * from created to C), with what was received; the first in the order given, or null.
     */
    static PromiseStanding active(List<Promise> promises, List<Receipt> receipts, LocalDate c) {
        for (Promise promise : promises) {
            BigDecimal received = received(receipts, promise.createdDate(), c);
            if (!promise.createdDate().isAfter(c) && !promise.promisedDate().isBefore(c)
                    && received.compareTo(promise.amount()) < 0) {
                return new PromiseStanding(promise, received);
            }
        }
        return null;
    }

    /**
     * Rule 4.6: the promise broken since the previous cycle (promised before C and after the previous
     * cycle, any date before C at the first cycle, with less than its amount received from created
     * to promised), the latest if several, with what was received; or null.
     */
    static PromiseStanding broken(List<Promise> promises, List<Receipt> receipts, LocalDate c,
            LocalDate previousCycle) {
        PromiseStanding broken = null;
        for (Promise promise : promises) {
            LocalDate promised = promise.promisedDate();
            BigDecimal received = received(receipts, promise.createdDate(), promised);
            if (promised.isBefore(c) && (previousCycle == null || promised.isAfter(previousCycle))
                    && received.compareTo(promise.amount()) < 0
                    && (broken == null || promised.isAfter(broken.promise().promisedDate()))) {
                broken = new PromiseStanding(promise, received);
            }
        }
        return broken;
    }

    /** What the dunning file says: ACTIVE when a promise stands, else BROKEN when one was broken. */
    static PromiseState stateOf(PromiseStanding active, PromiseStanding broken) {
        return active != null ? PromiseState.ACTIVE : broken != null ? PromiseState.BROKEN : PromiseState.NONE;
    }

    /** What the account paid from {@code from} to {@code to}, both included. */
    static BigDecimal received(List<Receipt> receipts, LocalDate from, LocalDate to) {
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
