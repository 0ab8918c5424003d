package com.arcycle.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * The AR firm's SFTP server for tests: Apache MINA SSHD with the SFTP subsystem on a loopback port,
 * serving a temporary folder as its root, letting in only the key it made for arcycle. It keeps
 * the renames it performed, in order, and can drop the connection in the middle of a file, as a
 * network or a killed process would.
 */
public final class FirmSftpServer implements AutoCloseable {

    private final SshServer server;
    private final Path root;
    private final Path work;
    private final KeyPair hostKey;
    private final List<String> renames = new ArrayList<>();
    /** (file being written, bytes written to it so far) -> drop the connection now. */
    private volatile BiPredicate<String, Long> drop = (file, bytes) -> false;
    /** Drop the connection right after renaming a file to a name that contains this. */
    private volatile String dropAfterRenaming;
    /** (file being written, bytes written to it so far) -> hold the write until released. */
    private volatile BiPredicate<String, Long> hold = (file, bytes) -> false;
    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    private FirmSftpServer(Path work) throws Exception {
        this.work = work;
        this.root = Files.createDirectories(work.resolve("sftp-root"));
        this.hostKey = ecKey();
        KeyPair client = ecKey();
        try (OutputStream out = Files.newOutputStream(work.resolve("arcycle_id_ecdsa"))) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(client, "arcycle", null, out);
        }
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPublickeyAuthenticator((user, key, session) -> user.equals("arcycle")
                && KeyUtils.compareKeys(key, client.getPublic()));
        server.setPasswordAuthenticator(null);
        server.setFileSystemFactory(new VirtualFileSystemFactory(root));
        SftpSubsystemFactory sftp = new SftpSubsystemFactory();
        sftp.addSftpEventListener(new SftpEventListener() {
            @Override
            public void written(ServerSession session, String remoteHandle, FileHandle localHandle, long offset,
                    byte[] data, int dataOffset, int dataLen, Throwable thrown) throws IOException {
                if (hold.test(localHandle.getFile().getFileName().toString(), offset + dataLen)) {
                    hold = (file, bytes) -> false;
                    holding.countDown();
                    try {
                        released.await(5, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (drop.test(localHandle.getFile().getFileName().toString(), offset + dataLen)) {
                    drop = (file, bytes) -> false;
                    session.close(true);
                    throw new IOException("the connection dropped");
                }
            }

            @Override
            public void moved(ServerSession session, Path srcPath, Path dstPath, Collection<java.nio.file.CopyOption> opts,
                    Throwable thrown) {
                if (thrown == null) {
                    synchronized (renames) {
                        // A path of the server's virtual file system, from its root: /incoming/...
                        renames.add(dstPath.toString().replaceFirst("^/+", ""));
                    }
                    String name = dropAfterRenaming;
                    if (name != null && dstPath.getFileName().toString().contains(name)) {
                        dropAfterRenaming = null;
                        session.close(true);
                    }
                }
            }
        });
        server.setSubsystemFactories(List.of(sftp));
        server.start();
        writeKnownHosts(hostKey.getPublic());
    }

    public static FirmSftpServer start(Path work) {
        try {
            return new FirmSftpServer(Files.createDirectories(work));
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test SFTP server", e);
        }
    }

    static KeyPair ecKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    /** The folder the server serves as its root. */
    public Path root() {
        return root;
    }

    public int port() {
        return server.getPort();
    }

    public Path knownHosts() {
        return work.resolve("known_hosts");
    }

    /** The host key's fingerprint, as ssh-keygen -l shows it (SHA256:...). */
    public String hostKeyFingerprint() {
        return KeyUtils.getFingerPrint(hostKey.getPublic());
    }

    /** The server's own host key. */
    public PublicKey hostKey() {
        return hostKey.getPublic();
    }

    /** A key that is not the server's: pinned, it stands for a changed host key. */
    public static PublicKey anotherKey() {
        try {
            return ecKey().getPublic();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Pins {@code key} for this server in the known_hosts file (another key: a changed host key). */
    public void writeKnownHosts(PublicKey key) throws IOException {
        Files.writeString(knownHosts(), "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(key) + "\n");
    }

    /** The settings that point arcycle at this server. */
    public Map<String, Object> settings() {
        return Map.of("arcycle.delivery.sftp.host", "127.0.0.1", "arcycle.delivery.sftp.port", port(),
                "arcycle.delivery.sftp.user", "arcycle",
                "arcycle.delivery.sftp.private-key", work.resolve("arcycle_id_ecdsa").toString(),
                "arcycle.delivery.sftp.known-hosts", knownHosts().toString(),
                "arcycle.delivery.sftp.remote-folder", "incoming", "arcycle.delivery.sftp.outbox-folder", "outbox");
    }

    /** The paths files were renamed to, relative to the root, in the order the renames happened. */
    public List<String> renames() {
        synchronized (renames) {
            return List.copyOf(renames);
        }
    }

    /** Drops the connection once a file whose name contains {@code name} has {@code bytes} or more written. */
    public void dropConnectionWhileWriting(String name, long bytes) {
        drop = (file, written) -> file.contains(name) && written >= bytes;
    }

    /**
     * Holds the upload (the client waits for the server's answer) once a file whose name contains
     * {@code name} has {@code bytes} or more written, until {@link #release()}: the moment to kill
     * the client's process in the middle of a file.
     */
    public void holdWhileWriting(String name, long bytes) {
        hold = (file, written) -> file.contains(name) && written >= bytes;
    }

    /** Waits until a held upload is held; false after the time-out. */
    public boolean awaitHolding(long timeout, TimeUnit unit) throws InterruptedException {
        return holding.await(timeout, unit);
    }

    /** Lets a held upload go on. */
    public void release() {
        released.countDown();
    }

    /** Drops the connection once a file has been renamed to a name that contains {@code name}. */
    public void dropConnectionAfterRenaming(String name) {
        dropAfterRenaming = name;
    }

    @Override
    public void close() throws IOException {
        release();
        server.stop(true);
    }
}
