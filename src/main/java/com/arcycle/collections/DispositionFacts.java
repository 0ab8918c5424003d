package com.arcycle.collections;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.arcycle.dunning.Stage;
import com.arcycle.ledger.OpenItem;

/**
 * What rule 6 needs of one account, once its dunning stage on the cycle date is decided.
 *
 * @param maxDpd null when the account has no open invoice outside dispute
 * @param balance all open balances minus unapplied credit
 */
public record DispositionFacts(LocalDate cycleDate, Stage previousStage, Stage stage, boolean referredEarlier,
        Integer maxDpd, BigDecimal balance, boolean recurringService, List<OpenItem> openItems) {
}
