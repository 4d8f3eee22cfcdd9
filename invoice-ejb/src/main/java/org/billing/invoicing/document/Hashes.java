package org.billing.invoicing.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Lower-case hex digests: SHA1 names a template (seed 001), SHA-256 seals a document. */
public final class Hashes {

    private Hashes() {}

    public static String sha1(byte[] bytes) {
        return digest("SHA-1", bytes);
    }

    public static String sha256(byte[] bytes) {
        return digest("SHA-256", bytes);
    }

    private static String digest(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
