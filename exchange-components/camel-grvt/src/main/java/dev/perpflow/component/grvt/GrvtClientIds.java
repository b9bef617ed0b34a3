package dev.perpflow.component.grvt;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GRVT's {@code client_order_id} is a uint64 (as text), perpflow's a string. GRVT asks API clients to use
 * [2^63, 2^64 − 1] (its UI uses the lower half), so the venue id is 2^63 plus the first 63 bits of the string's SHA-256:
 * the same string always gives the same id, also after a restart. This client remembers which string each id stands
 * for, to report orders and fills under the caller's id; an id it never saw is reported as its decimal text.
 */
final class GrvtClientIds {

    private static final BigInteger HIGH_BIT = BigInteger.ONE.shiftLeft(63);

    private final Map<String, String> byVenueId = new ConcurrentHashMap<>();

    static String venueId(String clientOrderId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(clientOrderId.getBytes(StandardCharsets.UTF_8));
            BigInteger low = new BigInteger(1, java.util.Arrays.copyOf(digest, 8)).shiftRight(1);
            return HIGH_BIT.add(low).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Records {@code clientOrderId}; returns another id already holding its venue id (a collision). */
    Optional<String> claim(String clientOrderId) {
        String holder = byVenueId.putIfAbsent(venueId(clientOrderId), clientOrderId);
        return holder == null || holder.equals(clientOrderId) ? Optional.empty() : Optional.of(holder);
    }

    String clientOrderId(String venueId) {
        return venueId == null ? null : byVenueId.getOrDefault(venueId, venueId);
    }
}
