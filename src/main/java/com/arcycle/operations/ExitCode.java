package com.arcycle.operations;

/** The launcher's exit codes (files-and-commands.md). */
final class ExitCode {

    /** Success. */
    static final int OK = 0;
    /** The run failed; it can be restarted. */
    static final int FAILED = 1;
    /** Bad arguments or a refused cycle date; nothing was done. */
    static final int REFUSED = 2;
    /** Completed, but some input records were rejected, or some statements could not be delivered. */
    static final int REJECTS = 3;

    private ExitCode() {
    }
}
