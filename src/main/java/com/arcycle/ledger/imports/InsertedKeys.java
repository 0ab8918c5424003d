package com.arcycle.ledger.imports;

import java.nio.charset.StandardCharsets;

/**
 * The keys a file's step has inserted, as a Bloom filter of fixed size (2 MB): "not inserted" is
 * certain, "inserted" may be wrong (about 1 key in 1,800 at a million keys, 4 in 10 at five million). A step
 * that starts on an empty table looks up only the keys this says may be inserted: the rows of a
 * first import are then checked against the database without a query per chunk, in flat memory.
 */
final class InsertedKeys {

    private static final int BITS = 1 << 24;
    private static final int HASHES = 7;

    private final long[] words = new long[BITS / 64];

    void add(String key) {
        long hash = hash(key);
        for (int i = 0; i < HASHES; i++) {
            int bit = bit(hash, i);
            words[bit >>> 6] |= 1L << bit;
        }
    }

    boolean mayContain(String key) {
        long hash = hash(key);
        for (int i = 0; i < HASHES; i++) {
            int bit = bit(hash, i);
            if ((words[bit >>> 6] & (1L << bit)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** The i-th bit of a key, from two 32-bit halves of its hash (Kirsch and Mitzenmacher). */
    private static int bit(long hash, int i) {
        int h1 = (int) hash;
        int h2 = (int) (hash >>> 32) | 1;
        return (h1 + i * h2) & (BITS - 1);
    }

    /** FNV-1a over the key's UTF-8 bytes, 64 bits, then mixed (SplitMix64's finalizer). */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
