package com.arcycle.mail;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Consumer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.arcycle.policy.CollectionPolicy;
import com.arcycle.reports.BusinessProperties;

/**
 * Statements by email, for the cycle's step and the {@code send-statements} command: on when
 * Spring Boot has a mail server ({@code spring.mail.host}), off otherwise (every statement then
 * goes to paper).
 */
@Component
public class StatementEmails {

    /** What a delivery did; {@code stopped}: why it stopped before the end (restartable), or null. */
    public record Result(int planned, int sent, int failed, String stopped) {
    }

    private final JavaMailSenderImpl server;
    private final MailSettings settings;
    private final BusinessProperties business;
    private final CollectionPolicy policy;
    private final Clock clock;
    private final OutboxQueries queries;
    private final OutboxWrites writes;
    private final TransactionTemplate outsideTransaction;
    private Outbox outbox;

    StatementEmails(ObjectProvider<JavaMailSenderImpl> server, MailSettings settings, BusinessProperties business,
            CollectionPolicy policy, Clock clock, OutboxQueries queries, OutboxWrites writes,
            PlatformTransactionManager transactionManager) {
        this.server = server.getIfAvailable();
        this.settings = settings;
        this.business = business;
        this.policy = policy;
        this.clock = clock;
        this.queries = queries;
        this.writes = writes;
        // Outside the step's transaction: each record commits on its own, the moment it is true
        // (and under MySQL's REPEATABLE READ a transaction would not see its own earlier commits).
        this.outsideTransaction = new TransactionTemplate(transactionManager);
        this.outsideTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    /** Whether a mail server is configured ({@code spring.mail.host}). */
    public boolean enabled() {
        return server != null && server.getHost() != null && !server.getHost().isBlank();
    }

    /** The mail server as the console shows it (no credentials). */
    public String describeServer() {
        return server == null ? "none" : server.getHost() + ":" + (server.getPort() < 0 ? "default port"
                : server.getPort());
    }

    /**
     * Plans the cycle's statements that have no outbox row and sends what is pending; only
     * {@code account}'s when set, and with {@code again} that account's statement once more even
     * when it was sent.
     *
     * @throws IllegalArgumentException when {@code again} names an account with no statement in the cycle
     */
    public Result deliver(LocalDate cycleDate, Path cycleFolder, String account, boolean again,
            Consumer<String> report) {
        if (!enabled()) {
            throw new IllegalStateException("email delivery is off: spring.mail.host is not set");
        }
        return outsideTransaction.execute(status -> {
            Outbox sender = outbox();
            int planned = sender.plan(cycleDate);
            if (again) {
                OutboxQueries.Entry entry = queries.entry(cycleDate, account).orElseThrow(
                        () -> new IllegalArgumentException("account " + account + " has no statement in the cycle of "
                                + cycleDate));
                if (entry.recipient() == null || entry.channel() == Channel.POST) {
                    throw new IllegalArgumentException("account " + account + " gets its statement by post ("
                            + entry.status() + "); set its email address or statement_delivery first");
                }
                sender.again(cycleDate, entry);
            }
            try {
                Outbox.Outcome outcome = sender.send(cycleDate, cycleFolder, account, report);
                return new Result(planned, outcome.sent(), outcome.failed(), outcome.stopped());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(planned, 0, 0, "interrupted");
            }
        });
    }

    private synchronized Outbox outbox() {
        if (outbox == null) {
            MailMessages messages = new MailMessages(settings, business, policy.currency(), clock);
            outbox = new Outbox(server, settings, messages, queries, writes);
        }
        return outbox;
    }
}
