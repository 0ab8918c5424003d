package com.arcycle.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The manifest.json the firm receives, last: the cycle's manifest (cycle date, policy, ledger
 * totals) with the files of this delivery only. Each file of the cycle keeps its entry (records,
 * control total, size and SHA-256 before encryption); an encrypted file is named in it
 * ({@code delivered_as}) and has an entry of its own with the size and SHA-256 of the bytes sent
 * ({@code encrypted_from}). Once the firm has decrypted the files beside the .pgp ones,
 * {@code scripts/arcycle verify} checks the folder against it as it checks a cycle folder.
 */
final class DeliveryManifest {

    static final String FILE = "manifest.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectNode root;
    private final ArrayNode files;
    private final JsonNode cycleFiles;

    private DeliveryManifest(ObjectNode cycleManifest) {
        this.cycleFiles = cycleManifest.path("files");
        this.root = cycleManifest.deepCopy();
        root.remove("files");
        this.files = JSON.createArrayNode();
    }

    /** The cycle folder's manifest.json, read. */
    static DeliveryManifest of(Path cycleFolder) throws IOException {
        Path file = cycleFolder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("the cycle folder " + cycleFolder + " has no " + FILE
                    + ": the cycle's files are not complete (run or restart the cycle first)");
        }
        return new DeliveryManifest((ObjectNode) JSON.readTree(Files.readString(file)));
    }

    /** The cycle manifest's entry for a file, if the cycle made it. */
    Optional<JsonNode> entry(String name) {
        for (JsonNode entry : cycleFiles) {
            if (name.equals(entry.path("name").asString(""))) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /** Describes the delivery: which attempt, whether deliberate again, the keys used. */
    void delivery(int attempt, boolean again, String cycleManifestSha256, OpenPgp pgp) {
        ObjectNode delivery = root.putObject("delivery");
        delivery.put("attempt", attempt);
        delivery.put("again", again);
        delivery.put("cycle_manifest_sha256", cycleManifestSha256);
        delivery.put("encrypted", pgp != null);
        if (pgp != null) {
            delivery.put("encrypted_for", pgp.recipient());
            delivery.put("signed_by", pgp.signer());
        }
    }

    /** Lists a file of the cycle as delivered (unencrypted: as it is). */
    void plain(String name) {
        files.add(entry(name).orElseThrow().deepCopy());
    }

    /** Lists a file of the cycle and the encrypted file sent in its place. */
    void encrypted(String name, String deliveredName, long bytes, String sha256) {
        ObjectNode source = (ObjectNode) entry(name).orElseThrow().deepCopy();
        source.put("delivered_as", deliveredName);
        files.add(source);
        ObjectNode sent = files.addObject();
        sent.put("name", deliveredName);
        sent.put("bytes", bytes);
        sent.put("sha256", sha256);
        sent.put("encrypted_from", name);
    }

    String json() {
        ObjectNode out = root.deepCopy();
        out.set("files", files);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out) + "\n";
    }
}
