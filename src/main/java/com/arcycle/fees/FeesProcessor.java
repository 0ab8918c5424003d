package com.arcycle.fees;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.arcycle.fees.FeeQueries.FeeAccount;
import com.arcycle.ledger.AccountLedger;
import com.arcycle.ledger.ItemType;
import com.arcycle.ledger.LedgerChecks;
import com.arcycle.ledger.OpenItem;
import com.arcycle.policy.CollectionPolicy;

/**
 * Assesses each account's fees with {@link LateFeeRules}, then issues them through
 * {@link AccountLedger}: a fee is a new item, issued and due on the cycle date, and creating it
 * applies the account's unapplied credit (rule 2). Accounts charged nothing are passed over.
 */
final class FeesProcessor implements ItemProcessor<FeeAccount, FeesProcessor.Charged> {

    /** The fees of one account and the replay that issued them. */
    record Charged(String accountNumber, BigDecimal creditBefore, List<LateFee> fees, AccountLedger ledger) {
    }

    private final LateFeeRules rules;
    private final LocalDate cycleDate;

    FeesProcessor(CollectionPolicy policy, LocalDate cycleDate) {
        this.rules = new LateFeeRules(policy);
        this.cycleDate = cycleDate;
    }

    @Override
    public Charged process(FeeAccount account) {
        List<OpenItem> open = account.items.openItems();
        LedgerChecks.checkItems(account.accountNumber, open);
        List<LateFee> fees = rules.assess(new FeeFacts(cycleDate,
                LedgerChecks.lateFeeMode(account.accountNumber, account.lateFeeMode), account.latePaidCount,
                account.inCollections, account.writtenOff, account.promiseActive, open, account.feesCharged));
        if (fees.isEmpty()) {
            return null;
        }
        List<OpenItem> feeItems = new ArrayList<>();
        for (LateFee fee : fees) {
            feeItems.add(new OpenItem(fee.feeId(), ItemType.FEE, fee.invoiceNumber(), cycleDate, cycleDate,
                    fee.amount(), fee.amount(), List.of()));
        }
        AccountLedger ledger = new AccountLedger(open, account.credit);
        ledger.issue(feeItems, cycleDate);
        return new Charged(account.accountNumber, account.credit, fees, ledger);
    }
}
