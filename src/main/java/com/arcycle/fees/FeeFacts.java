package com.arcycle.fees;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.arcycle.ledger.OpenItem;
import com.arcycle.policy.LateFeeMode;

/**
 * What rule 5 needs of one account on the cycle date.
 *
 * @param inCollections the account's stage on the cycle date is COLLECTIONS (referred now or earlier)
 * @param latePaidCount invoices paid late with a paid-off date in the 365 days ending on the cycle date
 * @param feesCharged per open invoice's number, the fees charged on it by all earlier cycles (only open
 *        invoices are charged, so only theirs are read)
 */
public record FeeFacts(LocalDate cycleDate, LateFeeMode lateFeeMode, int latePaidCount, boolean inCollections,
        boolean writtenOff, boolean promiseActive, List<OpenItem> openItems, Map<String, BigDecimal> feesCharged) {
}
