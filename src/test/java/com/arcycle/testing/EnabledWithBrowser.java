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
 * Runs a test class only when headless Chromium and its driver are installed ({@link Browser}).
 * Without them the class is skipped with a visible message, unless ARCYCLE_TEST_BROWSER_REQUIRED
 * is true (as in CI): then it fails, so the browser tests can never be skipped silently there.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(EnabledWithBrowser.Condition.class)
public @interface EnabledWithBrowser {

    String REQUIRED = "ARCYCLE_TEST_BROWSER_REQUIRED";

    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return Prerequisite.evaluate(context, Browser.missing(), "chromium at " + Browser.CHROMIUM, REQUIRED,
                    "the browser tests", "apt-get install chromium chromium-driver, or scripts/setup-system --browser");
        }
    }
}
