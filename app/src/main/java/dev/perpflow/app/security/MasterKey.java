package dev.perpflow.app.security;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key every stored secret is encrypted with: 32 random bytes (AES-256), given as standard base64 (44 characters,
 * e.g. {@code perpflow master-key generate} prints one) in {@code PERPFLOW_MASTER_KEY} / {@code perpflow.master-key}.
 * Never printed: {@link #toString()} shows only a fingerprint-free placeholder.
 */
public final class MasterKey {

    public static final int LENGTH_BYTES = 32;

    private final SecretKey key;

    private MasterKey(byte[] bytes) {
        this.key = new SecretKeySpec(bytes, "AES");
        Arrays.fill(bytes, (byte) 0);
    }

    /** Parses the documented format; the message names what is wrong, never the value. */
    public static MasterKey parse(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new InvalidMasterKeyException("the master key is empty: set PERPFLOW_MASTER_KEY (generate one with "
                    + "'master-key generate')");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidMasterKeyException("the master key is not base64: PERPFLOW_MASTER_KEY must be 32 random "
                    + "bytes in standard base64 (44 characters; 'master-key generate' prints one)");
        }
        if (bytes.length != LENGTH_BYTES) {
            throw new InvalidMasterKeyException("the master key decodes to " + bytes.length + " bytes; it must be "
                    + LENGTH_BYTES + " (AES-256). 'master-key generate' prints a valid one");
        }
        return new MasterKey(bytes);
    }

    /** A new random key in the documented format. */
    public static String generate() {
        byte[] bytes = new byte[LENGTH_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    SecretKey secretKey() {
        return key;
    }

    @Override
    public String toString() {
        return "MasterKey[***]";
    }

    /** The master key is missing or malformed. */
    public static final class InvalidMasterKeyException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public InvalidMasterKeyException(String message) {
            super(message);
        }
    }
}
