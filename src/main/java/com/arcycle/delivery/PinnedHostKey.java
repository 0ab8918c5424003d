package com.arcycle.delivery;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.springframework.core.io.FileSystemResource;
import org.springframework.integration.sftp.session.ResourceKnownHostsServerKeyVerifier;

/**
 * The server's host key must be the one the known_hosts file pins for it (Spring Integration's
 * {@link ResourceKnownHostsServerKeyVerifier} decides); an unknown or changed key is refused, and
 * {@link #refusal()} says which, naming the key's fingerprint, so the operator can check it with the
 * firm. The file is read again at each connection.
 */
final class PinnedHostKey implements ServerKeyVerifier {

    private final Path knownHosts;
    private volatile String refusal;

    PinnedHostKey(Path knownHosts) {
        this.knownHosts = knownHosts;
    }

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
        if (new ResourceKnownHostsServerKeyVerifier(new FileSystemResource(knownHosts))
                .verifyServerKey(session, remoteAddress, serverKey)) {
            return true;
        }
        String offered = KeyUtils.getFingerPrint(serverKey) + " (" + KeyUtils.getKeyType(serverKey) + ")";
        String server = remoteAddress instanceof InetSocketAddress inet
                ? inet.getHostString() + ":" + inet.getPort() : String.valueOf(remoteAddress);
        List<String> pinned = pinnedFor(session, remoteAddress);
        refusal = pinned.isEmpty()
                ? "the SFTP server " + server + " offered the host key " + offered + ", and the known_hosts file "
                        + knownHosts + " has no key for it: refused. Check the fingerprint with the AR firm, then"
                        + " add the server's line to that file"
                : "the SFTP server " + server + " offered the host key " + offered + ", not the one the known_hosts"
                        + " file " + knownHosts + " pins for it (" + String.join(", ", pinned) + "): refused. The"
                        + " key has changed, or another machine answers in its place; ask the AR firm before"
                        + " changing the file";
        return false;
    }

    /** Why the last connection was refused, or null. */
    String refusal() {
        return refusal;
    }

    private List<String> pinnedFor(ClientSession session, SocketAddress remoteAddress) {
        List<String> pinned = new ArrayList<>();
        try {
            for (KnownHostEntry entry : KnownHostEntry.readKnownHostEntries(knownHosts)) {
                if (matches(entry, remoteAddress) || matches(entry, session.getConnectAddress())) {
                    PublicKey key = entry.getKeyEntry().resolvePublicKey(null, PublicKeyEntryResolver.IGNORING);
                    pinned.add(key == null ? entry.getKeyEntry().getKeyType() : KeyUtils.getFingerPrint(key));
                }
            }
        } catch (IOException | java.security.GeneralSecurityException | RuntimeException e) {
            pinned.add("unreadable: " + e.getMessage());
        }
        return pinned;
    }

    private static boolean matches(KnownHostEntry entry, SocketAddress address) {
        return address instanceof InetSocketAddress inet && entry.isHostMatch(inet.getHostString(), inet.getPort());
    }
}
