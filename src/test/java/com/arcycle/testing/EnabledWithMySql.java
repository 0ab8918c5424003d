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
 * Runs a test class (or method) only when a MySQL/MariaDB server is configured (ARCYCLE_TEST_MYSQL_URL).
 * Without it the class is skipped with a visible message, unless ARCYCLE_TEST_MYSQL_REQUIRED is
 * true (as in CI): then it fails, so the MySQL tests can never be skipped silently there.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(EnabledWithMySql.Condition.class)
public @interface EnabledWithMySql {

    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (TestDatabase.mySqlConfigured()) {
                return ConditionEvaluationResult.enabled("MySQL at " + System.getenv(TestDatabase.MYSQL_URL));
            }
            if (Boolean.parseBoolean(System.getenv(TestDatabase.MYSQL_REQUIRED))) {
                throw new IllegalStateException(TestDatabase.MYSQL_REQUIRED + " is true but "
                        + TestDatabase.MYSQL_URL + " is not set: the MySQL tests must run here");
            }
            String message = "MySQL tests skipped: set " + TestDatabase.MYSQL_URL
                    + " (e.g. jdbc:mysql://127.0.0.1:3306/) to run them";
            System.err.println("[arcycle] " + context.getDisplayName() + ": " + message);
            return ConditionEvaluationResult.disabled(message);
        }
    }
}
