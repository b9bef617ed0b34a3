package dev.perpflow.app.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts stored secrets with AES-256-GCM under the {@link MasterKey}: a fresh 96-bit random nonce per value, a
 * 128-bit tag, and associated data naming where the value belongs (for example {@code credentials:7:aster}), so a
 * ciphertext copied to another row does not decrypt. Stored form: {@code v1:} + base64url(nonce ‖ ciphertext ‖ tag).
 * A value that fails authentication (wrong key, tampering, wrong row) raises {@link DecryptionException}; nothing is
 * ever half-decrypted.
 */
public final class SecretBox {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final MasterKey key;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(MasterKey key) {
        this.key = key;
    }

    public String encrypt(String plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this JVM", e);
        }
    }

    public String decrypt(String stored, String context) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new DecryptionException(context, "not an encrypted value of a known format");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new DecryptionException(context, "the stored value is not valid base64");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new DecryptionException(context, "the stored value is truncated");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new DecryptionException(context, "authentication failed: wrong master key or tampered data");
        } catch (GeneralSecurityException e) {
            throw new DecryptionException(context, "decryption failed: " + e.getClass().getSimpleName());
        }
    }

    /** A stored secret could not be decrypted; the message says which and why, never any of its content. */
    public static final class DecryptionException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public DecryptionException(String context, String reason) {
            super("cannot decrypt " + context + ": " + reason);
        }
    }
}
