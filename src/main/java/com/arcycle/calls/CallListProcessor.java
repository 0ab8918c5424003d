package com.arcycle.calls;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.arcycle.calls.CallListQueries.CallAccount;
import com.arcycle.domain.Money;
import com.arcycle.ledger.LedgerChecks;
import com.arcycle.ledger.OpenItem;
import com.arcycle.policy.CollectionPolicy;

/**
 * Decides each account's place on the call list with {@link CallListRules}, and gathers the call
 * notes of an account referred this cycle for the referral file.
 */
final class CallListProcessor implements ItemProcessor<CallAccount, CallListProcessor.Decided> {

    /** A row of the call list (rule 8's figures); {@code reasons} in the rule's order. */
    record Listed(List<CallReason> reasons, String stage, BigDecimal pastDueTotal, Integer maxDpd,
            int openPastDueItems, boolean goodStanding, int paidLate365, BigDecimal invoiced365,
            BigDecimal inDispute) {

        String otherReasons() {
            return reasons.stream().skip(1).map(Enum::name).collect(Collectors.joining(";"));
        }
    }

    /** What the step stores of one account: its call-list row and/or the notes its referral carries. */
    record Decided(String accountNumber, Listed listed, String referralNotes) {
    }

    private final CallListRules rules;
    private final LocalDate cycleDate;

    CallListProcessor(CollectionPolicy policy, LocalDate cycleDate) {
        this.rules = new CallListRules(policy);
        this.cycleDate = cycleDate;
    }

    @Override
    public Decided process(CallAccount account) {
        List<CallReason> reasons = rules.reasons(account.facts, cycleDate);
        Listed listed = null;
        if (!reasons.isEmpty()) {
            List<OpenItem> items = account.items.openItems();
            LedgerChecks.checkItems(account.accountNumber, items);
            int pastDueItems = 0;
            BigDecimal inDispute = Money.ZERO;
            for (OpenItem item : items) {
                if (item.inDisputeOn(cycleDate)) {
                    inDispute = inDispute.add(item.balance());
                } else if (item.dpd(cycleDate) > 0) {
                    pastDueItems++;
                }
            }
            LedgerChecks.checkSum(account.accountNumber, "in dispute", inDispute);
            CallFacts f = account.facts;
            listed = new Listed(reasons, f.stage().name(), f.pastDueTotal(), account.maxDpd, pastDueItems,
                    f.goodStanding(), account.paidLate365, f.invoiced365(), inDispute);
        }
        String notes = account.referredThisCycle && !account.notes.isEmpty() ? CallNotes.join(account.notes) : null;
        return listed == null && notes == null ? null : new Decided(account.accountNumber, listed, notes);
    }
}
