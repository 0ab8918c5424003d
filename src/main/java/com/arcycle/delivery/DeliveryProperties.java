package com.arcycle.delivery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code arcycle.delivery.*}: the AR firm's SFTP server, the files it receives, and the OpenPGP keys
 * they are encrypted and signed with. Delivery is off until {@code arcycle.delivery.sftp.host} is
 * set. Passphrases come from the environment (application.properties maps ARCYCLE_SFTP_KEY_PASSPHRASE
 * and ARCYCLE_PGP_PASSPHRASE), never from a file or a command line.
 *
 * @param files the cycle's files the firm receives, in upload order (manifest.json follows them)
 */
@ConfigurationProperties("arcycle.delivery")
record DeliveryProperties(@DefaultValue Sftp sftp,
        @DefaultValue({"collections-referral.csv", "write-off.csv", "service-suspension.csv",
                "aged-receivables.csv"}) List<String> files,
        @DefaultValue Pgp pgp) {

    /**
     * @param knownHosts the OpenSSH known_hosts file that pins the server's host key
     * @param privateKey the key arcycle logs in with (OpenSSH or PEM format)
     * @param remoteFolder where each cycle's folder goes on the server
     * @param outboxFolder where the firm leaves its remittance files
     */
    record Sftp(String host, @DefaultValue("22") int port, String user, Path privateKey,
            String privateKeyPassphrase, Path knownHosts, @DefaultValue("incoming") String remoteFolder,
            @DefaultValue("outbox") String outboxFolder, @DefaultValue("30s") Duration timeout) {

        boolean configured() {
            return host != null && !host.isBlank();
        }

        /** @throws IllegalArgumentException naming the setting that is missing or wrong */
        void check() {
            if (!configured()) {
                throw new IllegalArgumentException("setting arcycle.delivery.sftp.host is not set: delivery to the"
                        + " AR firm is not configured (docs/operations.md, \"Delivery to the AR firm\")");
            }
            required("user", user == null || user.isBlank() ? null : user);
            readable("known-hosts", knownHosts);
            readable("private-key", privateKey);
        }
    }

    /**
     * @param firmPublicKey the firm's OpenPGP certificate: when set, every file is encrypted for it
     * @param signingKey the business's OpenPGP secret key, which signs every encrypted file
     */
    record Pgp(Path firmPublicKey, Path signingKey, String signingKeyPassphrase) {

        boolean encrypts() {
            return firmPublicKey != null && !firmPublicKey.toString().isBlank();
        }

        void check() {
            if (encrypts()) {
                readable("pgp.firm-public-key", firmPublicKey);
                readable("pgp.signing-key", signingKey);
            }
        }
    }

    private static void required(String setting, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("setting arcycle.delivery." + (setting.contains(".") ? "" : "sftp.")
                    + setting + " is not set");
        }
    }

    private static void readable(String setting, Path file) {
        required(setting, file == null || file.toString().isBlank() ? null : file);
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("setting arcycle.delivery." + (setting.contains(".") ? "" : "sftp.")
                    + setting + " = " + file + ": no such readable file");
        }
    }
}
