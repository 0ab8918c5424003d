package com.arcycle.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;

/**
 * OpenPGP keys for delivery tests, made fresh: the AR firm's (its certificate is what arcycle
 * encrypts for; its secret key decrypts in the test) and the business's, which signs, with a
 * passphrase as a real one would have.
 */
public final class OpenPgpKeys {

    public static final String PASSPHRASE = "correct horse battery staple";

    private final Path folder;
    private final OpenPGPKey firm;
    private final OpenPGPKey business;

    private OpenPgpKeys(Path folder) throws Exception {
        this.folder = Files.createDirectories(folder);
        BcOpenPGPApi api = new BcOpenPGPApi();
        // Version 4 keys, as GnuPG 2.2 and most firms have them (it cannot read version 6).
        firm = api.generateKey(PublicKeyPacket.VERSION_4).ed25519x25519Key("AR Firm <files@arfirm.example>").build();
        business = api.generateKey(PublicKeyPacket.VERSION_4).ed25519x25519Key("Harbor Lane Services <billing@harborlane.example>")
                .build(PASSPHRASE.toCharArray());
        Files.writeString(folder.resolve("firm.asc"), firm.toCertificate().toAsciiArmoredString());
        // For trying the delivered files by hand (gpg --import firm-secret.asc; gpg --decrypt ...).
        Files.writeString(folder.resolve("firm-secret.asc"), firm.toAsciiArmoredString());
        Files.writeString(folder.resolve("business.asc"), business.toCertificate().toAsciiArmoredString());
        Files.writeString(folder.resolve("business-secret.asc"), business.toAsciiArmoredString());
    }

    public static OpenPgpKeys generate(Path folder) {
        try {
            return new OpenPgpKeys(folder);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the test's OpenPGP keys", e);
        }
    }

    /** The firm's secret key (the test decrypts as the firm). */
    public OpenPGPKey firm() {
        return firm;
    }

    /** The business's key; its certificate verifies the signatures. */
    public OpenPGPKey business() {
        return business;
    }

    /** The settings that make arcycle encrypt for the firm and sign as the business. */
    public Map<String, Object> settings() {
        return Map.of("arcycle.delivery.pgp.firm-public-key", folder.resolve("firm.asc").toString(),
                "arcycle.delivery.pgp.signing-key", folder.resolve("business-secret.asc").toString(),
                "arcycle.delivery.pgp.signing-key-passphrase", PASSPHRASE);
    }
}
