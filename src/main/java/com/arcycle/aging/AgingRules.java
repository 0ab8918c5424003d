package com.arcycle.aging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import com.arcycle.ledger.OpenItem;
import com.arcycle.policy.CollectionPolicy;
import com.arcycle.domain.Money;

/**
 * Rule 7: every open item falls in one bucket by its DPD: current (DPD <= 0), then up to each
 * bucket edge (30, 60, 90, 120 by default), then beyond the last edge.
 */
public final class AgingRules {

    private final int[] edges;

    public AgingRules(CollectionPolicy policy) {
        this.edges = policy.agingBucketEdges().stream().mapToInt(Integer::intValue).toArray();
    }

    public AgedBalance age(List<OpenItem> openItems, BigDecimal unappliedCredit, LocalDate cycleDate) {
        BigDecimal[] buckets = new BigDecimal[edges.length + 2];
        Arrays.fill(buckets, Money.ZERO);
        BigDecimal inDispute = Money.ZERO;
        BigDecimal open = Money.ZERO;
        for (OpenItem item : openItems) {
            if (!Money.isPositive(item.balance())) {
                continue;
            }
            int bucket = bucketOf(item.dpd(cycleDate));
            buckets[bucket] = buckets[bucket].add(item.balance());
            open = open.add(item.balance());
            if (item.inDisputeOn(cycleDate)) {
                inDispute = inDispute.add(item.balance());
            }
        }
        return new AgedBalance(buckets[0], buckets[1], buckets[2], buckets[3], buckets[4], buckets[5], inDispute,
                unappliedCredit, open.subtract(unappliedCredit));
    }

    /** 0 for current, i for DPD in (edge[i-2], edge[i-1]], the last for beyond the last edge. */
    int bucketOf(int dpd) {
        if (dpd <= 0) {
            return 0;
        }
        for (int i = 0; i < edges.length; i++) {
            if (dpd <= edges[i]) {
                return i + 1;
            }
        }
        return edges.length + 1;
    }
}
