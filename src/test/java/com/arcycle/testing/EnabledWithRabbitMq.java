package com.arcycle.testing;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when a RabbitMQ broker answers on 127.0.0.1:5672 (or
 * ARCYCLE_TEST_RABBITMQ_HOST / _PORT). Without one the class is skipped with a visible message,
 * unless ARCYCLE_TEST_RABBITMQ_REQUIRED is true (as in CI): then it fails, so the scale-out tests
 * can never be skipped silently there.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(EnabledWithRabbitMq.Condition.class)
public @interface EnabledWithRabbitMq {

    final class Condition implements ExecutionCondition {

        static final String HOST = "ARCYCLE_TEST_RABBITMQ_HOST";
        static final String PORT = "ARCYCLE_TEST_RABBITMQ_PORT";
        static final String REQUIRED = "ARCYCLE_TEST_RABBITMQ_REQUIRED";

        public static String host() {
            String host = System.getenv(HOST);
            return host == null || host.isBlank() ? "127.0.0.1" : host;
        }

        public static int port() {
            String port = System.getenv(PORT);
            return port == null || port.isBlank() ? 5672 : Integer.parseInt(port);
        }

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host(), port()), 2000);
                return ConditionEvaluationResult.enabled("RabbitMQ at " + host() + ":" + port());
            } catch (IOException e) {
                if (Boolean.parseBoolean(System.getenv(REQUIRED))) {
                    throw new IllegalStateException(REQUIRED + " is true but no RabbitMQ answers at " + host() + ":"
                            + port() + ": the scale-out tests must run here");
                }
                String message = "RabbitMQ tests skipped: no broker at " + host() + ":" + port()
                        + " (start one: rabbitmq-server -detached; rabbitmqctl await_startup)";
                System.err.println("[arcycle] " + context.getDisplayName() + ": " + message);
                return ConditionEvaluationResult.disabled(message);
            }
        }
    }
}
