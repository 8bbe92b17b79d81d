package org.clinigate.core.auth;

import org.clinigate.core.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The shape of an API key: {@code cg_} then 43 base64url characters (256 bits from a
 * {@link SecureRandom}). The first 8 of them are the lookup prefix. A key's SHA-256 is what is stored: a
 * fast hash is enough because the key itself has full entropy. Stateless and thread safe.
 */
public final class KeyFormat {

    public static final String MARK = "cg_";
    static final int PREFIX = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyFormat() {
    }

    public static String newSecret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return MARK + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The lookup prefix, or null when {@code key} does not have the shape of a key. */
    public static String prefixOf(String key) {
        if (key == null || key.length() != MARK.length() + 43 || !key.startsWith(MARK)) {
            return null;
        }
        for (int i = MARK.length(); i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return null;
            }
        }
        return key.substring(MARK.length(), MARK.length() + PREFIX);
    }

    public static String hash(String key) {
        return Sha256.hex(key);
    }

    /** Compares two hex hashes in time that does not depend on where they differ. */
    public static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
