package com.arcycle.ledger;

import java.math.BigDecimal;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.arcycle.ledger.PaymentQueries.PaymentsAccount;

/**
 * Replays what is new on each account with {@link AccountLedger} (rule 2); accounts with nothing
 * new are passed over.
 */
final class PaymentsProcessor implements ItemProcessor<PaymentsAccount, PaymentsProcessor.Applied> {

    /** An account's replay, and its credit before it. */
    record Applied(String accountNumber, BigDecimal creditBefore, AccountLedger ledger) {
    }

    @Override
    public Applied process(PaymentsAccount account) {
        if (account.events.isEmpty()) {
            return null;
        }
        LedgerChecks.checkItems(account.accountNumber, account.openItems);
        LedgerChecks.checkEvents(account.accountNumber, account.events);
        AccountLedger ledger = new AccountLedger(account.openItems, account.credit);
        ledger.replay(account.events);
        LedgerChecks.checkSum(account.accountNumber, "unapplied_credit", ledger.unappliedCredit());
        return new Applied(account.accountNumber, account.credit, ledger);
    }
}
