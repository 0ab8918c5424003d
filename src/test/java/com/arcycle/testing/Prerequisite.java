package com.arcycle.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A program some tests need: present, they run; missing, they are skipped with a visible message,
 * unless the named environment variable is true (as in CI), when they fail instead.
 */
final class Prerequisite {

    private Prerequisite() {
    }

    /**
     * @param missing why the program cannot run here, or null when it can
     * @param tests the tests it is for, as the messages name them ("the browser tests")
     * @param install the command that installs it
     */
    static ConditionEvaluationResult evaluate(ExtensionContext context, String missing, String present,
            String requiredVariable, String tests, String install) {
        if (missing == null) {
            return ConditionEvaluationResult.enabled(present);
        }
        if (Boolean.parseBoolean(System.getenv(requiredVariable))) {
            throw new IllegalStateException(requiredVariable + " is true but " + missing + ": " + tests
                    + " must run here (" + install + ")");
        }
        String message = tests + " skipped: " + missing + " (" + install + ")";
        System.err.println("[arcycle] " + context.getDisplayName() + ": " + message);
        return ConditionEvaluationResult.disabled(message);
    }
}
