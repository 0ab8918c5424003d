package com.arcycle.aging;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import com.arcycle.aging.AgingProcessor.Aged;
import com.arcycle.batch.BulkInserter;
import com.arcycle.batch.BulkInserter.Table;

/** The owner of {@code aged_balance}: a chunk's rows of the aged receivables, in its transaction. */
final class AgingWrites implements ItemWriter<Aged> {

    private static final Table AGED_BALANCE = Table.of("aged_balance", "cycle_date", "account_number",
            "current_amount", "d1_30", "d31_60", "d61_90", "d91_120", "d121_plus", "in_dispute", "unapplied_credit",
            "total", "stage");

    private final BulkInserter bulk;
    private final LocalDate cycleDate;

    AgingWrites(BulkInserter bulk, LocalDate cycleDate) {
        this.bulk = bulk;
        this.cycleDate = cycleDate;
    }

    @Override
    public void write(Chunk<? extends Aged> chunk) {
        List<Object[]> rows = new ArrayList<>(chunk.size());
        for (Aged aged : chunk) {
            AgedBalance b = aged.balance();
            rows.add(new Object[] {cycleDate, aged.accountNumber(), b.current(), b.days1To30(), b.days31To60(),
                    b.days61To90(), b.days91To120(), b.days121Plus(), b.inDispute(), b.unappliedCredit(), b.total(),
                    aged.stage()});
        }
        bulk.insert(AGED_BALANCE, rows);
    }
}
