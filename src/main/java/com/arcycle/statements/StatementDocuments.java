package com.arcycle.statements;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.arcycle.dunning.Stage;
import com.arcycle.fees.LateFeeRules;
import com.arcycle.ledger.LedgerChecks;
import com.arcycle.ledger.OpenItem;
import com.arcycle.policy.CollectionPolicy;
import com.arcycle.reports.BusinessProperties;
import com.arcycle.reports.Letterhead;
import com.arcycle.statements.StatementQueries.StatementAccount;

/**
 * Turns what the step read of an account into the statement it is sent: what the earlier steps
 * decided, laid out, and the fee explained; it decides nothing again.
 */
final class StatementDocuments {

    /** Makes the documents of a cycle date from the settings. */
    record Factory(CollectionPolicy policy, BusinessProperties business) {
        StatementDocuments of(LocalDate cycleDate) {
            return new StatementDocuments(policy, business, cycleDate);
        }
    }

    private final CollectionPolicy policy;
    private final LateFeeRules fees;
    private final Letterhead letterhead;
    private final String paymentTerms;
    private final int collectionsNoticeDays;
    private final LocalDate cycleDate;

    StatementDocuments(CollectionPolicy policy, BusinessProperties business, LocalDate cycleDate) {
        this.policy = policy;
        this.fees = new LateFeeRules(policy);
        this.letterhead = business.letterhead();
        this.paymentTerms = business.paymentTerms();
        this.collectionsNoticeDays = business.collectionsNoticeDays();
        this.cycleDate = cycleDate;
    }

    StatementDocument document(StatementAccount account) {
        StatementFileName.of(account.accountNumber); // an account whose file name cannot be made safe is skipped
        List<OpenItem> open = account.items.openItems();
        LedgerChecks.checkItems(account.accountNumber, open);
        List<OpenItemLine> lines = new ArrayList<>(open.size());
        for (OpenItem item : open) {
            lines.add(new OpenItemLine(item.itemId(), item.type(), item.issueDate(), item.dueDate(), item.amount(),
                    item.balance(), item.dpd(cycleDate), item.inDisputeOn(cycleDate)));
        }
        List<FeeLine> feeLines = new ArrayList<>(account.fees.size());
        for (StatementAccount.Fee fee : account.fees) {
            LateFeeRules.Breakdown how = fees.breakdown(fee.basis(), fee.amount());
            feeLines.add(new FeeLine(fee.feeId(), fee.invoiceNumber(), fee.invoiceAmount(), fee.basis(),
                    how.rateAmount(), how.minimumApplied(), how.capApplied(), fee.amount()));
        }
        boolean feesApply = fees.feesApply(LedgerChecks.lateFeeMode(account.accountNumber, account.lateFeeMode),
                account.latePaidCount);
        StatementTerms terms = new StatementTerms(paymentTerms, policy.graceDays(), policy.monthlyRate(),
                policy.minFee().setScale(2), policy.maxFeePercent(), feesApply, policy.agingBucketEdges());
        return new StatementDocument(letterhead,
                new Addressee(account.accountNumber, account.name, account.addressLines, account.customerSince),
                cycleDate, policy.currency(), account.stage, account.referred, account.goodStanding,
                account.recurringService, account.suspended,
                account.stage == Stage.FINAL_DEMAND ? cycleDate.plusDays(collectionsNoticeDays) : null,
                account.brokenPromise, account.activePromise, account.pastDueTotal, account.maxDpd, lines, feeLines, account.aging, terms);
    }
}
