package com.arcycle.dunning;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.arcycle.batch.CycleDates;
import com.arcycle.domain.BadLedgerData;
import com.arcycle.domain.Money;
import com.arcycle.dunning.DunningQueries.DunningAccount;
import com.arcycle.ledger.LedgerChecks;
import com.arcycle.policy.CollectionPolicy;

/**
 * Decides each account's stage with {@link DunningRules}, after checking what was read. An account
 * is decided when it has open items or credit, or its previous stage was not NONE (so a paid-up
 * account shows its fall back to NONE); accounts referred earlier keep being recorded.
 */
final class DunningProcessor implements ItemProcessor<DunningAccount, DunningProcessor.Decided> {

    /** The stage and figures of one account. */
    record Decided(String accountNumber, DunningDecision decision) {
    }

    private final DunningRules rules;
    private final CycleDates dates;

    DunningProcessor(CollectionPolicy policy, CycleDates dates) {
        this.rules = new DunningRules(policy);
        this.dates = dates;
    }

    @Override
    public Decided process(DunningAccount account) {
        boolean hasBalance = !account.items.isEmpty() || Money.isPositive(account.credit);
        boolean wasDunned = account.previousStage != Stage.NONE && !account.referredEarlier;
        if (!hasBalance && !wasDunned) {
            return null;
        }
        var openItems = account.items.openItems();
        LedgerChecks.checkItems(account.accountNumber, openItems);
        for (Promise promise : account.promises) {
            if (promise.amount().signum() <= 0 || promise.promisedDate().isBefore(promise.createdDate())) {
                throw new BadLedgerData(account.accountNumber, null, "promise", promise,
                        "a promise must have an amount above 0 and a promised date on or after its creation");
            }
        }
        DunningDecision decision = rules.decide(new DunningFacts(dates.cycleDate(), dates.previousCycleDate(),
                account.customerSince, account.previousStage, account.referredEarlier, openItems,
                account.paidInvoices, account.promises, account.receipts, account.credit));
        LedgerChecks.checkSum(account.accountNumber, "past_due_total", decision.pastDueTotal());
        LedgerChecks.checkSum(account.accountNumber, "balance", decision.balance());
        return new Decided(account.accountNumber, decision);
    }
}
