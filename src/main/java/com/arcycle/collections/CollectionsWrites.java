package com.arcycle.collections;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import com.arcycle.batch.BulkInserter;
import com.arcycle.batch.BulkInserter.Table;
import com.arcycle.collections.CollectionsProcessor.Decided;
import com.arcycle.collections.Disposition.ReferredItem;
import com.arcycle.ledger.LedgerWrites;
import com.arcycle.ledger.OpenItem;

/**
 * The owner of {@code collection_decision} (what the cycle did with each account),
 * {@code write_off}, {@code referral} and {@code referred_account}; a written-off item is closed
 * through the ledger's own writes.
 */
final class CollectionsWrites implements ItemWriter<Decided> {

    /** rule 6's one reason for a write-off. */
    static final String SMALL_BALANCE = "SMALL_BALANCE";

    private static final Table DECISION = Table.of("collection_decision", "cycle_date", "account_number", "action",
            "suspend");
    private static final Table WRITE_OFF = Table.of("write_off", "cycle_date", "item_id", "account_number", "balance",
            "reason");
    private static final Table REFERRAL = Table.of("referral", "cycle_date", "item_id", "account_number", "balance",
            "dpd", "referred_total", "recommended_action", "notices", "notice_channels");
    private static final Table REFERRED_ACCOUNT = Table.of("referred_account", "account_number", "referred_cycle");

    private final BulkInserter bulk;
    private final LedgerWrites ledger;
    private final LocalDate cycleDate;

    CollectionsWrites(BulkInserter bulk, LedgerWrites ledger, LocalDate cycleDate) {
        this.bulk = bulk;
        this.ledger = ledger;
        this.cycleDate = cycleDate;
    }

    @Override
    public void write(Chunk<? extends Decided> chunk) {
        List<Object[]> decisions = new ArrayList<>();
        List<Object[]> writeOffs = new ArrayList<>();
        List<Object[]> referrals = new ArrayList<>();
        List<Object[]> referredAccounts = new ArrayList<>();
        for (Decided decided : chunk) {
            String account = decided.accountNumber();
            Disposition d = decided.disposition();
            decisions.add(new Object[] {cycleDate, account, d.action().name(), d.suspend()});
            for (OpenItem item : d.writtenOff()) {
                writeOffs.add(new Object[] {cycleDate, item.itemId(), account, item.balance(), SMALL_BALANCE});
                ledger.writeOff(account, item.itemId());
            }
            for (ReferredItem referred : d.referred()) {
                referrals.add(new Object[] {cycleDate, referred.item().itemId(), account, referred.item().balance(),
                        referred.dpd(), d.referredTotal(), d.recommendedAction().name(), decided.paperTrail(),
                        decided.channelTrail()});
            }
            if (d.action() == Action.REFERRED) {
                referredAccounts.add(new Object[] {account, cycleDate});
            }
        }
        bulk.insert(DECISION, decisions);
        bulk.insert(WRITE_OFF, writeOffs);
        bulk.insert(REFERRAL, referrals);
        bulk.insert(REFERRED_ACCOUNT, referredAccounts);
        ledger.flush();
    }
}
