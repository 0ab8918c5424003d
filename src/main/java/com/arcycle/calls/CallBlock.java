package com.arcycle.calls;

import java.util.List;

/**
 * One account's block on the call sheet, in words ready to print (see {@link CallWords}).
 *
 * @param rank the account's rank on the call list
 * @param reasons the first reason in plain words, then the others
 * @param pastDueItems one line per open past-due item not in dispute: invoice, due date, balance, days past due
 * @param disputes one line per open item in dispute
 * @param notes the earlier call notes, oldest first
 */
public record CallBlock(int rank, String accountNumber, String name, String phone, String email, String stage,
        List<String> reasons, List<String> pastDueItems, String paysOnTime, String pastYear, List<String> disputes,
        List<String> notes) {

    /** The columns of {@link #pastDueItems} (a monospaced font lines them up). */
    static final String ITEM_COLUMNS = "%-30s %-10s %13s %10s";

    /** The heading of the past-due items' columns. */
    public static final String ITEM_HEADING = String.format(java.util.Locale.US, ITEM_COLUMNS, "Invoice", "Due",
            "Balance", "Past due");

    public CallBlock {
        reasons = List.copyOf(reasons);
        pastDueItems = List.copyOf(pastDueItems);
        disputes = List.copyOf(disputes);
        notes = List.copyOf(notes);
    }

    /** The reasons after the first, or empty. */
    public String otherReasons() {
        return reasons.size() < 2 ? "" : "Also: " + String.join("; ", reasons.subList(1, reasons.size()));
    }

    public String items() {
        return String.join("\n", pastDueItems);
    }

    public String disputeLines() {
        return disputes.isEmpty() ? "Nothing in dispute." : String.join("\n", disputes);
    }

    public String noteLines() {
        return String.join("\n", notes);
    }
}
