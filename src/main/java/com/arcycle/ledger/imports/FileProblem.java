package com.arcycle.ledger.imports;

import java.io.IOException;

/**
 * A problem with a ledger file as a whole (its encoding, its CSV syntax, its header): none of
 * its rows can be trusted, so the import refuses to load anything. Names the line, the reason
 * and what to do about it.
 */
final class FileProblem extends IOException {

    private final long line;
    private final String todo;

    FileProblem(long line, String reason, String todo) {
        super(reason, null);
        this.line = line;
        this.todo = todo;
    }

    long line() {
        return line;
    }

    String todo() {
        return todo;
    }
}
