package com.arcycle.mail;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Sends a cycle's statements from the outbox, exactly once: each row is planned before anything is
 * sent, and each message is recorded SENT the moment the server took it (250), in a commit of its
 * own. So a restart sends only what is still PENDING; the one unavoidable duplicate is a message the
 * server took just before the process died, before the record: at most one per connection, and it
 * carries the same Message-ID as the first.
 *
 * <p>{@code connections} workers each keep one SMTP connection and send one message after another,
 * all together at most {@code rate} a second. A 5xx refusal marks the account FAILED (its statement
 * goes to paper); a 4xx, a refused connection or a time-out is tried again after a back-off, up to
 * {@code max-attempts} tries in a run, after which sending stops and the caller fails.
 */
final class Outbox {

    /** What a sending did. {@code stopped}: why sending stopped before the end (the caller fails), or null. */
    record Outcome(int sent, int failed, String stopped) {
    }

    private final JavaMailSenderImpl server;
    private final MailSettings settings;
    private final MailMessages messages;
    private final OutboxQueries queries;
    private final OutboxWrites writes;

    Outbox(JavaMailSenderImpl server, MailSettings settings, MailMessages messages, OutboxQueries queries,
            OutboxWrites writes) {
        this.server = server;
        this.settings = settings;
        this.messages = messages;
        this.queries = queries;
        this.writes = writes;
    }

    /**
     * Plans every statement of the cycle that has no outbox row yet: its channel, its recipient, its
     * Message-ID. Returns how many were planned now.
     */
    int plan(LocalDate cycleDate) {
        String domain = settings.messageIdDomain().isBlank() ? MessageIds.domainOf(messages.from().getAddress())
                : settings.messageIdDomain();
        int planned = 0;
        String after = "";
        List<OutboxQueries.Unplanned> page;
        do {
            page = queries.unplanned(cycleDate, after);
            List<OutboxWrites.Planned> rows = new ArrayList<>(page.size());
            for (OutboxQueries.Unplanned u : page) {
                DeliveryChoice choice;
                try {
                    choice = DeliveryChoice.of(u.email(), u.statementDelivery());
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("customer " + u.accountNumber() + ": statement_delivery "
                            + u.statementDelivery() + " is not EMAIL, POST or BOTH");
                }
                String recipient = u.email() == null || u.email().isBlank() ? null : u.email().strip();
                rows.add(new OutboxWrites.Planned(u.accountNumber(), choice, recipient,
                        MessageIds.of(cycleDate, u.accountNumber(), 0, domain)));
                after = u.accountNumber();
            }
            writes.plan(cycleDate, rows);
            planned += rows.size();
        } while (page.size() == OutboxQueries.PAGE);
        return planned;
    }

    /** Makes one account's sent (or failed) statement pending again, under a new Message-ID. */
    void again(LocalDate cycleDate, OutboxQueries.Entry entry) {
        String domain = MessageIds.domainOf(entry.messageId());
        writes.resend(cycleDate, entry.accountNumber(), entry.resends() + 1,
                MessageIds.of(cycleDate, entry.accountNumber(), entry.resends() + 1, domain));
    }

    /**
     * Sends the cycle's PENDING messages (one account's only when {@code account} is set), the
     * statements taken from {@code cycleFolder}; {@code report} gets a line for each refusal.
     */
    Outcome send(LocalDate cycleDate, Path cycleFolder, String account, Consumer<String> report)
            throws InterruptedException {
        BlockingQueue<StatementMail> queue = new ArrayBlockingQueue<>(settings.connections() * 4);
        AtomicReference<String> stopped = new AtomicReference<>();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Throttle throttle = new Throttle(settings.rate());
        ExecutorService workers = Executors.newFixedThreadPool(settings.connections(), task -> {
            Thread thread = new Thread(task, "statement-mail");
            thread.setDaemon(true);
            return thread;
        });
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < settings.connections(); i++) {
            running.add(workers.submit(() -> work(queue, stopped, throttle, cycleFolder, sent, failed, report)));
        }
        try {
            String after = "";
            List<StatementMail> page;
            feed:
            do {
                page = queries.pending(cycleDate, after, account);
                for (StatementMail mail : page) {
                    while (!queue.offer(mail, 100, TimeUnit.MILLISECONDS)) {
                        if (stopped.get() != null) {
                            break feed;
                        }
                    }
                    after = mail.accountNumber();
                }
            } while (page.size() == OutboxQueries.PAGE && stopped.get() == null);
            for (int i = 0; i < settings.connections(); i++) {
                while (!queue.offer(END, 100, TimeUnit.MILLISECONDS)) {
                    if (stopped.get() != null) {
                        queue.clear();
                    }
                }
            }
            for (Future<?> worker : running) {
                try {
                    worker.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    stopped.compareAndSet(null, String.valueOf(e.getCause()));
                }
            }
        } finally {
            workers.shutdownNow();
            workers.awaitTermination(1, TimeUnit.MINUTES);
        }
        return new Outcome(sent.get(), failed.get(), stopped.get());
    }

    /** Tells a worker there is nothing more. */
    private static final StatementMail END = new StatementMail(null, null, null, null, null, null, 0, null, null,
            false, null, null, null, null);

    private void work(BlockingQueue<StatementMail> queue, AtomicReference<String> stopped, Throttle throttle,
            Path cycleFolder, AtomicInteger sent, AtomicInteger failed, Consumer<String> report) {
        Transport transport = null;
        try {
            while (true) {
                StatementMail mail = queue.take();
                if (mail == END || stopped.get() != null) {
                    return;
                }
                MimeMessage message = messages.message(server.getSession(), mail, cycleFolder);
                BackOffExecution backOff = backOff().start();
                int attempt = mail.attempts();
                for (int tries = 1; ; tries++) {
                    throttle.acquire();
                    attempt++;
                    try {
                        if (transport == null || !transport.isConnected()) {
                            transport = connect();
                        }
                        transport.sendMessage(message, message.getAllRecipients());
                        writes.tried(mail.cycleDate(), mail.accountNumber(), OutboxStatus.SENT, attempt,
                                transport instanceof SMTPTransport smtp ? smtp.getLastServerResponse() : "sent");
                        sent.incrementAndGet();
                        break;
                    } catch (MessagingException e) {
                        SmtpReply reply = SmtpReply.of(e);
                        if (reply.kind() == SmtpReply.Kind.PERMANENT) {
                            writes.tried(mail.cycleDate(), mail.accountNumber(), OutboxStatus.FAILED, attempt,
                                    reply.reply());
                            failed.incrementAndGet();
                            report.accept("Statement of " + mail.accountNumber() + " refused for good by the mail"
                                    + " server (" + reply.reply() + "): it goes to paper");
                            break;
                        }
                        writes.tried(mail.cycleDate(), mail.accountNumber(), OutboxStatus.PENDING, attempt,
                                reply.reply());
                        transport = close(transport);
                        long wait = backOff.nextBackOff();
                        if (reply.kind() == SmtpReply.Kind.SETTINGS || tries >= settings.maxAttempts()
                                || wait == BackOffExecution.STOP) {
                            stopped.compareAndSet(null, reply.kind() == SmtpReply.Kind.SETTINGS ? reply.reply()
                                    : "the mail server did not take the statement of " + mail.accountNumber()
                                            + " after " + tries + " tries: " + reply.reply());
                            return;
                        }
                        Thread.sleep(wait);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped.compareAndSet(null, "interrupted");
        } catch (MessagingException e) {
            stopped.compareAndSet(null, "cannot make a statement's email: " + e.getMessage());
        } catch (RuntimeException e) {
            // e.g. the database went away: what is not recorded SENT is sent by the restart
            stopped.compareAndSet(null, e.getMessage());
        } finally {
            close(transport);
        }
    }

    private ExponentialBackOff backOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(settings.retryBackoff().toMillis(), 2.0);
        backOff.setMaxInterval(settings.maxBackoff().toMillis());
        return backOff;
    }

    private Transport connect() throws MessagingException {
        Transport transport = server.getSession().getTransport(server.getProtocol());
        transport.connect(server.getHost(), server.getPort(), server.getUsername(), server.getPassword());
        return transport;
    }

    private static Transport close(Transport transport) {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                // the connection is gone either way; the next try opens a new one
            }
        }
        return null;
    }

    /** At most {@code rate} tries a second over all workers: each takes the next free slot. */
    static final class Throttle {

        private final long intervalNanos;
        private long next = System.nanoTime();

        Throttle(double rate) {
            this.intervalNanos = rate <= 0 ? 0 : (long) (1_000_000_000L / rate);
        }

        void acquire() throws InterruptedException {
            if (intervalNanos == 0) {
                return;
            }
            long slot;
            synchronized (this) {
                slot = Math.max(next, System.nanoTime());
                next = slot + intervalNanos;
            }
            long wait = slot - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
    }
}
