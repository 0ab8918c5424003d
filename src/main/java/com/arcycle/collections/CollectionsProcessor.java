package com.arcycle.collections;

import java.time.LocalDate;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.arcycle.collections.CollectionsQueries.CollectionsAccount;
import com.arcycle.dunning.Stage;
import com.arcycle.ledger.LedgerChecks;
import com.arcycle.policy.CollectionPolicy;

/** Decides each account's write-off, referral and suspension with {@link CollectionsRules}. */
final class CollectionsProcessor implements ItemProcessor<CollectionsAccount, CollectionsProcessor.Decided> {

    /** What the cycle does with one account, and its paper trail for a referral. */
    record Decided(String accountNumber, Stage stage, Disposition disposition, String paperTrail,
            String channelTrail) {
    }

    private final CollectionsRules rules;
    private final LocalDate cycleDate;

    CollectionsProcessor(CollectionPolicy policy, LocalDate cycleDate) {
        this.rules = new CollectionsRules(policy);
        this.cycleDate = cycleDate;
    }

    @Override
    public Decided process(CollectionsAccount account) {
        var openItems = account.items.openItems();
        LedgerChecks.checkItems(account.accountNumber, openItems);
        Disposition disposition = rules.decide(new DispositionFacts(cycleDate, account.previousStage, account.stage,
                account.referredEarlier, account.maxDpd, account.balance, account.recurringService, openItems));
        LedgerChecks.checkSum(account.accountNumber, "account_referred_total", disposition.referredTotal());
        return new Decided(account.accountNumber, account.stage, disposition, Notice.paperTrail(account.earlierNotices),
                Notice.channelTrail(account.earlierNotices));
    }
}
