package com.arcycle.calls;

/** A cycle's call list as stored by the call-list step, for the files that print it. */
public final class CallList {

    /**
     * A cycle's call list (takes :cycleDate) in rule 8's order, numbered from 1 in {@code call_rank}:
     * {@code CallListRules.RANK_ORDER} in SQL (account numbers compare by their bytes under the
     * tables' binary collation), with the customer's name, phone and email.
     */
    public static final String RANKED = """
            SELECT ROW_NUMBER() OVER (ORDER BY cl.reason_order, cl.past_due_total DESC, cl.account_number)
                     AS call_rank,
                   cl.account_number, cl.reason, cl.other_reasons, cl.stage, cl.past_due_total, cl.max_dpd,
                   cl.open_past_due_items, cl.good_standing, cl.paid_late_365, cl.invoiced_365, cl.in_dispute,
                   c.name, c.phone, c.email
            FROM call_list cl JOIN customer c ON c.account_number = cl.account_number
            WHERE cl.cycle_date = :cycleDate
            ORDER BY cl.reason_order, cl.past_due_total DESC, cl.account_number
            """;

    /** The call sheet's name in the cycle folder. */
    public static final String SHEET = "call-sheet.pdf";

    private CallList() {
    }
}
