package com.arcycle.dunning;

import java.math.BigDecimal;

/**
 * An account's dunning figures on the cycle date (rule 4 and the definitions of rule 3).
 *
 * @param maxDpd null when the account has no open invoice outside dispute
 * @param balance all open balances minus unapplied credit
 * @param promise ACTIVE when {@code activePromise} is there, else BROKEN when {@code brokenPromise} is
 * @param activePromise the promise active on the cycle date, or null
 * @param brokenPromise the promise broken since the previous cycle, or null
 * @param latePaidCount invoices paid late with a paid-off date in the 365 days ending on the cycle date
 */
public record DunningDecision(Stage previousStage, Stage stage, Integer maxDpd, BigDecimal pastDueTotal,
        BigDecimal balance, boolean goodStanding, PromiseState promise, PromiseStanding activePromise,
        PromiseStanding brokenPromise, int latePaidCount, boolean referredEarlier) {
}
