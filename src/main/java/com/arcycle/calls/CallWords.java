package com.arcycle.calls;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.arcycle.policy.CollectionPolicy;
import com.arcycle.reports.Formats;

/** What the call sheet says, in plain words for the caller. Plain Java. */
final class CallWords {

    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("MMMM d", Locale.US);

    /** A broken promise as the sheet names it. */
    record BrokenPromise(LocalDate promisedDate, BigDecimal amount, BigDecimal received) {
    }

    private final Formats f;

    CallWords(Formats formats) {
        this.f = formats;
    }

    /** Why to phone, in plain words. */
    String reason(CallReason reason, BrokenPromise promise, LocalDate customerSince, BigDecimal pastDueTotal,
            Integer maxDpd) {
        return switch (reason) {
            case PROMISE_BROKEN -> promise == null ? "A promise to pay was broken."
                    : "Promised " + f.money(promise.amount()) + " by " + DAY_MONTH.format(promise.promisedDate())
                            + (promise.received().signum() == 0 ? ", not received."
                                    : "; only " + f.money(promise.received()) + " received.");
            case FINAL_DEMAND -> "Final demand sent: the last step before collections.";
            case NEW_CUSTOMER -> "New customer (since " + f.date(customerSince) + ") with " + f.money(pastDueTotal)
                    + " past due.";
            case PAST_DUE -> f.money(pastDueTotal) + " past due"
                    + (maxDpd == null ? "." : ", the oldest " + maxDpd + " days.");
        };
    }

    /** Whether the customer usually pays on time (rule 4.1's facts). */
    String paysOnTime(boolean goodStanding, int paidLate365, LocalDate customerSince, LocalDate cycleDate) {
        if (goodStanding) {
            return "Usually pays on time: in good standing, no invoice paid late in the past year.";
        }
        if (paidLate365 > 0) {
            return "Does not usually pay on time: " + paidLate365 + (paidLate365 == 1 ? " invoice" : " invoices")
                    + " paid late in the past year.";
        }
        if (customerSince.isAfter(cycleDate.minusDays(CollectionPolicy.GOOD_STANDING_TENURE_DAYS))) {
            return "A customer since " + f.date(customerSince)
                    + ": too new to say; no invoice paid late in the past year.";
        }
        return "No invoice paid late in the past year.";
    }

    /** What it bought in the past year. */
    String pastYear(BigDecimal invoiced365, int invoices365) {
        if (invoices365 == 0) {
            return "Bought nothing in the past year.";
        }
        return "Bought " + f.money(invoiced365) + " in the past year (" + invoices365
                + (invoices365 == 1 ? " invoice)." : " invoices).");
    }

    /** One open past-due item: invoice (or fee), due date, balance, days past due. */
    String item(String itemId, boolean fee, LocalDate dueDate, BigDecimal balance, int dpd) {
        return String.format(Locale.US, CallBlock.ITEM_COLUMNS, (fee ? "Fee " : "") + itemId, f.shortDate(dueDate),
                f.money(balance), dpd + (dpd == 1 ? " day" : " days"));
    }

    /** One item in dispute. */
    String dispute(String invoice, BigDecimal balance, LocalDate opened, String reason) {
        return invoice + ", " + f.money(balance) + ", in dispute since " + f.date(opened)
                + (reason == null || reason.isBlank() ? "" : ": " + reason);
    }

    /** One earlier call note. */
    String note(LocalDate date, String text) {
        return f.shortDate(date) + "  " + text;
    }
}
