package com.arcycle.calls;

/** Rule 8's reasons to phone an account, in the rule's order (the first that holds is the row's reason). */
public enum CallReason {
    /** A promise to pay was broken on the cycle date (rule 4.6). */
    PROMISE_BROKEN,
    /** The account is at FINAL_DEMAND: the last chance before collections. */
    FINAL_DEMAND,
    /** A first-time customer with a large overdue bill. */
    NEW_CUSTOMER,
    /** At PAST_DUE with enough past due to be worth a call. */
    PAST_DUE
}
