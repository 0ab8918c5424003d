package com.arcycle.calls;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import com.arcycle.batch.BulkInserter;
import com.arcycle.batch.BulkInserter.Table;
import com.arcycle.calls.CallListProcessor.Decided;
import com.arcycle.calls.CallListProcessor.Listed;

/** The owner of {@code call_list} and {@code referral_call_notes}: a chunk's rows, in its transaction. */
final class CallListWrites implements ItemWriter<Decided> {

    private static final Table CALL_LIST = Table.of("call_list", "cycle_date", "account_number", "reason",
            "reason_order", "other_reasons", "stage", "past_due_total", "max_dpd", "open_past_due_items",
            "good_standing", "paid_late_365", "invoiced_365", "in_dispute");
    private static final Table REFERRAL_CALL_NOTES = Table.of("referral_call_notes", "cycle_date", "account_number",
            "call_notes");

    private final BulkInserter bulk;
    private final LocalDate cycleDate;

    CallListWrites(BulkInserter bulk, LocalDate cycleDate) {
        this.bulk = bulk;
        this.cycleDate = cycleDate;
    }

    @Override
    public void write(Chunk<? extends Decided> chunk) {
        List<Object[]> listed = new ArrayList<>();
        List<Object[]> notes = new ArrayList<>();
        for (Decided d : chunk) {
            Listed l = d.listed();
            if (l != null) {
                listed.add(new Object[] {cycleDate, d.accountNumber(), l.reasons().get(0).name(),
                        l.reasons().get(0).ordinal(), l.otherReasons(), l.stage(), l.pastDueTotal(), l.maxDpd(),
                        l.openPastDueItems(), l.goodStanding(), l.paidLate365(), l.invoiced365(), l.inDispute()});
            }
            if (d.referralNotes() != null) {
                notes.add(new Object[] {cycleDate, d.accountNumber(), d.referralNotes()});
            }
        }
        if (!listed.isEmpty()) {
            bulk.insert(CALL_LIST, listed);
        }
        if (!notes.isEmpty()) {
            bulk.insert(REFERRAL_CALL_NOTES, notes);
        }
    }
}
