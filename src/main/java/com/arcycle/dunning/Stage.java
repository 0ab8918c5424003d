package com.arcycle.dunning;

/** Dunning stages in escalating order. */
public enum Stage {
    NONE,
    REMINDER,
    PAST_DUE,
    FINAL_DEMAND,
    COLLECTIONS;

    /** One step up; COLLECTIONS stays COLLECTIONS. */
    public Stage next() {
        return this == COLLECTIONS ? COLLECTIONS : values()[ordinal() + 1];
    }

    public static Stage min(Stage a, Stage b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }

    public boolean isAtLeast(Stage other) {
        return ordinal() >= other.ordinal();
    }
}
