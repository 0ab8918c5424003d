package com.arcycle.users;

/** What a console user may do: VIEWER reads every page; OPERATOR also restarts, runs and imports. */
public enum Role {
    VIEWER, OPERATOR
}
