package com.arcycle.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.api.OpenPGPApi;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPMessageOutputStream;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;

import com.arcycle.delivery.DeliveryProperties.Pgp;
import com.arcycle.platform.PrivateFiles;

/**
 * OpenPGP for the AR firm (Bouncy Castle's OpenPGP API): each file encrypted for the firm's
 * certificate and signed with the business's key, in one binary message (".pgp") that
 * {@code gpg --decrypt} opens and checks. The keys are read from the files the settings name when
 * a delivery starts; the passphrase comes from the environment.
 */
final class OpenPgp {

    static final String SUFFIX = ".pgp";

    private final OpenPGPApi api = new BcOpenPGPApi();
    private final OpenPGPCertificate firm;
    private final OpenPGPKey signer;
    private final char[] passphrase;

    private OpenPgp(OpenPGPCertificate firm, OpenPGPKey signer, char[] passphrase) {
        this.firm = firm;
        this.signer = signer;
        this.passphrase = passphrase;
    }

    /** The keys of the settings, or null when files go unencrypted (no firm certificate is set). */
    static OpenPgp of(Pgp settings) throws IOException {
        if (!settings.encrypts()) {
            return null;
        }
        settings.check();
        OpenPGPApi api = new BcOpenPGPApi();
        OpenPGPCertificate firm;
        OpenPGPKey signer;
        try (InputStream in = Files.newInputStream(settings.firmPublicKey())) {
            firm = api.readKeyOrCertificate().parseCertificateOrKey(in);
        } catch (IOException | RuntimeException e) {
            throw new IOException("setting arcycle.delivery.pgp.firm-public-key = " + settings.firmPublicKey()
                    + ": not an OpenPGP certificate (" + e.getMessage() + ")", e);
        }
        try (InputStream in = Files.newInputStream(settings.signingKey())) {
            signer = api.readKeyOrCertificate().parseKey(in);
        } catch (IOException | RuntimeException e) {
            throw new IOException("setting arcycle.delivery.pgp.signing-key = " + settings.signingKey()
                    + ": not an OpenPGP secret key (" + e.getMessage() + ")", e);
        }
        String passphrase = settings.signingKeyPassphrase();
        return new OpenPgp(firm, signer, passphrase == null || passphrase.isEmpty() ? null : passphrase.toCharArray());
    }

    /** The firm's certificate, by fingerprint. */
    String recipient() {
        return firm.getPrettyFingerprint();
    }

    /** The business's signing key, by fingerprint. */
    String signer() {
        return signer.getPrettyFingerprint();
    }

    /** Encrypts and signs {@code source} into {@code target} (created 0640), under the source's name. */
    void encryptAndSign(Path source, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(source); OutputStream file = PrivateFiles.newOutputStream(target)) {
            var generator = api.signAndOrEncryptMessage()
                    .addEncryptionCertificate(firm)
                    .setArmored(false)
                    .setFileMetadata(source.toFile());
            generator.addSigningKey(signer, key -> passphrase);
            try (OpenPGPMessageOutputStream out = generator.open(file)) {
                in.transferTo(out);
            }
        } catch (PGPException e) {
            throw new IOException("cannot encrypt " + source.getFileName() + " for the AR firm: " + e.getMessage(), e);
        }
    }
}
