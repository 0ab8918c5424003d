package com.arcycle.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when Debian's prometheus-pushgateway is installed ({@link Pushgateway}).
 * Without it the class is skipped with a visible message, unless ARCYCLE_TEST_PUSHGATEWAY_REQUIRED
 * is true (as in CI): then it fails, so the test can never be skipped silently there.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(EnabledWithPushgateway.Condition.class)
public @interface EnabledWithPushgateway {

    String REQUIRED = "ARCYCLE_TEST_PUSHGATEWAY_REQUIRED";

    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return Prerequisite.evaluate(context, Pushgateway.missing(), "pushgateway at " + Pushgateway.BINARY,
                    REQUIRED, "the Pushgateway test", "apt-get install prometheus-pushgateway");
        }
    }
}
