package com.arcycle.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 in lower-case hex, as the manifest gives it: of a local file, or of bytes as they stream past. */
final class Sha256 {

    private final DigestOutputStream stream;

    private Sha256() {
        try {
            stream = new DigestOutputStream(OutputStream.nullOutputStream(), MessageDigest.getInstance("SHA-256"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String of(Path file) throws IOException {
        Sha256 sha = new Sha256();
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(sha.stream);
        }
        return sha.hex();
    }

    /** A sink whose {@link #hex()} is the SHA-256 of what was written into it. */
    static Sha256 sink() {
        return new Sha256();
    }

    OutputStream stream() {
        return stream;
    }

    String hex() {
        return HexFormat.of().formatHex(stream.getMessageDigest().digest());
    }
}
