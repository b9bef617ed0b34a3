package dev.perpflow.grid;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Deterministic client order ids per (run, grid position, category) — categories {@code entry}, {@code close},
 * {@code close-retry-<n>} as the seed. The numeric index (for venues with 6-digit client indices, like Lighter) is
 * a hash of {@code "<position>:<category>"} mod 1,000,000, never 0; the seed used blake2b, which the JDK lacks, so
 * this uses the first 8 bytes of SHA-256: same range and determinism, different values.
 */
public final class GridOrderIds {

    static final int INDEX_MODULUS = 1_000_000;

    private GridOrderIds() {
    }

    public static String clientOrderId(String runId, String positionId, String category) {
        return runId + "-" + positionId + "-" + category;
    }

    public static String closeRetry(int attempt) {
        return "close-retry-" + attempt;
    }

    public static int clientOrderIndex(String positionId, String category) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((positionId + ":" + category).getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (digest[i] & 0xFF);
            }
            int index = (int) Long.remainderUnsigned(value, INDEX_MODULUS);
            return index == 0 ? 1 : index;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
