package dev.perpflow.exchange.crypto;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.KeccakDigest;

/** Ethereum's keccak-256 (the original Keccak padding, not NIST SHA3-256), over one or more byte strings. */
public final class Keccak {

    private Keccak() {
    }

    /** keccak256 of the concatenation of {@code parts}. */
    public static byte[] hash(byte[]... parts) {
        KeccakDigest digest = new KeccakDigest(256);
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }

    /** keccak256 of the UTF-8 bytes of {@code text}. */
    public static byte[] hash(String text) {
        return hash(text.getBytes(StandardCharsets.UTF_8));
    }
}
