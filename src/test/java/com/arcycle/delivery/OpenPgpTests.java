package com.arcycle.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPMessageInputStream;
import org.bouncycastle.openpgp.api.OpenPGPSignature.OpenPGPDocumentSignature;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.arcycle.testing.OpenPgpKeys;

class OpenPgpTests {

    @TempDir
    Path work;

    /** Decrypts {@code file} as the firm, checking signatures against {@code signer}; the plain bytes. */
    static Decrypted decrypt(Path file, OpenPGPKey firm, OpenPGPCertificate signer) throws Exception {
        var processor = new BcOpenPGPApi().decryptAndOrVerifyMessage().addDecryptionKey(firm)
                .addVerificationCertificate(signer);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (InputStream in = Files.newInputStream(file);
                OpenPGPMessageInputStream message = processor.process(in)) {
            message.transferTo(plain);
            message.close();
            return new Decrypted(plain.toByteArray(), message.getResult().getSignatures(),
                    message.getResult().getFilename());
        }
    }

    record Decrypted(byte[] bytes, List<OpenPGPDocumentSignature> signatures, String fileName) {

        boolean signatureVerifies() {
            return !signatures.isEmpty() && signatures.stream().allMatch(s -> {
                try {
                    return s.isValid();
                } catch (Exception e) {
                    return false;
                }
            });
        }
    }

    @Test
    void aFileEncryptedForTheFirmDecryptsWithItsKeyToTheSameBytesSignedByTheBusiness() throws Exception {
        OpenPgpKeys keys = OpenPgpKeys.generate(work.resolve("keys"));
        Path source = work.resolve("write-off.csv");
        Files.writeString(source, "account_number,invoice_number\nA001,I-1\n", StandardCharsets.UTF_8);
        OpenPgp pgp = OpenPgp.of(pgpSettings(keys));

        pgp.encryptAndSign(source, work.resolve("write-off.csv.pgp"));

        Decrypted decrypted = decrypt(work.resolve("write-off.csv.pgp"), keys.firm(), keys.business().toCertificate());
        assertThat(decrypted.bytes()).isEqualTo(Files.readAllBytes(source));
        assertThat(decrypted.fileName()).isEqualTo("write-off.csv");
        assertThat(decrypted.signatureVerifies()).as("the business's signature verifies").isTrue();
        assertThat(new String(Files.readAllBytes(work.resolve("write-off.csv.pgp")), StandardCharsets.ISO_8859_1))
                .as("not the plain text").doesNotContain("A001");
    }

    @Test
    void aSignatureByAnotherKeyDoesNotVerify() throws Exception {
        OpenPgpKeys keys = OpenPgpKeys.generate(work.resolve("keys"));
        OpenPgpKeys others = OpenPgpKeys.generate(work.resolve("others"));
        Path source = work.resolve("a.csv");
        Files.writeString(source, "x\n");
        OpenPgp.of(pgpSettings(keys)).encryptAndSign(source, work.resolve("a.csv.pgp"));

        Decrypted decrypted = decrypt(work.resolve("a.csv.pgp"), keys.firm(), others.business().toCertificate());

        assertThat(decrypted.signatureVerifies()).isFalse();
    }

    @Test
    void aWrongPassphraseOfTheSigningKeyFailsTheEncryptionWithoutWritingThePassphrase() throws Exception {
        OpenPgpKeys keys = OpenPgpKeys.generate(work.resolve("keys"));
        Path source = work.resolve("a.csv");
        Files.writeString(source, "x\n");
        var settings = pgpSettings(keys);
        OpenPgp pgp = OpenPgp.of(new DeliveryProperties.Pgp(settings.firmPublicKey(), settings.signingKey(),
                "not the passphrase"));

        assertThatThrownBy(() -> pgp.encryptAndSign(source, work.resolve("a.csv.pgp")))
                .satisfies(e -> assertThat(e.toString()).doesNotContain("not the passphrase"));
    }

    @Test
    void withoutTheFirmsCertificateNothingIsEncrypted() throws Exception {
        assertThat(OpenPgp.of(new DeliveryProperties.Pgp(null, null, null))).isNull();
    }

    static DeliveryProperties.Pgp pgpSettings(OpenPgpKeys keys) {
        return new DeliveryProperties.Pgp(Path.of(keys.settings().get("arcycle.delivery.pgp.firm-public-key")
                .toString()), Path.of(keys.settings().get("arcycle.delivery.pgp.signing-key").toString()),
                OpenPgpKeys.PASSPHRASE);
    }
}
