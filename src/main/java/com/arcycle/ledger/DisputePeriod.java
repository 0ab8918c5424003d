package com.arcycle.ledger;

import java.time.LocalDate;

/** A dispute of an invoice; {@code resolved} is null while it is open. */
public record DisputePeriod(LocalDate opened, LocalDate resolved) {

    /** In dispute on D when opened_date <= D and (no resolved_date or resolved_date > D). */
    public boolean covers(LocalDate date) {
        return !opened.isAfter(date) && (resolved == null || resolved.isAfter(date));
    }
}
