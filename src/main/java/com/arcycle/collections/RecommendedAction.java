package com.arcycle.collections;

/** What the AR firm is advised to do with a referred account. */
public enum RecommendedAction {
    /** Referred total up to the small-claims limit. */
    SMALL_CLAIMS,
    /** Above it: a collection agency. */
    AGENCY
}
