package com.arcycle.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a firm is most likely to use: GnuPG. Keys made by gpg itself (the firm's for encryption,
 * the business's for signing, with a passphrase), a file encrypted and signed by arcycle, and gpg
 * decrypting it to the same bytes and reporting a good signature from the business. (Skipped, with
 * a message, where gpg is not installed; .ci/run installs it.)
 */
class OpenPgpGnuPgIntegrationTests {

    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    Path work;

    private Path home;

    @BeforeEach
    void gnupg() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/gpg")),
                "GnuPG interop test skipped: /usr/bin/gpg is not installed (apt-get install gnupg)");
        home = Files.createDirectories(work.resolve("gnupg"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
    }

    private String gpg(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("gpg", "--homedir", home.toString(), "--batch", "--yes",
                "--pinentry-mode", "loopback"));
        command.addAll(List.of(args));
        Path log = work.resolve("gpg.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(log);
        assertThat(process.exitValue()).as("gpg %s: %s", String.join(" ", args), output).isZero();
        return output;
    }

    private Path export(String uid, boolean secret, String name) throws Exception {
        Path file = work.resolve(name);
        if (secret) {
            gpg("--passphrase", PASSPHRASE, "--armor", "--output", file.toString(), "--export-secret-keys", uid);
        } else {
            gpg("--armor", "--output", file.toString(), "--export", uid);
        }
        return file;
    }

    @Test
    void gnuPgDecryptsWhatArcycleEncryptedForTheFirmAndVerifiesTheBusinesssSignature() throws Exception {
        // The keys as GnuPG 2.2 makes them by default (its own algorithms and packet versions).
        gpg("--passphrase", "", "--quick-gen-key", "AR Firm <files@arfirm.example>", "default", "default", "never");
        gpg("--passphrase", PASSPHRASE, "--quick-gen-key", "Harbor Lane Services <billing@harborlane.example>",
                "default", "default", "never");
        Path firm = export("files@arfirm.example", false, "firm.asc");
        Path business = export("billing@harborlane.example", true, "business-secret.asc");

        Path source = work.resolve("collections-referral.csv");
        Files.writeString(source, "account_number,name\nA001,Müller & Söhne\n", StandardCharsets.UTF_8);
        Path encrypted = work.resolve("collections-referral.csv.pgp");
        OpenPgp.of(new DeliveryProperties.Pgp(firm, business, PASSPHRASE)).encryptAndSign(source, encrypted);

        Path decrypted = work.resolve("decrypted.csv");
        String report = gpg("--status-fd", "1", "--output", decrypted.toString(), "--decrypt", encrypted.toString());
        assertThat(Files.readAllBytes(decrypted)).isEqualTo(Files.readAllBytes(source));
        assertThat(report).contains("[GNUPG:] GOODSIG").contains("Harbor Lane Services")
                .contains("[GNUPG:] DECRYPTION_OKAY");
    }
}
