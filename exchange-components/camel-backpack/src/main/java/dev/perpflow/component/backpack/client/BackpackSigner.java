package dev.perpflow.component.backpack.client;

import dev.perpflow.component.backpack.BackpackCredentials;
import dev.perpflow.exchange.auth.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * Backpack request signing: Ed25519 (JDK) over the signee string
 * {@code instruction=<name>&<params sorted by name>&timestamp=<ms>&window=<ms>}, where the params are the query
 * parameters and the top-level body fields merged (values as text: numbers as sent, booleans {@code true}/{@code
 * false}), base64 in {@code X-Signature}. The private stream's subscribe signs
 * {@code instruction=subscribe&timestamp=<ms>&window=<ms>}.
 */
public final class BackpackSigner {

    /** DER prefix of a PKCS#8 Ed25519 private key; the 32-byte seed follows. */
    private static final byte[] PKCS8_PREFIX = hex("302e020100300506032b657004220420");
    /** DER prefix of an X.509 Ed25519 public key; the 32-byte key follows. */
    private static final byte[] X509_PREFIX = hex("302a300506032b6570032100");

    private final PrivateKey key;
    private final String publicKey;

    public BackpackSigner(BackpackCredentials credentials) {
        this.key = privateKey(credentials.secretKey());
        this.publicKey = credentials.publicKey();
    }

    /** The base64 public key ({@code X-API-Key}). */
    public String publicKey() {
        return publicKey;
    }

    /** The signee of one request (instruction first, params sorted by name, then timestamp and window). */
    public static String signee(String instruction, Map<String, String> params, long timestamp, long window) {
        StringBuilder signee = new StringBuilder("instruction=").append(instruction);
        new TreeMap<>(params).forEach((name, value) -> signee.append('&').append(name).append('=').append(value));
        return signee.append("&timestamp=").append(timestamp).append("&window=").append(window).toString();
    }

    /** Base64 Ed25519 signature of the UTF-8 bytes of {@code signee}. */
    public String sign(String signee) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(key);
            ed25519.update(signee.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ed25519.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Whether a base64 signature of {@code message} verifies under a base64 public key. */
    public static boolean verify(String publicKeyBase64, String message, String signatureBase64) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(publicKey(publicKeyBase64));
            ed25519.update(message.getBytes(StandardCharsets.UTF_8));
            return ed25519.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether {@code publicKey} belongs to {@code secretKey}: a probe message signed by one verifies with the other. */
    public static boolean isKeyPair(String publicKey, Secret secretKey) {
        String probe = "perpflow backpack key check";
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(privateKey(secretKey));
            ed25519.update(probe.getBytes(StandardCharsets.UTF_8));
            return verify(publicKey, probe, Base64.getEncoder().encodeToString(ed25519.sign()));
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static PrivateKey privateKey(Secret seed) {
        byte[] raw = Base64.getDecoder().decode(seed.reveal());
        byte[] der = new byte[PKCS8_PREFIX.length + raw.length];
        System.arraycopy(PKCS8_PREFIX, 0, der, 0, PKCS8_PREFIX.length);
        System.arraycopy(raw, 0, der, PKCS8_PREFIX.length, raw.length);
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            // never include the key material
            throw new IllegalArgumentException("backpack: the secret key is not an Ed25519 seed");
        }
    }

    private static PublicKey publicKey(String base64) throws GeneralSecurityException {
        byte[] raw = Base64.getDecoder().decode(base64);
        byte[] der = new byte[X509_PREFIX.length + raw.length];
        System.arraycopy(X509_PREFIX, 0, der, 0, X509_PREFIX.length);
        System.arraycopy(raw, 0, der, X509_PREFIX.length, raw.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    }

    private static byte[] hex(String hex) {
        return java.util.HexFormat.of().parseHex(hex);
    }

    @Override
    public String toString() {
        return "BackpackSigner[" + publicKey + ", ***]";
    }
}
