package dev.perpflow.lighter.signer;

import java.security.SecureRandom;

/**
 * A Lighter API key: the 40-byte private key (an ECgFp5 scalar, little-endian; {@code API_KEY_PRIVATE_KEY} as hex,
 * with or without {@code 0x}) and its public key, the 40-byte encoding of sk·G that the venue registers for the key
 * index. Signs hashed messages with a fresh random nonce each time. Never prints the private key.
 */
public final class LighterKey {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Scalar secret;
    private final Fp5 publicKey;

    private LighterKey(Scalar secret) {
        if (secret.isZero()) {
            throw new IllegalArgumentException("lighter: the API private key is zero");
        }
        this.secret = secret;
        this.publicKey = Schnorr.publicKey(secret);
    }

    /** The key of 40 little-endian bytes (a value not below the group order is reduced, as the venue's SDK does). */
    public static LighterKey fromBytes(byte[] bytes) {
        if (bytes.length != Scalar.BYTES) {
            throw new IllegalArgumentException("lighter: the API private key must be " + Scalar.BYTES
                    + " bytes (" + 2 * Scalar.BYTES + " hex digits), was " + bytes.length);
        }
        return new LighterKey(Scalar.fromBytes(bytes));
    }

    /** The key of its hex text ({@code 0x} optional); errors never repeat the text. */
    public static LighterKey fromHex(String hex) {
        if (hex == null || hex.isBlank()) {
            throw new IllegalArgumentException("lighter: the API private key is missing");
        }
        return fromBytes(Bytes.fromHex(hex, "lighter: the API private key"));
    }

    /** A new random key (tests, fakes). */
    public static LighterKey generate() {
        return new LighterKey(Scalar.random(RANDOM));
    }

    public static LighterKey of(Scalar secret) {
        return new LighterKey(secret);
    }

    public Fp5 publicKey() {
        return publicKey;
    }

    /** The public key as the venue lists it ({@code /api/v1/apikeys}): 80 lower-case hex digits. */
    public String publicKeyHex() {
        return Bytes.hex(publicKey.toBytes());
    }

    /** The private key's hex, for storing it; callers must treat it as the secret it is. */
    public String privateKeyHex() {
        return Bytes.hex(secret.toBytes());
    }

    public Schnorr.Signature sign(Fp5 hashedMessage) {
        return Schnorr.sign(hashedMessage, secret, RANDOM);
    }

    /** Signs with a given nonce (test vectors only). */
    public Schnorr.Signature sign(Fp5 hashedMessage, Scalar k) {
        return Schnorr.sign(hashedMessage, secret, k);
    }

    /** A public key from its hex form (40 bytes), as {@code /api/v1/apikeys} lists it. */
    public static Fp5 publicKeyFromHex(String hex) {
        return Fp5.fromBytes(Bytes.fromHex(hex, "lighter: the public key"));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LighterKey key && secret.equals(key.secret);
    }

    @Override
    public int hashCode() {
        return publicKey.hashCode();
    }

    @Override
    public String toString() {
        return "LighterKey[publicKey=" + publicKeyHex().substring(0, 8) + "…, privateKey=***]";
    }
}
