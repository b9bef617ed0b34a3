package dev.perpflow.component.backpack;

import dev.perpflow.component.backpack.client.BackpackSigner;
import dev.perpflow.exchange.auth.Secret;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Backpack API credentials, as the seed reads them: the base64 Ed25519 public key (sent as {@code X-API-Key}; env
 * {@code BACKPACK_PUBLIC_KEY}) and the base64 32-byte Ed25519 seed that signs (env {@code BACKPACK_SECRET_KEY}).
 * Both are checked when built: base64, 32 bytes, and the public key must belong to the secret, so a mixed-up pair
 * fails at startup instead of on the first order. Prints with the key shortened and the secret masked.
 */
public final class BackpackCredentials {

    public static final String PUBLIC_KEY_ENV = "BACKPACK_PUBLIC_KEY";
    public static final String SECRET_KEY_ENV = "BACKPACK_SECRET_KEY";

    private final String publicKey;
    private final Secret secretKey;

    private BackpackCredentials(String publicKey, Secret secretKey) {
        this.publicKey = publicKey;
        this.secretKey = secretKey;
    }

    /** Checked credentials from the two base64 values. */
    public static BackpackCredentials of(String publicKey, String secretKey) {
        BackpackCredentials credentials = unchecked(publicKey, secretKey);
        if (!BackpackSigner.isKeyPair(credentials.publicKey, credentials.secretKey)) {
            throw new IllegalArgumentException("backpack: " + PUBLIC_KEY_ENV + " is not the public key of "
                    + SECRET_KEY_ENV);
        }
        return credentials;
    }

    /** Credentials from {@code BACKPACK_PUBLIC_KEY} / {@code BACKPACK_SECRET_KEY}, when both are set. */
    public static Optional<BackpackCredentials> fromEnvironment(Map<String, String> environment) {
        String publicKey = environment.get(PUBLIC_KEY_ENV);
        String secretKey = environment.get(SECRET_KEY_ENV);
        if (isBlank(publicKey) && isBlank(secretKey)) {
            return Optional.empty();
        }
        return Optional.of(of(publicKey, secretKey));
    }

    /**
     * Well-formed but not checked as a pair: only for tests that need a signature the venue rejects.
     */
    static BackpackCredentials unchecked(String publicKey, String secretKey) {
        if (isBlank(publicKey)) {
            throw new IllegalArgumentException("backpack: " + PUBLIC_KEY_ENV + " is missing");
        }
        if (isBlank(secretKey)) {
            throw new IllegalArgumentException("backpack: " + SECRET_KEY_ENV + " is missing");
        }
        String key = publicKey.strip();
        requireKeyBytes(key, PUBLIC_KEY_ENV);
        Secret secret = Secret.of(secretKey);
        requireKeyBytes(secret.reveal(), SECRET_KEY_ENV);
        return new BackpackCredentials(key, secret);
    }

    /** The base64 public key: the {@code X-API-Key} header and the first element of a stream signature. */
    public String publicKey() {
        return publicKey;
    }

    /** The signing seed (prints as {@code ***}). */
    public Secret secretKey() {
        return secretKey;
    }

    private static void requireKeyBytes(String base64, String name) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            // the message names the variable only: the value may be a secret
            throw new IllegalArgumentException("backpack: " + name + " is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException("backpack: " + name + " must be 32 bytes (base64 of an Ed25519 key), was "
                    + bytes.length);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BackpackCredentials that && publicKey.equals(that.publicKey)
                && secretKey.reveal().equals(that.secretKey.reveal());
    }

    @Override
    public int hashCode() {
        return Objects.hash(publicKey);
    }

    @Override
    public String toString() {
        return "BackpackCredentials[publicKey=" + publicKey.substring(0, Math.min(6, publicKey.length()))
                + "…, secretKey=***]";
    }
}
