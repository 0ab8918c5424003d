package com.arcycle.calls;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.arcycle.domain.Utf8Order;
import com.arcycle.dunning.Stage;
import com.arcycle.policy.CollectionPolicy;

/** Rule 8: whom to phone this cycle, and why. Plain Java: facts in, reasons out. */
final class CallListRules {

    /** One listed account as ranked: its first reason, its past_due_total, its number. */
    record Ranked(CallReason reason, BigDecimal pastDueTotal, String accountNumber) {
    }

    /**
     * Rule 8's ranking: by reason in the rule's order, then past_due_total from the largest, then
     * account_number by UTF-8 bytes. {@link CallList#RANKED} is its SQL form.
     */
    static final Comparator<Ranked> RANK_ORDER = Comparator.comparing(Ranked::reason)
            .thenComparing(Ranked::pastDueTotal, Comparator.reverseOrder())
            .thenComparing(Ranked::accountNumber, Utf8Order.INSTANCE);

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final CollectionPolicy policy;

    CallListRules(CollectionPolicy policy) {
        this.policy = policy;
    }

    /** The first day of rule 8's past year (C-364), for invoiced_365. */
    static LocalDate pastYearStart(LocalDate cycleDate) {
        return cycleDate.minusDays(CollectionPolicy.LATE_PAYMENT_WINDOW_DAYS - 1);
    }

    /** Whether rule 8 considers the account at all on the cycle date. */
    boolean considered(CallFacts facts) {
        return !facts.referred() && !facts.writtenOff() && !facts.promiseActive()
                && facts.stage().isAtLeast(Stage.REMINDER);
    }

    /** The account's call reasons in the rule's order; empty when it is not to be phoned. */
    List<CallReason> reasons(CallFacts facts, LocalDate cycleDate) {
        List<CallReason> reasons = new ArrayList<>(4);
        if (!considered(facts)) {
            return reasons;
        }
        if (facts.promiseBroken()) {
            reasons.add(CallReason.PROMISE_BROKEN);
        }
        if (facts.stage() == Stage.FINAL_DEMAND) {
            reasons.add(CallReason.FINAL_DEMAND);
        }
        if (facts.customerSince().isAfter(cycleDate.minusDays(policy.callNewCustomerDays()))
                && facts.pastDueTotal().compareTo(policy.callNewCustomerAmount()) >= 0) {
            reasons.add(CallReason.NEW_CUSTOMER);
        }
        if (facts.stage() == Stage.PAST_DUE && facts.pastDueTotal().compareTo(policy.callMinAmount()) >= 0
                && !(facts.goodStanding() && smallShare(facts))) {
            reasons.add(CallReason.PAST_DUE);
        }
        return reasons;
    }

    /** past_due_total below call-small-share % of invoiced_365, compared exactly (no rounding). */
    private boolean smallShare(CallFacts facts) {
        return facts.pastDueTotal().multiply(HUNDRED)
                .compareTo(facts.invoiced365().multiply(policy.callSmallShare())) < 0;
    }
}
