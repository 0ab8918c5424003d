package com.arcycle.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.sshd.sftp.client.SftpClient;
import org.springframework.integration.sftp.session.SftpSession;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.arcycle.delivery.DeliveryQueries.Attempt;
import com.arcycle.delivery.DeliveryQueries.DeliveredFile;
import com.arcycle.delivery.DeliveryWrites.PreparedFile;
import com.arcycle.platform.PrivateFiles;

import tools.jackson.databind.JsonNode;

/**
 * Delivers a cycle's files to the AR firm, exactly once: into {@code <remote folder>/<cycle-date>/},
 * each under a temporary name renamed when complete, manifest.json last.
 *
 * <p>A delivery is first prepared: each file is checked against the cycle's manifest, encrypted
 * and signed when a firm certificate is set, and kept with the delivery manifest in a staging
 * folder beside the cycle's ({@code OUT/.delivery/<cycle-date>-<attempt>/}); the files' SHA-256 and
 * sizes are recorded in one transaction. Then each file not yet on record as delivered is uploaded:
 * one already on the server under its final name with the recorded SHA-256 is taken as delivered (a
 * crash came after its rename), a partial upload under the temporary name is replaced, and each
 * delivery is recorded as it completes. So a delivery that failed anywhere resumes where it
 * stopped and nothing appears twice under its final name. {@code again} is a deliberate new
 * delivery, recorded as its own attempt.
 */
@Component
public class CycleDelivery {

    /** What a call did. {@code uploaded} files sent now, {@code found} complete on the server already. */
    public record Outcome(LocalDate cycleDate, int attempt, boolean again, boolean alreadyDelivered, int uploaded,
            int found, int files, String remoteFolder, boolean encrypted) {
    }

    private static final String STAGING = ".delivery";

    private final DeliveryProperties settings;
    private final FirmServer server;
    private final DeliveryQueries queries;
    private final DeliveryWrites writes;

    private final TransactionTemplate outsideTransaction;

    CycleDelivery(DeliveryProperties settings, FirmServer server, DeliveryQueries queries, DeliveryWrites writes,
            PlatformTransactionManager transactionManager) {
        this.settings = settings;
        this.server = server;
        this.queries = queries;
        this.writes = writes;
        this.outsideTransaction = new TransactionTemplate(transactionManager);
        this.outsideTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    /** Whether the settings name a server (the cycle's last step delivers only then). */
    public boolean configured() {
        return server.configured();
    }

    /**
     * Delivers (or completes the delivery of) the cycle's files from its folder; {@code report}
     * gets one line per file.
     */
    public Outcome deliver(LocalDate cycleDate, Path cycleFolder, boolean again, Consumer<String> report)
            throws IOException {
        // Outside the caller's transaction (the cycle step's): each read must see what the writes
        // committed (under MySQL's REPEATABLE READ a transaction keeps its first snapshot).
        try {
            return outsideTransaction.execute(status -> {
                try {
                    return deliverNow(cycleDate, cycleFolder, again, report);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private Outcome deliverNow(LocalDate cycleDate, Path cycleFolder, boolean again, Consumer<String> report)
            throws IOException {
        settings.sftp().check();
        Attempt latest = queries.latest(cycleDate).orElse(null);
        if (latest != null && latest.delivered() && !again) {
            return new Outcome(cycleDate, latest.attempt(), latest.again(), true, 0, 0,
                    queries.files(cycleDate, latest.attempt()).size(), latest.remoteFolder(), latest.encrypted());
        }
        Attempt attempt = latest;
        if (latest == null || again) {
            if (latest != null && !latest.delivered()) {
                writes.abandoned(cycleDate, latest.attempt());
                report.accept("The unfinished delivery #" + latest.attempt() + " is abandoned for a new one.");
            }
            attempt = prepare(cycleDate, cycleFolder, latest == null ? 1 : latest.attempt() + 1, latest != null,
                    report);
        }
        return upload(attempt, staging(cycleFolder, attempt), report);
    }

    private static Path staging(Path cycleFolder, Attempt attempt) {
        return cycleFolder.toAbsolutePath().getParent().resolve(STAGING)
                .resolve(attempt.cycleDate() + "-" + attempt.attempt());
    }

    private Attempt prepare(LocalDate cycleDate, Path cycleFolder, int number, boolean again, Consumer<String> report)
            throws IOException {
        DeliveryManifest manifest = DeliveryManifest.of(cycleFolder);
        OpenPgp pgp = OpenPgp.of(settings.pgp());
        String remoteFolder = remoteFolder(cycleDate);
        Attempt attempt = new Attempt(cycleDate, number, again, pgp != null, remoteFolder, DeliveryWrites.PREPARED,
                null, null);
        Path staging = staging(cycleFolder, attempt);
        deleteTree(staging); // what a preparation that died before it was recorded left
        PrivateFiles.createDirectories(staging);
        List<PreparedFile> prepared = new ArrayList<>();
        for (String name : settings.files()) {
            JsonNode entry = manifest.entry(name).orElseThrow(() -> new IllegalArgumentException(
                    "setting arcycle.delivery.files names " + name + ", which is not a file of the cycle of "
                            + cycleDate + " (its manifest.json does not list it)"));
            Path source = cycleFolder.resolve(name);
            String sourceSha = Files.isRegularFile(source) ? Sha256.of(source) : "";
            if (!sourceSha.equals(entry.path("sha256").asString())) {
                throw new IllegalStateException(name + " in " + cycleFolder + " is missing or not the file the cycle"
                        + " wrote (its SHA-256 is not the manifest's): check the folder with scripts/arcycle verify "
                        + cycleFolder);
            }
            String sent = pgp == null ? name : name + OpenPgp.SUFFIX;
            Path staged = staging.resolve(sent);
            if (pgp == null) {
                Files.copy(source, staged, StandardCopyOption.REPLACE_EXISTING);
                manifest.plain(name);
            } else {
                pgp.encryptAndSign(source, staged);
                manifest.encrypted(name, sent, Files.size(staged), Sha256.of(staged));
            }
            prepared.add(new PreparedFile(name, remoteFolder + "/" + sent, sourceSha, Files.size(source),
                    Sha256.of(staged), Files.size(staged)));
        }
        Path cycleManifest = cycleFolder.resolve(DeliveryManifest.FILE);
        manifest.delivery(number, again, Sha256.of(cycleManifest), pgp);
        Path deliveryManifest = staging.resolve(DeliveryManifest.FILE);
        try (OutputStream out = PrivateFiles.newOutputStream(deliveryManifest)) {
            out.write(manifest.json().getBytes(StandardCharsets.UTF_8));
        }
        prepared.add(new PreparedFile(DeliveryManifest.FILE, remoteFolder + "/" + DeliveryManifest.FILE,
                Sha256.of(cycleManifest), Files.size(cycleManifest), Sha256.of(deliveryManifest),
                Files.size(deliveryManifest)));
        writes.prepared(cycleDate, number, again, pgp != null, remoteFolder, prepared);
        report.accept("Prepared delivery #" + number + (again ? " (again)" : "") + " of the cycle of " + cycleDate
                + ": " + prepared.size() + " files" + (pgp == null ? ", not encrypted (no firm certificate is set)"
                        : ", encrypted for " + pgp.recipient() + " and signed by " + pgp.signer()));
        return attempt;
    }

    private String remoteFolder(LocalDate cycleDate) {
        String root = settings.sftp().remoteFolder();
        while (root.length() > 1 && root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
        return (root.isEmpty() || root.equals(".") ? "" : root + "/") + cycleDate;
    }

    private Outcome upload(Attempt attempt, Path staging, Consumer<String> report) throws IOException {
        List<DeliveredFile> files = queries.files(attempt.cycleDate(), attempt.attempt());
        int[] counts = new int[2];
        server.open(session -> {
            makeFolders(session, attempt.remoteFolder());
            for (DeliveredFile file : files) {
                if (file.delivered()) {
                    continue;
                }
                String sent = file.remoteName().substring(file.remoteName().lastIndexOf('/') + 1);
                if (isOnServer(session, file)) {
                    report.accept("  " + sent + ": already on the server, complete (SHA-256 " + file.sha256() + ")");
                    counts[1]++;
                } else {
                    send(session, staging.resolve(sent), file, attempt.cycleDate());
                    report.accept("  " + sent + ": delivered, " + file.bytes() + " bytes, SHA-256 " + file.sha256());
                    counts[0]++;
                }
                writes.fileDelivered(attempt.cycleDate(), attempt.attempt(), file.position());
            }
            return null;
        });
        writes.delivered(attempt.cycleDate(), attempt.attempt());
        return new Outcome(attempt.cycleDate(), attempt.attempt(), attempt.again(), false, counts[0], counts[1],
                files.size(), attempt.remoteFolder(), attempt.encrypted());
    }

    /** Uploads under a temporary name (replacing any partial one), checks its size, renames it into place. */
    private static void send(SftpSession session, Path staged, DeliveredFile file, LocalDate cycleDate)
            throws IOException {
        if (!Files.isRegularFile(staged) || !Sha256.of(staged).equals(file.sha256())) {
            throw new IllegalStateException("the prepared file " + staged + " is missing or changed; deliver the"
                    + " cycle's files anew with scripts/arcycle deliver --cycle-date " + cycleDate + " --again");
        }
        String remote = file.remoteName();
        int slash = remote.lastIndexOf('/');
        String partial = remote.substring(0, slash + 1) + "." + remote.substring(slash + 1) + ".part";
        session.remove(partial);
        try (InputStream in = Files.newInputStream(staged)) {
            session.write(in, partial);
        }
        long size = session.getClientInstance().stat(partial).getSize();
        if (size != file.bytes()) {
            throw new IOException(partial + " holds " + size + " bytes on the server after the upload, not "
                    + file.bytes());
        }
        session.rename(partial, remote);
    }

    /** Whether the server holds the file under its final name, complete, with the recorded SHA-256. */
    private static boolean isOnServer(SftpSession session, DeliveredFile file) throws IOException {
        if (!session.exists(file.remoteName())) {
            return false;
        }
        SftpClient.Attributes attributes = session.getClientInstance().stat(file.remoteName());
        if (!attributes.isRegularFile() || attributes.getSize() != file.bytes()) {
            return false;
        }
        Sha256 sha = Sha256.sink();
        session.read(file.remoteName(), sha.stream());
        return sha.hex().equals(file.sha256());
    }

    private static void makeFolders(SftpSession session, String folder) throws IOException {
        StringBuilder path = new StringBuilder(folder.startsWith("/") ? "/" : "");
        for (String part : folder.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            path.append(part);
            if (!session.exists(path.toString())) {
                session.mkdir(path.toString());
            }
            path.append('/');
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
