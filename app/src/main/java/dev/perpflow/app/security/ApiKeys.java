package dev.perpflow.app.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * API key format and hashing. A key is {@code perp_} + 32 hex characters (128 random bits, the seed's format); its
 * first {@value #PREFIX_LENGTH} characters are stored in clear as the lookup prefix (and shown in listings), the whole
 * key only as a salted PBKDF2-HMAC-SHA256 hash: {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}.
 */
public final class ApiKeys {

    public static final String KEY_PREFIX = "perp_";
    public static final int PREFIX_LENGTH = 12;
    static final int ITERATIONS = 120_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    public static String generate() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return KEY_PREFIX + HexFormat.of().formatHex(bytes);
    }

    public static boolean looksLikeKey(String key) {
        return key != null && key.matches(KEY_PREFIX + "[0-9a-f]{32}");
    }

    public static String lookupPrefix(String key) {
        return key.substring(0, Math.min(PREFIX_LENGTH, key.length()));
    }

    public static String hash(String key) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return "pbkdf2-sha256$" + ITERATIONS + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(pbkdf2(key, salt, ITERATIONS));
    }

    /** Constant-time check of a presented key against a stored hash; a malformed hash never matches. */
    public static boolean matches(String key, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals("pbkdf2-sha256")) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, pbkdf2(key, salt, iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] pbkdf2(String key, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(key.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is unavailable in this JVM", e);
        }
    }
}
