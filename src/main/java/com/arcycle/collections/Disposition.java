package com.arcycle.collections;

import java.math.BigDecimal;
import java.util.List;

import com.arcycle.ledger.OpenItem;

/**
 * The cycle's decision for one account under rule 6.
 *
 * @param writtenOff items written off (empty unless action is WRITTEN_OFF)
 * @param referred items referred (empty unless action is REFERRED), with their DPD on the cycle date
 * @param recommendedAction null unless referred
 */
public record Disposition(Action action, List<OpenItem> writtenOff, List<ReferredItem> referred,
        BigDecimal referredTotal, RecommendedAction recommendedAction, boolean suspend) {

    /** An item in the collections-referral file. */
    public record ReferredItem(OpenItem item, int dpd) {
    }
}
