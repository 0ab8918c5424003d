package com.arcycle.calls;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

import com.arcycle.dunning.Stage;

/**
 * What rule 8 needs to know of one account on the cycle date, as the earlier steps decided it.
 *
 * @param stage the dunning stage on C
 * @param referred referred to collections this cycle or earlier
 * @param writtenOff written off this cycle
 * @param promiseActive a promise to pay is active on C (rule 4.5)
 * @param promiseBroken a promise was broken on C (rule 4.6)
 * @param customerSince the customer's first day
 * @param pastDueTotal rule 3's past_due_total on C
 * @param goodStanding rule 4.1's good standing on C
 * @param invoiced365 the original amounts of its invoices issued in C-364 .. C
 */
record CallFacts(Stage stage, boolean referred, boolean writtenOff, boolean promiseActive, boolean promiseBroken,
        LocalDate customerSince, BigDecimal pastDueTotal, boolean goodStanding, BigDecimal invoiced365) {

    CallFacts {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(customerSince, "customerSince");
        Objects.requireNonNull(pastDueTotal, "pastDueTotal");
        Objects.requireNonNull(invoiced365, "invoiced365");
    }
}
