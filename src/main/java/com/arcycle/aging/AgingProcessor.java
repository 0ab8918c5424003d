package com.arcycle.aging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.arcycle.aging.AgingQueries.AgingAccount;
import com.arcycle.domain.Money;
import com.arcycle.ledger.LedgerChecks;
import com.arcycle.policy.CollectionPolicy;

/** Ages each account with {@link AgingRules}; an account with no open item and no credit is not aged. */
final class AgingProcessor implements ItemProcessor<AgingAccount, AgingProcessor.Aged> {

    /** One account's row of the aged receivables. */
    record Aged(String accountNumber, String stage, AgedBalance balance) {
    }

    private final AgingRules rules;
    private final LocalDate cycleDate;

    AgingProcessor(CollectionPolicy policy, LocalDate cycleDate) {
        this.rules = new AgingRules(policy);
        this.cycleDate = cycleDate;
    }

    @Override
    public Aged process(AgingAccount account) {
        if (account.items.isEmpty() && !Money.isPositive(account.credit)) {
            return null;
        }
        var openItems = account.items.openItems();
        LedgerChecks.checkItems(account.accountNumber, openItems);
        AgedBalance aged = rules.age(openItems, account.credit, cycleDate);
        for (BigDecimal sum : List.of(aged.current(), aged.days1To30(), aged.days31To60(), aged.days61To90(),
                aged.days91To120(), aged.days121Plus(), aged.inDispute(), aged.total())) {
            LedgerChecks.checkSum(account.accountNumber, "aged receivables", sum);
        }
        return new Aged(account.accountNumber, account.stage, aged);
    }
}
