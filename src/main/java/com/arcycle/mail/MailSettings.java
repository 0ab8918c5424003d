package com.arcycle.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How statements are emailed: {@code arcycle.mail.*} (the SMTP server itself is Spring Boot's
 * {@code spring.mail.*}; without {@code spring.mail.host} delivery is off and every statement goes
 * to paper).
 *
 * @param from the sender's address; empty: the business's ({@code arcycle.business.email})
 * @param fromName the sender's name; empty: the business's name
 * @param messageIdDomain the right-hand side of the Message-IDs; empty: the domain of {@code from}
 * @param templates a folder whose {@code statement-subject.txt}, {@code statement.txt} and
 *     {@code statement.html} replace the bundled ones (each file on its own); empty: the bundled
 * @param maxAttempts tries per message when the server answers 4xx, refuses the connection or
 *     times out; after the last the step fails (restartable)
 * @param retryBackoff the wait before the second try, doubled before each further one
 * @param maxBackoff the longest wait between tries
 * @param rate messages a second over all connections (0: as fast as the server takes them)
 * @param connections SMTP connections used at once, each sending one message after another
 */
@ConfigurationProperties("arcycle.mail")
public record MailSettings(
        @DefaultValue("") String from,
        @DefaultValue("") String fromName,
        @DefaultValue("") String messageIdDomain,
        @DefaultValue("") String templates,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("2s") Duration retryBackoff,
        @DefaultValue("1m") Duration maxBackoff,
        @DefaultValue("5") double rate,
        @DefaultValue("2") int connections) {

    public MailSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("arcycle.mail.max-attempts must be at least 1, not " + maxAttempts);
        }
        if (connections < 1) {
            throw new IllegalArgumentException("arcycle.mail.connections must be at least 1, not " + connections);
        }
        if (rate < 0) {
            throw new IllegalArgumentException("arcycle.mail.rate must be 0 (no limit) or more, not " + rate);
        }
    }

}
