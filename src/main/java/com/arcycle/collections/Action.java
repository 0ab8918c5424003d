package com.arcycle.collections;

/** What the cycle did with an account, as the dunning file reports it. */
public enum Action {
    /** Sent a statement (stage REMINDER or higher). */
    STATEMENT,
    /** Referred to collections this cycle; it gets the placed-for-collection notice. */
    REFERRED,
    /** Its small balance was written off this cycle. */
    WRITTEN_OFF,
    /** Nothing sent. */
    NONE
}
