package dev.perpflow.lighter.signer;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Lighter's auth token for private reads and streams: {@code "{deadline}:{account}:{apiKeyIndex}:{sig}"}, where the
 * deadline is Unix seconds and {@code sig} is the hex Schnorr signature of the message
 * {@code "{deadline}:{account}:{apiKeyIndex}"}, hashed as its UTF-8 bytes in 8-byte little-endian words (the last one
 * zero-padded) through Poseidon2 to GF(p^5).
 */
public final class LighterAuthToken {

    /** The venue accepts tokens valid for at most 8 hours. */
    public static final long MAX_VALIDITY_SECONDS = 8 * 3600;

    /** A token's parts. */
    public record Parsed(long deadline, long accountIndex, int apiKeyIndex, String message, Schnorr.Signature signature) {
    }

    private LighterAuthToken() {
    }

    public static String create(LighterKey key, long deadlineEpochSeconds, long accountIndex, int apiKeyIndex) {
        String message = deadlineEpochSeconds + ":" + accountIndex + ":" + apiKeyIndex;
        return message + ":" + Bytes.hex(key.sign(messageHash(message)).toBytes());
    }

    /** The hash of a token's message. */
    public static Fp5 messageHash(String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        long[] words = new long[(bytes.length + 7) / 8];
        byte[] padded = new byte[words.length * 8];
        System.arraycopy(bytes, 0, padded, 0, bytes.length);
        for (int i = 0; i < words.length; i++) {
            words[i] = Bytes.readLong(padded, i * 8);
        }
        return Poseidon2.hashToQuinticExtension(words);
    }

    /** The token's parts, or empty when it is not of the form above. */
    public static Optional<Parsed> parse(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split(":", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        try {
            long deadline = Long.parseLong(parts[0]);
            long account = Long.parseLong(parts[1]);
            int apiKey = Integer.parseInt(parts[2]);
            byte[] signature = Bytes.fromHex(parts[3], "the token's signature");
            if (signature.length != Schnorr.Signature.BYTES) {
                return Optional.empty();
            }
            return Optional.of(new Parsed(deadline, account, apiKey, parts[0] + ":" + parts[1] + ":" + parts[2],
                    Schnorr.Signature.fromBytes(signature)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the token is well formed and signed by {@code publicKey} (the deadline is the caller's to check). */
    public static boolean verify(Parsed token, Fp5 publicKey) {
        return Schnorr.verify(publicKey, messageHash(token.message()), token.signature());
    }
}
