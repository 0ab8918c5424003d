package com.arcycle.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server for tests and the benchmark: GreenMail on 127.0.0.1 at a fixed port (so it can
 * be stopped and started again where the application expects it), with two policies a real
 * server has: refusing a recipient for good ({@link #refuse}, e.g. 550 for an unknown mailbox) and
 * going away in the middle of a run ({@link #stopAfter}). What it took (said 250 to) is kept across
 * stops and starts ({@link #received}).
 */
public final class MailServer implements AutoCloseable {

    private final int port;
    private final Map<String, String> refusals = new ConcurrentHashMap<>();
    private final List<MimeMessage> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger senders = new AtomicInteger();
    private final AtomicInteger taken = new AtomicInteger();
    private final boolean keep;
    private volatile int stopAfter = Integer.MAX_VALUE;
    private volatile GreenMail server;

    public MailServer() {
        this(true);
    }

    /** @param keep whether to keep what it takes ({@link #received}); false (the benchmark) only counts it */
    public MailServer(boolean keep) {
        this.port = freePort();
        this.keep = keep;
    }

    /** How many messages it took, over all starts. */
    public int taken() {
        return taken.get();
    }

    public int port() {
        return port;
    }

    public synchronized MailServer start() {
        if (server == null) {
            senders.set(0);
            stopAfter = Integer.MAX_VALUE;
            server = new PolicyGreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            server.start();
        }
        return this;
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Answers RCPT TO for {@code address} with {@code reply} (e.g. {@code 550 5.1.1 no such mailbox}). */
    public void refuse(String address, String reply) {
        refusals.put(address.toLowerCase(java.util.Locale.ROOT), reply);
    }

    /** Takes {@code messages} more messages, then answers 421 and shuts down. */
    public void stopAfter(int messages) {
        senders.set(0);
        stopAfter = messages;
    }

    /** Every message taken, in the order taken, over all starts. */
    public List<MimeMessage> received() {
        return new ArrayList<>(received);
    }

    public void clear() {
        received.clear();
        taken.set(0);
        refusals.clear();
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private final class PolicyGreenMail extends GreenMail {

        PolicyGreenMail(ServerSetup setup) {
            super(setup);
        }

        @Override
        protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
            return super.createServices(config, new PolicyManagers(managers));
        }
    }

    private final class PolicyManagers extends Managers {

        private final Managers managers;
        private final SmtpManager smtp;

        PolicyManagers(Managers managers) {
            this.managers = managers;
            this.smtp = new PolicySmtpManager(managers.getImapHostManager(), managers.getUserManager());
        }

        @Override
        public SmtpManager getSmtpManager() {
            return smtp;
        }

        @Override
        public UserManager getUserManager() {
            return managers.getUserManager();
        }

        @Override
        public ImapHostManager getImapHostManager() {
            return managers.getImapHostManager();
        }
    }

    private final class PolicySmtpManager extends SmtpManager {

        PolicySmtpManager(ImapHostManager imap, UserManager users) {
            super(imap, users);
        }

        @Override
        public String checkSender(SmtpState state, MailAddress sender) {
            if (senders.incrementAndGet() > stopAfter) {
                GreenMail running = server;
                Thread stopper = new Thread(() -> {
                    synchronized (MailServer.this) {
                        if (server == running && running != null) {
                            running.stop();
                            server = null;
                        }
                    }
                }, "mail-server-stop");
                stopper.start();
                return "421 4.3.2 Service shutting down";
            }
            return super.checkSender(state, sender);
        }

        @Override
        public String checkRecipient(SmtpState state, MailAddress recipient) {
            String refusal = refusals.get(recipient.getEmail().toLowerCase(java.util.Locale.ROOT));
            return refusal != null ? refusal : super.checkRecipient(state, recipient);
        }

        /**
         * Takes the message (the server answers 250 next) without filing it into GreenMail's
         * mailboxes: those are made per recipient on the fly, and two made at once can clash.
         */
        @Override
        public void send(SmtpState state) {
            taken.incrementAndGet();
            if (keep) {
                received.add(state.getMessage().getMessage());
            }
        }
    }
}
