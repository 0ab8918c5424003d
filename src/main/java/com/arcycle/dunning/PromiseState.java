package com.arcycle.dunning;

/** What the dunning file says of an account's promises to pay on the cycle date. */
public enum PromiseState {
    /** A promise stands: the stage is held and no fee is charged. */
    ACTIVE,
    /** A promise fell due since the previous cycle without being paid; reported only. */
    BROKEN,
    /** Neither. */
    NONE;

    /** The dunning file's value: ACTIVE, BROKEN or empty. */
    public String fileValue() {
        return this == NONE ? "" : name();
    }
}
