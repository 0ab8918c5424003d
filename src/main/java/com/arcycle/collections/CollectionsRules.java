package com.arcycle.collections;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.arcycle.collections.Disposition.ReferredItem;
import com.arcycle.dunning.Stage;
import com.arcycle.ledger.OpenItem;
import com.arcycle.policy.CollectionPolicy;
import com.arcycle.domain.Money;

/** Rule 6: write-offs, collections referrals and service suspensions. */
public final class CollectionsRules {

    private final CollectionPolicy policy;

    public CollectionsRules(CollectionPolicy policy) {
        this.policy = policy;
    }

    public Disposition decide(DispositionFacts facts) {
        LocalDate c = facts.cycleDate();
        boolean suspend = isSuspended(facts);
        if (isReferred(facts)) {
            List<ReferredItem> referred = new ArrayList<>();
            BigDecimal total = Money.ZERO;
            for (OpenItem item : outsideDispute(facts.openItems(), c)) {
                referred.add(new ReferredItem(item, item.dpd(c)));
                total = total.add(item.balance());
            }
            RecommendedAction recommended = total.compareTo(policy.smallClaimsLimit()) <= 0
                    ? RecommendedAction.SMALL_CLAIMS
                    : RecommendedAction.AGENCY;
            return new Disposition(Action.REFERRED, List.of(), referred, total, recommended, suspend);
        }
        if (isWrittenOff(facts)) {
            return new Disposition(Action.WRITTEN_OFF, outsideDispute(facts.openItems(), c), List.of(), Money.ZERO,
                    null, suspend);
        }
        Action action = !facts.referredEarlier() && facts.stage().isAtLeast(Stage.REMINDER)
                ? Action.STATEMENT
                : Action.NONE;
        return new Disposition(action, List.of(), List.of(), Money.ZERO, null, suspend);
    }

    /** Stage COLLECTIONS on the cycle date for the first time. */
    static boolean isReferred(DispositionFacts facts) {
        return facts.stage() == Stage.COLLECTIONS && !facts.referredEarlier();
    }

    /** Not in collections, 0 < balance <= threshold, and max DPD at least the write-off days. */
    boolean isWrittenOff(DispositionFacts facts) {
        return facts.stage() != Stage.COLLECTIONS
                && !facts.referredEarlier()
                && Money.isPositive(facts.balance())
                && facts.balance().compareTo(policy.writeOffThreshold()) <= 0
                && facts.maxDpd() != null
                && facts.maxDpd() >= policy.writeOffDays();
    }

    /** A recurring-service account warned by a final demand last cycle and not paid up since. */
    static boolean isSuspended(DispositionFacts facts) {
        return facts.recurringService()
                && facts.previousStage() == Stage.FINAL_DEMAND
                && facts.stage().isAtLeast(Stage.FINAL_DEMAND);
    }

    private static List<OpenItem> outsideDispute(List<OpenItem> items, LocalDate c) {
        List<OpenItem> result = new ArrayList<>();
        for (OpenItem item : items) {
            if (Money.isPositive(item.balance()) && !item.inDisputeOn(c)) {
                result.add(item);
            }
        }
        result.sort(OpenItem.FIFO_ORDER);
        return result;
    }
}
