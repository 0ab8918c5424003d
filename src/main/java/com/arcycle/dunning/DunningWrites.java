package com.arcycle.dunning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import com.arcycle.batch.BulkInserter;
import com.arcycle.batch.BulkInserter.Table;
import com.arcycle.dunning.DunningProcessor.Decided;

/**
 * The owner of {@code account_cycle} (each account's stage and figures per cycle) and
 * {@code cycle_promise} (the promise a statement names): a chunk's decisions, in its transaction.
 */
final class DunningWrites implements ItemWriter<Decided> {

    private static final Table ACCOUNT_CYCLE = Table.of("account_cycle", "cycle_date", "account_number",
            "previous_stage", "stage", "max_dpd", "past_due_total", "balance", "good_standing", "promise",
            "late_paid_count", "referred_earlier");
    private static final Table CYCLE_PROMISE = Table.of("cycle_promise", "cycle_date", "account_number", "state",
            "created_date", "promised_date", "amount", "received");

    private final BulkInserter bulk;
    private final LocalDate cycleDate;

    DunningWrites(BulkInserter bulk, LocalDate cycleDate) {
        this.bulk = bulk;
        this.cycleDate = cycleDate;
    }

    @Override
    public void write(Chunk<? extends Decided> chunk) {
        List<Object[]> accounts = new ArrayList<>(chunk.size());
        List<Object[]> promises = new ArrayList<>();
        for (Decided decided : chunk) {
            String account = decided.accountNumber();
            DunningDecision d = decided.decision();
            accounts.add(new Object[] {cycleDate, account, d.previousStage().name(), d.stage().name(), d.maxDpd(),
                    d.pastDueTotal(), d.balance(), d.goodStanding(), d.promise().name(), d.latePaidCount(),
                    d.referredEarlier()});
            addPromise(promises, account, PromiseState.ACTIVE, d.activePromise());
            addPromise(promises, account, PromiseState.BROKEN, d.brokenPromise());
        }
        bulk.insert(ACCOUNT_CYCLE, accounts);
        bulk.insert(CYCLE_PROMISE, promises);
    }

    private void addPromise(List<Object[]> rows, String account, PromiseState state, PromiseStanding standing) {
        if (standing != null) {
            Promise p = standing.promise();
            rows.add(new Object[] {cycleDate, account, state.name(), p.createdDate(), p.promisedDate(), p.amount(),
                    standing.received()});
        }
    }
}
