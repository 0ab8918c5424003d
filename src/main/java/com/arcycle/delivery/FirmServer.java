package com.arcycle.delivery;

import java.io.IOException;

import org.apache.sshd.sftp.client.SftpVersionSelector;
import org.apache.sshd.sftp.common.SftpConstants;
import org.springframework.core.io.FileSystemResource;
import org.springframework.integration.sftp.session.DefaultSftpSessionFactory;
import org.springframework.integration.sftp.session.SftpSession;
import org.springframework.stereotype.Component;

import com.arcycle.delivery.DeliveryProperties.Sftp;

/**
 * The AR firm's SFTP server, through Spring Integration's session factory (Apache MINA SSHD): key
 * login, the host key pinned by the known_hosts file ({@link PinnedHostKey}). A client is started
 * for each piece of work and stopped after it; arcycle talks to the firm a few times a month.
 */
@Component
class FirmServer {

    /** Work done in one SFTP session. */
    interface Work<T> {
        T run(SftpSession session) throws IOException;
    }

    private final DeliveryProperties settings;

    FirmServer(DeliveryProperties settings) {
        this.settings = settings;
    }

    boolean configured() {
        return settings.sftp().configured();
    }

    /** "sftp://user@host:port", to name the server in messages (no secret in it). */
    String describe() {
        Sftp sftp = settings.sftp();
        return "sftp://" + sftp.user() + "@" + sftp.host() + ":" + sftp.port();
    }

    <T> T open(Work<T> work) throws IOException {
        Sftp sftp = settings.sftp();
        sftp.check();
        PinnedHostKey pinned = new PinnedHostKey(sftp.knownHosts());
        DefaultSftpSessionFactory factory = new DefaultSftpSessionFactory(false);
        factory.setHost(sftp.host());
        factory.setPort(sftp.port());
        factory.setUser(sftp.user());
        factory.setPrivateKey(new FileSystemResource(sftp.privateKey()));
        if (sftp.privateKeyPassphrase() != null && !sftp.privateKeyPassphrase().isEmpty()) {
            factory.setPrivateKeyPassphrase(sftp.privateKeyPassphrase());
        }
        factory.setTimeout((int) sftp.timeout().toMillis());
        // Version 3, the one OpenSSH's server speaks: a rename onto an existing name removes it first.
        factory.setSftpVersionSelector(SftpVersionSelector.fixedVersionSelector(SftpConstants.SFTP_V3));
        // After the factory's own verifier is set: the pinned key, with a refusal that names the fingerprint.
        factory.setSshClientConfigurer(client -> client.setServerKeyVerifier(pinned));
        try {
            SftpSession session;
            try {
                session = factory.getSession();
            } catch (RuntimeException e) {
                if (pinned.refusal() != null) {
                    throw new IOException(pinned.refusal(), e);
                }
                throw new IOException("cannot connect to the AR firm's SFTP server " + describe() + ": "
                        + innermost(e), e);
            }
            try {
                return work.run(session);
            } finally {
                session.close();
            }
        } finally {
            factory.destroy();
        }
    }

    private static String innermost(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
