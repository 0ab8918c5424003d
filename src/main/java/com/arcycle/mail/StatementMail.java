package com.arcycle.mail;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.arcycle.dunning.Stage;

/**
 * One statement's email as the outbox holds it, with what its text says, all as the earlier steps
 * decided it: the stage and figures (dunning), whether the account was placed for collection
 * (collections), the balance (aging), the promise broken (dunning), the statement's file (statements).
 *
 * @param fileName the statement's file, relative to the cycle folder ({@code statements/A001.pdf})
 * @param brokenPromise the promise broken since the previous cycle, or null
 */
record StatementMail(LocalDate cycleDate, String accountNumber, String name, String recipient, String messageId,
        Channel channel, int attempts, String fileName, Stage stage, boolean referred, BigDecimal pastDueTotal,
        Integer maxDaysPastDue, BigDecimal balance, BrokenPromise brokenPromise) {

    /** A promise to pay that was not kept. */
    record BrokenPromise(LocalDate created, LocalDate promised, BigDecimal amount, BigDecimal received) {
    }
}
