package com.arcycle.policy;

/** When an account is charged late fees (rule 5). */
public enum LateFeeMode {
    /** Every eligible invoice is charged. */
    ALWAYS,
    /** Never charged. */
    NEVER,
    /** Charged only when the account paid late often enough in the past year. */
    HABITUAL
}
