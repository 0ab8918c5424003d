package com.arcycle.calls;

import java.time.LocalDate;
import java.util.List;

import com.arcycle.reports.Letterhead;

/** The call sheet of one cycle: the business, the cycle date, one block per account in rank order. */
public record CallSheetDocument(Letterhead business, String currency, LocalDate cycleDate, List<CallBlock> blocks) {

    public CallSheetDocument {
        blocks = List.copyOf(blocks);
    }
}
